"""A real SMTP server on 127.0.0.1 (aiosmtpd), a small quarter-reporting world to remind, and workers
racing on their own engines."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.db import make_session_factory
from nghiquyet.documents.models import Document
from nghiquyet.reminders.service import ensure_defaults, set_contact
from nghiquyet.tracking.assignments import assign
from nghiquyet.tracking.updates import create_update, return_update, submit_update
from tests.factories import make_plan, make_unit, make_user
from tests.serving import free_port


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd's hook name
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"

    def to(self, addr: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == addr]


@dataclass
class SmtpServer:
    url: str
    inbox: _Inbox


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer(f"smtp://127.0.0.1:{port}", inbox)
    finally:
        controller.stop()


def at_once(
    db_engine: Engine, work: Callable[[sessionmaker[Session], threading.Barrier], None], workers: int = 2
) -> list[BaseException]:
    """Run `work` in `workers` threads, each with its own engine on the test database (as separate
    processes would have), and return what they raised: `work` waits on the barrier where the race is."""
    url = db_engine.url.render_as_string(hide_password=False)
    engines = [
        create_engine(url, connect_args={"timeout": 30} if url.startswith("sqlite") else {})
        for _ in range(workers)
    ]
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def worker(engine: Engine) -> None:
        try:
            work(make_session_factory(engine), barrier)
        except BaseException as exc:  # reported to the caller: a thread's exception would be lost
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for e in engines:
        e.dispose()
    return errors


@dataclass
class World:
    u1: int
    u2: int
    office: int
    leader: int
    update_id: int
    u1_unit: int = 0
    u2_unit: int = 0


def build_world(factory: sessionmaker[Session]) -> World:
    """Two units, each leading tasks of a 2024 plan reported every quarter (due on the 15th)."""
    with factory() as s:
        ensure_defaults(s)
        unit1, unit2 = make_unit(s, name="Sở Tài chính"), make_unit(s, name="Sở Y tế")
        office = make_user(s, role="office", username="vanphong")
        leader = make_user(s, role="leader", username="lanhdao")
        u1 = make_user(s, role="unit", unit=unit1, username="sotaichinh")
        u2 = make_user(s, role="unit", unit=unit2, username="soyte")
        plan = make_plan(
            s,
            targets=[],
            tasks=[
                {"text": "Xây dựng đề án A"},
                {"text": "Rà soát thủ tục B"},
                {"text": "Nâng cấp trạm y tế C"},
            ],
        )
        doc = Document(
            filename="kh.txt",
            sha256="f" * 64,
            size=1,
            kind="txt",
            stored_path="x",
            extraction={"reporting": {"cadence": ["quarter"], "body": "UBND tỉnh"}},
        )
        s.add(doc)
        s.flush()
        plan.document_id = doc.id
        t1, t2, t3 = plan.tasks
        for task, unit in ((t1, unit1), (t2, unit1), (t3, unit2)):
            assign(s, item_type="task", item_id=task.id, unit_id=unit.id, actor=office)
        for user, mail in (
            (u1, "stc@lamdong.gov.vn"),
            (u2, "syt@lamdong.gov.vn"),
            (office, "vp@lamdong.gov.vn"),
            (leader, "ld@lamdong.gov.vn"),
        ):
            set_contact(s, user_id=user.id, email=mail)
        upd = create_update(s, actor=u2, period="2024-Q1", task_id=t3.id, progress=20.0, note="Đang làm")
        s.commit()
        return World(u1.id, u2.id, office.id, leader.id, upd.id, unit1.id, unit2.id)


def return_the_update(factory: sessionmaker[Session], world: World) -> None:
    from nghiquyet.accounts.models import User

    with factory() as s:
        u2, office = s.get(User, world.u2), s.get(User, world.office)
        assert u2 is not None and office is not None
        submit_update(s, update_id=world.update_id, actor=u2)
        return_update(s, update_id=world.update_id, reason="Thiếu minh chứng", actor=office)
        s.commit()
