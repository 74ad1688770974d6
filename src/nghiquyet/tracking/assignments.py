"""Give indicators and tasks to units (chủ trì / phối hợp) with a deadline.

Assigning an item to a unit that already holds it changes that assignment (role, deadline, note)
instead of failing, so the office can re-send the same list safely.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Indicator, Task
from nghiquyet.tracking.models import ASSIGNMENT_ROLES, ITEM_TYPES, Assignment
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, readable_unit_ids, require_manager, require_unit_read


@dataclass(frozen=True)
class AssignmentSpec:
    """One line of a batch assignment."""

    item_type: str
    item_id: int
    unit_id: int
    role: str = "lead"
    deadline: dt.date | None = None
    note: str | None = None


def _plan_of_item(session: Session, item_type: str, item_id: int) -> int:
    if item_type not in ITEM_TYPES:
        raise InputError(f"Loại mục giao '{item_type}' không hợp lệ", hint="indicator hoặc task")
    item: Indicator | Task | None = (session.get(Indicator, item_id) if item_type == "indicator"
                                     else session.get(Task, item_id))
    if item is None:
        label = "chỉ tiêu" if item_type == "indicator" else "nhiệm vụ"
        raise NotFoundError(f"Không tìm thấy {label} #{item_id}")
    return item.plan_id


def _assign_one(session: Session, spec: AssignmentSpec, actor: Actor) -> Assignment:
    if spec.role not in ASSIGNMENT_ROLES:
        raise InputError(f"Vai trò '{spec.role}' không hợp lệ", hint="lead (chủ trì) hoặc support (phối hợp)")
    plan_id = _plan_of_item(session, spec.item_type, spec.item_id)
    if session.get(Unit, spec.unit_id) is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{spec.unit_id}")
    column = Assignment.indicator_id if spec.item_type == "indicator" else Assignment.task_id
    existing = session.scalars(select(Assignment).where(column == spec.item_id,
                                                        Assignment.unit_id == spec.unit_id)).first()
    if existing is not None:
        before = snapshot(existing)
        existing.role, existing.deadline, existing.note = spec.role, spec.deadline, spec.note
        record(session, actor=actor, action="assignment.update", object_type="assignment",
               object_id=existing.id, before=before, after=snapshot(existing))
        return existing
    assignment = Assignment(
        plan_id=plan_id, item_type=spec.item_type, unit_id=spec.unit_id, role=spec.role,
        indicator_id=spec.item_id if spec.item_type == "indicator" else None,
        task_id=spec.item_id if spec.item_type == "task" else None,
        deadline=spec.deadline, note=spec.note, created_by=actor.id,
    )
    session.add(assignment)
    session.flush()
    record(session, actor=actor, action="assignment.create", object_type="assignment",
           object_id=assignment.id, after=snapshot(assignment))
    return assignment


GIVEN_LATE = ("việc vừa giao được tính là quá hạn ngay. Nếu nhập nhầm năm hoặc tháng, "
              "hãy giao lại với thời hạn đúng.")


def past_deadline_warning(deadline: dt.date | None, *, today: dt.date,
                          consequence: str = GIVEN_LATE) -> str | None:
    """A past deadline is accepted (a late assignment is still an assignment) but said out loud."""
    if deadline is None or deadline >= today:
        return None
    days = (today - deadline).days
    return f"Thời hạn {deadline:%d/%m/%Y} đã qua {days} ngày (hôm nay là {today:%d/%m/%Y}): {consequence}"


def assign(session: Session, *, item_type: str, item_id: int, unit_id: int, actor: Actor, role: str = "lead",
           deadline: dt.date | None = None, note: str | None = None) -> Assignment:
    """Give one indicator or task to one unit."""
    require_manager(actor, "giao nhiệm vụ")
    spec = AssignmentSpec(item_type, item_id, unit_id, role, deadline, note)
    assignment = _assign_one(session, spec, actor)
    session.flush()
    return assignment


def assign_many(session: Session, *, items: Sequence[AssignmentSpec], actor: Actor) -> list[Assignment]:
    """Several assignments at once; the first bad line raises and the caller rolls back."""
    require_manager(actor, "giao nhiệm vụ")
    result = [_assign_one(session, spec, actor) for spec in items]
    session.flush()
    return result


def unassign(session: Session, *, assignment_id: int, actor: Actor) -> None:
    require_manager(actor, "hủy giao nhiệm vụ")
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFoundError(f"Không tìm thấy phân công #{assignment_id}")
    before = snapshot(assignment)
    session.delete(assignment)
    record(session, actor=actor, action="assignment.delete", object_type="assignment",
           object_id=assignment_id, before=before)
    session.flush()


def get_assignment(session: Session, *, assignment_id: int, actor: Actor) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFoundError(f"Không tìm thấy phân công #{assignment_id}")
    require_unit_read(session, actor, assignment.unit_id)
    return assignment


def list_assignments(session: Session, *, actor: Actor, plan_id: int | None = None,
                     unit_id: int | None = None, item_type: str | None = None,
                     item_id: int | None = None) -> list[Assignment]:
    """Assignments the actor may see (a unit account: its unit and the units below it)."""
    allowed = readable_unit_ids(session, actor)
    query = select(Assignment).order_by(Assignment.plan_id, Assignment.item_type, Assignment.id)
    if allowed is not None:
        query = query.where(Assignment.unit_id.in_(allowed))
    if plan_id is not None:
        query = query.where(Assignment.plan_id == plan_id)
    if unit_id is not None:
        query = query.where(Assignment.unit_id == unit_id)
    if item_type is not None:
        query = query.where(Assignment.item_type == item_type)
    if item_id is not None:
        column = Assignment.indicator_id if item_type != "task" else Assignment.task_id
        query = query.where(column == item_id)
    return list(session.scalars(query))


def is_assigned(session: Session, *, unit_id: int, indicator_id: int | None = None,
                task_id: int | None = None) -> bool:
    query = select(Assignment.id).where(Assignment.unit_id == unit_id)
    if indicator_id is not None:
        query = query.where(Assignment.indicator_id == indicator_id)
    else:
        query = query.where(Assignment.task_id == task_id)
    return session.scalar(query.limit(1)) is not None


def lead_unit_id(session: Session, *, indicator_id: int | None = None,
                 task_id: int | None = None) -> int | None:
    query = select(Assignment.unit_id).where(Assignment.role == "lead").order_by(Assignment.id)
    if indicator_id is not None:
        query = query.where(Assignment.indicator_id == indicator_id)
    else:
        query = query.where(Assignment.task_id == task_id)
    return session.scalar(query.limit(1))
