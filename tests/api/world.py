"""A small tracked world built through the services: two units, one plan, updates in each state.

Independent of the extractor's quality: the plan's indicator and task are added as a reviewer would.
Every role gets its own draft and submitted updates, so the permission table can share one world:
no cell consumes an object another cell needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text, update
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import issue_token
from nghiquyet.config import Settings
from nghiquyet.db import load_models
from nghiquyet.documents.service import import_document
from nghiquyet.plans.items import add_indicator, add_task
from nghiquyet.plans.schemas import IndicatorCreate, TargetCreate, TaskCreate
from nghiquyet.plans.service import confirm_plan
from nghiquyet.tracking.assignments import assign
from nghiquyet.tracking.updates import create_update, submit_update
from nghiquyet.units.models import Unit
from nghiquyet.units.service import create_unit

DOCUMENT = (
    "NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n\nI. MỤC TIÊU CHỦ YẾU\n"
    "1. Thu ngân sách nhà nước trên địa bàn: 1.010 tỷ đồng.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n1. Đẩy mạnh thu ngân sách, chống thất thu.\n"
).encode()
# Roles of the permission table: "unit_own" reports for unit A (which holds the items),
# "unit_other" for unit B (which holds nothing).
ROLES = ("admin", "office", "unit_own", "unit_other", "leader", "inspector", "anonymous")
SIGNED_IN = ROLES[:-1]
MONTHS = [f"2024-{m:02d}" for m in range(1, 13)]
# Periods of the per-role updates (target or task × period must be unique per unit).
EDIT_PERIODS = dict(zip(ROLES, MONTHS[:7], strict=True))  # target, draft
SUBMIT_PERIODS = dict(zip(ROLES, MONTHS[:7], strict=True))  # task, draft
APPROVE_PERIODS = dict(zip(ROLES, [*MONTHS[7:], "2024-Q1", "2024-Q2"], strict=True))  # target, submitted
RETURN_PERIODS = dict(zip(ROLES, [*MONTHS[7:], "2024-Q1", "2024-Q2"], strict=True))  # task, submitted
NEW_PERIODS = {"admin": "2024-Q3", "office": "2024-Q4", "unit_own": "2024"}  # POST /updates; others: H2


@dataclass
class World:
    unit_a: int
    unit_b: int
    unit_c: int
    document: int
    plan: int
    indicator: int
    target: int
    task: int
    draft: int  # unit A's draft (target, 2024-H1): read by every role
    submitted: int  # unit A's submitted figure (target, 2024-Q1... see APPROVE_PERIODS["admin"])
    to_edit: dict[str, int]
    to_submit: dict[str, int]
    to_approve: dict[str, int]
    to_return: dict[str, int]
    tokens: dict[str, str]

    def headers(self, role: str) -> dict[str, str]:
        if role == "anonymous":
            return {}
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def _user(session: Session, username: str, role: str, unit_id: int | None) -> User:
    # No password: tests sign in with minted tokens (argon2 costs ~0.1 s per user).
    user = User(username=username, password_hash="!", role=role, unit_id=unit_id)
    session.add(user)
    session.flush()
    return user


def build_world(factory: sessionmaker[Session], settings: Settings) -> World:
    with factory() as session:
        admin = _user(session, "quantri", "admin", None)
        root = create_unit(session, name="Tỉnh ủy", actor=admin)
        unit_a = create_unit(session, name="Sở Tài chính", parent_id=root.id, actor=admin)
        unit_b = create_unit(session, name="Sở Y tế", parent_id=root.id, actor=admin)
        # Given items by the table's POST /assignments, so unit B stays one that holds nothing.
        unit_c = create_unit(session, name="Xã Lạc Dương", parent_id=root.id, actor=admin)
        users = {
            "admin": admin,
            "office": _user(session, "vanphong", "office", root.id),
            "unit_own": _user(session, "sotaichinh", "unit", unit_a.id),
            "unit_other": _user(session, "soyte", "unit", unit_b.id),
            "leader": _user(session, "lanhdao", "leader", root.id),
            "inspector": _user(session, "kiemtra", "inspector", root.id),
        }
        office = users["office"]
        doc = import_document(session, filename="nghi-quyet-2024.txt", data=DOCUMENT, actor=office,
                              settings=settings)
        plan = confirm_plan(session, document_id=doc.id, actor=office)
        indicator = add_indicator(session, plan_id=plan.id, actor=office, data=IndicatorCreate(
            text="Thu ngân sách nhà nước trên địa bàn: 1.010 tỷ đồng.", group="kinh_te_xa_hoi",
            targets=[TargetCreate(metric="Thu ngân sách nhà nước", comparator="gte", value=1010,
                                  unit="tỷ đồng", year=2024)]))
        task = add_task(session, plan_id=plan.id, actor=office,
                        data=TaskCreate(text="Đẩy mạnh thu ngân sách, chống thất thu."))
        assign(session, item_type="indicator", item_id=indicator.id, unit_id=unit_a.id, actor=office)
        assign(session, item_type="task", item_id=task.id, unit_id=unit_a.id, actor=office)
        target_id = indicator.targets[0].id
        reporter = users["unit_own"]

        def report(period: str, *, submit: bool, on_task: bool) -> int:
            if on_task:
                made = create_update(session, actor=reporter, period=period, task_id=task.id, progress=30.0)
            else:
                made = create_update(session, actor=reporter, period=period, target_id=target_id, value=250.0)
            if submit:
                submit_update(session, update_id=made.id, actor=reporter)
            return made.id

        draft = report("2024-H1", submit=False, on_task=False)
        to_edit = {r: report(p, submit=False, on_task=False) for r, p in EDIT_PERIODS.items()}
        to_submit = {r: report(p, submit=False, on_task=True) for r, p in SUBMIT_PERIODS.items()}
        to_approve = {r: report(p, submit=True, on_task=False) for r, p in APPROVE_PERIODS.items()}
        to_return = {r: report(p, submit=True, on_task=True) for r, p in RETURN_PERIODS.items()}
        session.commit()
        return World(
            unit_a=unit_a.id, unit_b=unit_b.id, unit_c=unit_c.id, document=doc.id, plan=plan.id,
            indicator=indicator.id,
            target=target_id, task=task.id, draft=draft, submitted=to_approve["admin"], to_edit=to_edit,
            to_submit=to_submit, to_approve=to_approve, to_return=to_return,
            tokens={role: issue_token(u, settings) for role, u in users.items()},
        )


def empty_database(engine: Engine) -> None:
    """Remove every row (the shared fixture's job, for worlds that outlive one test)."""
    tables = list(reversed(load_models().sorted_tables))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        # units.parent_id is ON DELETE RESTRICT, which SQLite checks row by row: flatten the tree first.
        conn.execute(update(Unit).values(parent_id=None))
        for table in tables:
            conn.execute(table.delete())
