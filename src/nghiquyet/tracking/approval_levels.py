"""Approval at two levels: a commune's figure is approved by its district before the province's office.

A plan chooses its levels (`Plan.approval_levels`): 1 (the office approves every figure) or 2. With
2, a figure whose unit has a parent unit with reporters of its own (someone there to judge it) is
first approved by that parent — "đã duyệt ở cấp dưới" — and only then can the office approve it
("đã duyệt ở cấp trên"), after which it is locked. A unit straight under the top, or whose parent
has no reporters, goes to the office directly, so turning two levels on never strands a figure.

The lower level may return a figure it has not approved yet; the office may return any submitted
figure, and a figure returned and sent again needs the lower level's approval again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.audit.service import record, snapshot
from nghiquyet.db.base import utcnow
from nghiquyet.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from nghiquyet.plans.models import Plan
from nghiquyet.tracking.models import Update
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, require_manager

LEVEL_CHOICES = (1, 2)


def lower_approvers(session: Session, updates: Sequence[Update]) -> dict[int, Unit]:
    """Update id → the unit that approves it before the office, for the updates that have one.

    Three queries whatever the number of updates (their plans' levels, their units' parents, the
    parents that have an active reporter), so a queue page costs the same for 5 rows or 500.
    """
    plan_ids = {u.plan_id for u in updates}
    if not plan_ids:
        return {}
    two_levels = set(session.scalars(select(Plan.id).where(Plan.id.in_(plan_ids), Plan.approval_levels >= 2)))
    candidates = [u for u in updates if u.plan_id in two_levels]
    if not candidates:
        return {}
    parent_of: dict[int, int | None] = {
        unit_id: parent_id for unit_id, parent_id in session.execute(
            select(Unit.id, Unit.parent_id).where(Unit.id.in_({u.unit_id for u in candidates})))}
    parent_ids = {p for p in parent_of.values() if p is not None}
    if not parent_ids:
        return {}
    # Only a parent with someone there to judge the figure approves it; otherwise the office does.
    has_reporter = (select(User.id).where(User.unit_id == Unit.id, User.role == "unit", User.active.is_(True))
                    .exists())
    parents = session.scalars(select(Unit).where(Unit.id.in_(parent_ids), has_reporter))
    judges = {unit.id: unit for unit in parents}
    found = {u.id: judges.get(parent_of.get(u.unit_id) or 0) for u in candidates}
    return {update_id: unit for update_id, unit in found.items() if unit is not None}


def lower_approver(session: Session, update: Update) -> Unit | None:
    """The unit that approves `update` before the office, or None when the office approves it alone."""
    return lower_approvers(session, [update]).get(update.id)


def awaiting_lower_each(session: Session, updates: Sequence[Update]) -> dict[int, Unit]:
    """Update id → the lower level it still waits for (submitted, not yet approved below)."""
    waiting = [u for u in updates if u.state == "submitted" and u.approved_below_at is None]
    return lower_approvers(session, waiting)


def awaiting_lower(session: Session, update: Update) -> Unit | None:
    """The lower level `update` still waits for (submitted, not yet approved below), else None."""
    return awaiting_lower_each(session, [update]).get(update.id)


def require_lower_done(session: Session, update: Update) -> None:
    """The office may approve only what the lower level has approved (when there is one)."""
    waiting = awaiting_lower(session, update)
    if waiting is not None:
        raise ConflictError(f"Báo cáo #{update.id} đang chờ {waiting.name} duyệt ở cấp dưới; "
                            "Văn phòng duyệt sau khi cấp dưới đã duyệt")


def is_lower_approver(session: Session, update: Update, actor: Actor) -> bool:
    return _judges(lower_approver(session, update), actor)


def _judges(unit: Unit | None, actor: Actor) -> bool:
    return unit is not None and actor.active and actor.role == "unit" and actor.unit_id == unit.id


def approve_below(session: Session, *, update_id: int, actor: Actor) -> Update:
    """The lower level (the unit's parent) approves a submitted figure; the office decides after it."""
    update = session.get(Update, update_id)
    if update is None:
        raise NotFoundError(f"Không tìm thấy báo cáo #{update_id}")
    unit = lower_approver(session, update)
    if unit is None:
        raise ConflictError(f"Báo cáo #{update.id} không cần duyệt ở cấp dưới: Văn phòng duyệt trực tiếp")
    if not is_lower_approver(session, update, actor):
        raise PermissionDenied(f"Chỉ tài khoản của {unit.name} được duyệt ở cấp dưới báo cáo #{update.id}")
    if update.state != "submitted":
        raise ConflictError(f"Chỉ duyệt được báo cáo đã gửi; báo cáo #{update.id} đang ở trạng thái khác")
    if update.approved_below_at is not None:
        raise ConflictError(f"Báo cáo #{update.id} đã được duyệt ở cấp dưới, đang chờ Văn phòng")
    before = snapshot(update)
    update.approved_below_by, update.approved_below_at = actor.id, utcnow()
    record(session, actor=actor, action="update.approve_below", object_type="update", object_id=update.id,
           before=before, after=snapshot(update))
    session.flush()
    return update


def require_may_return(session: Session, update: Update, actor: Actor) -> None:
    """The office returns any submitted figure; the lower level only one it has not approved yet."""
    if is_lower_approver(session, update, actor):
        if update.approved_below_at is not None:
            raise ConflictError(f"Báo cáo #{update.id} đã được duyệt ở cấp dưới; chỉ Văn phòng trả lại được")
        return
    require_manager(actor, "trả lại báo cáo")


def set_approval_levels(session: Session, *, plan_id: int, levels: int, actor: Actor) -> Plan:
    """Choose one or two levels of approval for a plan (the office's setting)."""
    require_manager(actor, "đặt số cấp duyệt của kế hoạch")
    if levels not in LEVEL_CHOICES:
        raise InputError(f"Số cấp duyệt phải là 1 hoặc 2, không phải {levels}")
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch #{plan_id}")
    before = {"approval_levels": plan.approval_levels}
    plan.approval_levels = levels
    record(session, actor=actor, action="plan.approval_levels", object_type="plan", object_id=plan.id,
           before=before, after={"approval_levels": levels})
    session.flush()
    return plan


def lower_levels(session: Session) -> list[tuple[Unit, list[Unit]]]:
    """Who approves below on a two-level plan: every unit with active reporters of its own and units
    directly under it, with those units (whose figures it approves before the office does)."""
    reporting = select(User.unit_id).where(User.role == "unit", User.active.is_(True))
    parents = list(session.scalars(select(Unit).where(Unit.id.in_(reporting),
                                                      Unit.id.in_(select(Unit.parent_id))).order_by(Unit.path)))
    children: dict[int, list[Unit]] = {p.id: [] for p in parents}
    for child in session.scalars(select(Unit).where(Unit.parent_id.in_(list(children))).order_by(Unit.name)):
        assert child.parent_id is not None
        children[child.parent_id].append(child)
    return [(p, children[p.id]) for p in parents]


def waiting_for(session: Session, actor: Actor) -> list[Update]:
    """Submitted figures of the units directly below `actor`'s unit that wait for its approval."""
    if actor.role != "unit" or actor.unit_id is None:
        return []
    children = select(Unit.id).where(Unit.parent_id == actor.unit_id)
    candidates = session.scalars(
        select(Update).join(Plan, Plan.id == Update.plan_id)
        .where(Update.unit_id.in_(children), Update.state == "submitted", Update.approved_below_at.is_(None),
               Plan.approval_levels >= 2)
        .order_by(Update.submitted_at, Update.id))
    listed = list(candidates)
    judges = lower_approvers(session, listed)
    return [u for u in listed if _judges(judges.get(u.id), actor)]
