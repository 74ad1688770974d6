"""Periodic updates: a unit's figure (target) or progress (task) for a period, and its approval.

States: draft → submitted → approved | returned; a returned update is edited and submitted again.
Approved data is locked. A correction of approved data is a new Update (version + 1, `supersedes_id`
pointing at what it corrects) that goes through the same workflow; the old row stays as history,
and the newest approved version is the one that counts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from nghiquyet.audit.service import record, snapshot
from nghiquyet.db.base import utcnow
from nghiquyet.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from nghiquyet.plans.models import Target, Task
from nghiquyet.status import Period
from nghiquyet.tracking.approval_levels import require_lower_done, require_may_return
from nghiquyet.tracking.assignments import is_assigned, lead_unit_id
from nghiquyet.tracking.models import UPDATE_STATES, Update
from nghiquyet.tracking.shares import holds_share
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import (
    Actor,
    readable_unit_ids,
    require_manager,
    require_unit_read,
    require_unit_write,
)

STATE_LABELS_VI = {"draft": "nháp", "submitted": "đã gửi", "approved": "đã duyệt", "returned": "bị trả lại"}
OPEN_STATES = ("draft", "submitted", "returned")


def normalise_period(period: str) -> str:
    """The canonical code of a period ("2024-q1" → "2024-Q1"); InputError when it is not one."""
    try:
        return Period.parse(period).code
    except ValueError as exc:
        raise InputError(str(exc)) from exc


def _check_numbers(value: float | None, progress: float | None) -> None:
    if progress is not None and not 0 <= progress <= 100:
        raise InputError("Tiến độ phải từ 0 đến 100%")
    if value is not None and value != value:  # NaN
        raise InputError("Số liệu không hợp lệ")


def _get(session: Session, update_id: int) -> Update:
    update = session.get(Update, update_id)
    if update is None:
        raise NotFoundError(f"Không tìm thấy báo cáo #{update_id}")
    return update


def get_update(session: Session, *, update_id: int, actor: Actor) -> Update:
    update = _get(session, update_id)
    require_unit_read(session, actor, update.unit_id)
    return update


def _resolve_unit(session: Session, actor: Actor, unit_id: int | None, indicator_id: int | None,
                  task_id: int | None) -> int:
    """Which unit reports: a unit account reports for itself; the office names one or gets the lead."""
    if unit_id is None and actor.role == "unit":
        unit_id = actor.unit_id
    if unit_id is None:
        unit_id = lead_unit_id(session, indicator_id=indicator_id, task_id=task_id) or actor.unit_id
    if unit_id is None:
        raise InputError("Chưa xác định đơn vị báo cáo",
                         hint="chọn đơn vị hoặc giao chỉ tiêu cho đơn vị chủ trì")
    if session.get(Unit, unit_id) is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
    return unit_id


def _insert_once(session: Session, update: Update, column: Any, item_id: int | None, code: str) -> None:
    """Insert under the unique (item, unit, period, version) key; a parallel request that stored the
    same report first wins, and this one gets a ConflictError naming that report's id."""
    try:
        with session.begin_nested():
            session.add(update)
            session.flush()
    except IntegrityError as exc:
        winner = session.scalars(select(Update.id).where(
            column == item_id, Update.unit_id == update.unit_id, Update.period == code,
            Update.version == update.version)).first()
        raise ConflictError(f"Đã có báo cáo kỳ {code} (#{winner}); hãy sửa báo cáo đó",
                            existing_id=winner) from exc


