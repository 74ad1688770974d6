"""Giải trình and vướng mắc reach people: in the bell at once, in the next email digest, reminded when due."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, InputError, PermissionDenied
from nghiquyet.notifications.email import SmtpChannel
from nghiquyet.plans.models import Task
from nghiquyet.reminders import followup
from nghiquyet.reminders.models import Notification
from nghiquyet.reminders.service import LOCAL_TZ, run, unread_count
from tests.reminders.conftest import SmtpServer, World, build_world


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=LOCAL_TZ)


def _task_of(s: Session, text: str) -> int:
    task_id = s.scalar(select(Task.id).where(Task.text == text))
    assert task_id is not None
    return task_id


def _ask(factory: sessionmaker[Session], world: World, *, due: str = "2024-04-20") -> int:
    with factory() as s:
        leader = s.get(User, world.leader)
        assert leader is not None
        req = followup.ask_to_explain(
            s,
            actor=leader,
            item_type="task",
            item_id=_task_of(s, "Xây dựng đề án A"),
            unit_id=world.u1_unit,
            question="Vì sao đề án A chưa trình?",
            due=dt.date.fromisoformat(due),
            now=at("2024-04-10"),
        )
        s.commit()
        return req.id


def _kinds(factory: sessionmaker[Session], user_id: int) -> list[str]:
    with factory() as s:
        return sorted(s.scalars(select(Notification.kind).where(Notification.user_id == user_id)))


def test_an_explanation_request_is_in_the_bell_the_digest_and_reminded_on_its_due_day(
    session_factory: sessionmaker[Session], smtp_server: SmtpServer
) -> None:
    world = build_world(session_factory)
    req_id = _ask(session_factory, world)
    with session_factory() as s:
        assert unread_count(s, world.u1) == 1  # in the bell before any reminder run
        (note,) = s.scalars(select(Notification).where(Notification.user_id == world.u1))
        assert note.kind == "explain" and note.due == dt.date(2024, 4, 20)
        assert "Vì sao đề án A chưa trình?" in note.body and "20/04/2024" in note.body
    channel = SmtpChannel.from_url(smtp_server.url)
    run(session_factory, now=at("2024-04-10"), channel=channel, base_url="https://nq.lamdong.gov.vn")
    (digest,) = smtp_server.inbox.to("stc@lamdong.gov.vn")
    assert "Yêu cầu giải trình" in digest.get_content()
    assert "https://nq.lamdong.gov.vn/nhiem-vu/" in digest.get_content()

    run(session_factory, now=at("2024-04-20"), channel=channel)
    run(session_factory, now=at("2024-04-21"), channel=channel)
    assert _kinds(session_factory, world.u1).count("explain_due") == 1

    with session_factory() as s:
        u1 = s.get(User, world.u1)
        assert u1 is not None
        followup.answer_explanation(
            s, actor=u1, request_id=req_id, answer="Chờ ý kiến Sở Tư pháp.", now=at("2024-04-22")
        )
        s.commit()
        with pytest.raises(ConflictError):
            followup.answer_explanation(
                s, actor=u1, request_id=req_id, answer="Lần hai", now=at("2024-04-22")
            )
    assert "explained" in _kinds(session_factory, world.leader)


def test_only_leaders_or_the_office_ask_and_only_the_unit_answers(
    session_factory: sessionmaker[Session],
) -> None:
    world = build_world(session_factory)
    with session_factory() as s:
        u1, u2 = s.get(User, world.u1), s.get(User, world.u2)
        assert u1 is not None and u2 is not None
        task = _task_of(s, "Xây dựng đề án A")
        with pytest.raises(PermissionDenied):
            followup.ask_to_explain(
                s,
                actor=u1,
                item_type="task",
                item_id=task,
                unit_id=world.u1_unit,
                question="?",
                due=dt.date(2024, 5, 1),
                now=at("2024-04-10"),
            )
        office = s.get(User, world.office)
        assert office is not None
        with pytest.raises(InputError, match="chưa được giao"):  # Sở Y tế does not hold task A
            followup.ask_to_explain(
                s,
                actor=office,
                item_type="task",
                item_id=task,
                unit_id=world.u2_unit,
                question="?",
                due=dt.date(2024, 5, 1),
                now=at("2024-04-10"),
            )
        with pytest.raises(InputError, match="đã qua"):
            followup.ask_to_explain(
                s,
                actor=office,
                item_type="task",
                item_id=task,
                unit_id=world.u1_unit,
                question="?",
                due=dt.date(2024, 4, 1),
                now=at("2024-04-10"),
            )
        req = followup.ask_to_explain(
            s,
            actor=office,
            item_type="task",
            item_id=task,
            unit_id=world.u1_unit,
            question="Giải trình tiến độ",
            due=dt.date(2024, 5, 1),
            now=at("2024-04-10"),
        )
        with pytest.raises(PermissionDenied):
            followup.answer_explanation(
                s, actor=u2, request_id=req.id, answer="Không phải việc của tôi", now=at("2024-04-11")
            )
