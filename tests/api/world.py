"""A small tracked world built through the services: two units, one plan, updates in each state.

Independent of the extractor's quality: the plan's indicator and task are added as a reviewer would.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import issue_token
from nghiquyet.config import Settings
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
ROLES = ("admin", "office", "unit_own", "unit_other", "leader", "inspector")


@dataclass
class World:
    unit_a: int
    unit_b: int
    document: int
    plan: int
    indicator: int
    target: int
    task: int
    draft: int  # an update of unit A in each state
    submitted: int
    submitted_2: int
    tokens: dict[str, str]

    def headers(self, role: str) -> dict[str, str]:
        if role == "anonymous":
            return {}
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def _user(session: Session, username: str, role: str, unit_id: int | None) -> User:
    # No password: the table signs in with minted tokens (argon2 would cost ~0.1 s per user).
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
        draft = create_update(session, actor=reporter, period="2024-Q1", target_id=target_id, value=230)
        submitted = create_update(session, actor=reporter, period="2024-Q2", target_id=target_id, value=480)
        submit_update(session, update_id=submitted.id, actor=reporter)
        submitted_2 = create_update(session, actor=reporter, period="2024-Q1", task_id=task.id, progress=30)
        submit_update(session, update_id=submitted_2.id, actor=reporter)
        session.commit()
        return World(
            unit_a=unit_a.id, unit_b=unit_b.id, document=doc.id, plan=plan.id, indicator=indicator.id,
            target=target_id, task=task.id, draft=draft.id, submitted=submitted.id,
            submitted_2=submitted_2.id,
            tokens={role: issue_token(u, settings) for role, u in users.items()},
        )


def unit_name(factory: sessionmaker[Session], unit_id: int) -> str:
    with factory() as session:
        unit = session.get(Unit, unit_id)
        assert unit is not None
        return unit.name