def create_update(session: Session, *, actor: Actor, period: str, target_id: int | None = None,
                  task_id: int | None = None, value: float | None = None, progress: float | None = None,
                  note: str | None = None, unit_id: int | None = None) -> Update:
    """A draft figure (target) or progress (task) of a unit for a period."""
    if (target_id is None) == (task_id is None):
        raise InputError("Báo cáo phải gắn với đúng một mức chỉ tiêu hoặc một nhiệm vụ")
    code = normalise_period(period)
    _check_numbers(value, progress)
    item: Target | Task | None = (session.get(Target, target_id) if target_id is not None
                                  else session.get(Task, task_id) if task_id is not None else None)
    if item is None:
        raise NotFoundError(f"Không tìm thấy {'mức chỉ tiêu' if target_id else 'nhiệm vụ'} "
                            f"#{target_id or task_id}")
    indicator_id = item.indicator_id if isinstance(item, Target) else None
    unit = _resolve_unit(session, actor, unit_id, indicator_id, task_id)
    require_unit_write(actor, unit, "báo cáo")
    # A unit reports what it was given: an assigned item, or a target it holds a share of.
    given = (is_assigned(session, unit_id=unit, indicator_id=indicator_id, task_id=task_id)
             or (target_id is not None and holds_share(session, unit_id=unit, target_id=target_id)))
    if actor.role == "unit" and not given:
        raise PermissionDenied("Đơn vị chưa được giao chỉ tiêu/nhiệm vụ này nên không được báo cáo")
    column = Update.target_id if target_id is not None else Update.task_id
    current = session.scalars(
        select(Update).where(column == (target_id or task_id), Update.unit_id == unit, Update.period == code)
        .order_by(Update.version.desc(), Update.id.desc()).limit(1)).first()
    if current is not None:
        if current.state == "approved":
            raise ConflictError(f"Số liệu kỳ {code} đã được duyệt (báo cáo #{current.id}); "
                                "muốn thay đổi hãy gửi đính chính")
        raise ConflictError(f"Đã có báo cáo kỳ {code} ({STATE_LABELS_VI[current.state]}, #{current.id}); "
                            "hãy sửa báo cáo đó", existing_id=current.id)
    update = Update(plan_id=item.plan_id, target_id=target_id, task_id=task_id, unit_id=unit, period=code,
                    value=value, progress=progress, note=note, state="draft", version=1,
                    created_by=actor.id)
    _insert_once(session, update, column, target_id or task_id, code)
    record(session, actor=actor, action="update.create", object_type="update", object_id=update.id,
           after=snapshot(update))
    session.flush()
    return update


def edit_update(session: Session, *, update_id: int, actor: Actor, value: float | None = None,
                progress: float | None = None, note: str | None = None) -> Update:
    """Change a draft or returned update (submitted and approved ones are not editable)."""
    update = _get(session, update_id)
    require_unit_write(actor, update.unit_id, "sửa báo cáo")
    if update.state not in ("draft", "returned"):
        raise ConflictError(f"Báo cáo #{update.id} {STATE_LABELS_VI[update.state]}, không sửa được")
    _check_numbers(value, progress)
    before = snapshot(update)
    update.value, update.progress, update.note = value, progress, note
    record(session, actor=actor, action="update.edit", object_type="update", object_id=update.id,
           before=before, after=snapshot(update))
    session.flush()
    return update


def submit_update(session: Session, *, update_id: int, actor: Actor) -> Update:
    update = _get(session, update_id)
    require_unit_write(actor, update.unit_id, "gửi báo cáo")
    if update.state not in ("draft", "returned"):
        raise ConflictError(f"Báo cáo #{update.id} {STATE_LABELS_VI[update.state]}, không gửi lại được")
    if update.target_id is not None and update.value is None:
        raise InputError("Chưa nhập số liệu thực hiện")
    if update.task_id is not None and update.progress is None and not (update.note or "").strip():
        raise InputError("Chưa nhập tiến độ hoặc nội dung thực hiện nhiệm vụ")
    before = snapshot(update)
    update.state, update.submitted_by, update.submitted_at = "submitted", actor.id, utcnow()
    update.approved_below_by = update.approved_below_at = None  # sent again: judged again from below
    record(session, actor=actor, action="update.submit", object_type="update", object_id=update.id,
           before=before, after=snapshot(update))
    session.flush()
    return update


def approve_update(session: Session, *, update_id: int, actor: Actor) -> Update:
    """Accept a submitted update; from now on it is locked."""
    require_manager(actor, "duyệt báo cáo")
    update = _get(session, update_id)
    if update.state != "submitted":
        raise ConflictError(f"Chỉ duyệt được báo cáo đã gửi; báo cáo #{update.id} "
                            f"{STATE_LABELS_VI[update.state]}")
    require_lower_done(session, update)
    before = snapshot(update)
    update.state, update.decided_by, update.decided_at = "approved", actor.id, utcnow()
    update.return_reason = None
    record(session, actor=actor, action="update.approve", object_type="update", object_id=update.id,
           before=before, after=snapshot(update))
    session.flush()
    return update


def return_update(session: Session, *, update_id: int, reason: str, actor: Actor) -> Update:
    """Send a submitted update back to its unit; the reason is required and shown to the unit.

    The office returns any submitted update; on a plan approved at two levels, the lower level
    returns one it has not approved yet (see `approval_levels`)."""
    update = _get(session, update_id)
    require_may_return(session, update, actor)
    if not (reason or "").strip():
        raise InputError("Phải ghi lý do trả lại")
    if update.state != "submitted":
        raise ConflictError(f"Chỉ trả lại được báo cáo đã gửi; báo cáo #{update.id} "
                            f"{STATE_LABELS_VI[update.state]}")
    before = snapshot(update)
    update.state, update.decided_by, update.decided_at = "returned", actor.id, utcnow()
    update.approved_below_by = update.approved_below_at = None
    update.return_reason = reason.strip()
    record(session, actor=actor, action="update.return", object_type="update", object_id=update.id,
           before=before, after=snapshot(update))
    session.flush()
    return update


def correct_update(session: Session, *, update_id: int, actor: Actor, value: float | None = None,
                   progress: float | None = None, note: str | None = None) -> Update:
    """A new draft version correcting approved data; the approved row is kept unchanged."""
    old = _get(session, update_id)
    require_unit_write(actor, old.unit_id, "đính chính báo cáo")
    if old.state != "approved":
        raise ConflictError(f"Chỉ đính chính số liệu đã duyệt; báo cáo #{old.id} "
                            f"{STATE_LABELS_VI[old.state]}, hãy sửa trực tiếp")
    column = Update.target_id if old.target_id is not None else Update.task_id
    newer = session.scalars(select(Update).where(
        column == (old.target_id or old.task_id), Update.unit_id == old.unit_id, Update.period == old.period,
        Update.version > old.version)).first()
    if newer is not None:
        raise ConflictError(f"Đã có phiên bản mới hơn (#{newer.id}, {STATE_LABELS_VI[newer.state]}); "
                            "hãy sửa hoặc đính chính phiên bản đó")
    _check_numbers(value, progress)
    update = Update(plan_id=old.plan_id, target_id=old.target_id, task_id=old.task_id, unit_id=old.unit_id,
                    period=old.period, value=old.value if value is None else value,
                    progress=old.progress if progress is None else progress,
                    note=old.note if note is None else note, state="draft", version=old.version + 1,
                    supersedes_id=old.id, created_by=actor.id)
    session.add(update)
    session.flush()
    record(session, actor=actor, action="update.correct", object_type="update", object_id=update.id,
           before=snapshot(old), after=snapshot(update))
    session.flush()
    return update


def list_updates(session: Session, *, actor: Actor, plan_id: int | None = None, unit_id: int | None = None,
                 period: str | None = None, state: str | None = None, target_id: int | None = None,
                 task_id: int | None = None, limit: int = 1000, offset: int = 0,
                 with_evidence: bool = False) -> list[Update]:
    """Updates the actor may read, newest first (all versions: history is part of the answer).

    `with_evidence`: load every update's files in one more query, for a caller that shows them
    (the API's list); otherwise reading `u.evidence` costs one query per update.
    """
    allowed = readable_unit_ids(session, actor)
    query = select(Update).order_by(Update.created_at.desc(), Update.id.desc())
    if with_evidence:
        query = query.options(selectinload(Update.evidence))
    if allowed is not None:
        query = query.where(Update.unit_id.in_(allowed))
    if state is not None:
        if state not in UPDATE_STATES:
            raise InputError(f"Trạng thái '{state}' không hợp lệ", hint=", ".join(UPDATE_STATES))
        query = query.where(Update.state == state)
    for column, value in ((Update.plan_id, plan_id), (Update.unit_id, unit_id), (Update.target_id, target_id),
                          (Update.task_id, task_id)):
        if value is not None:
            query = query.where(column == value)
    if period is not None:
        query = query.where(Update.period == normalise_period(period))
    return list(session.scalars(query.limit(min(limit, 10_000)).offset(offset)))
