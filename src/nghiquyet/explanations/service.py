"""Yêu cầu giải trình: a leader or the office asks a unit to explain a lagging item; the unit answers.

Only storage and permission rules live here; who is told (the bell, the digest) is `reminders.followup`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from nghiquyet.explanations.items import clean_text, find_item, require_assigned, settle
from nghiquyet.explanations.models import ExplanationRequest
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, readable_unit_ids, require_active, require_unit_write

ASKERS = frozenset({"admin", "office", "leader"})


def request_explanation(
    session: Session,
    *,
    actor: Actor,
    item_type: str,
    item_id: int,
    unit_id: int,
    question: str,
    due: dt.date,
    today: dt.date,
    period: str | None = None,
) -> ExplanationRequest:
    """Store the request; the unit must hold the item and the due date must not be past."""
    require_active(actor)
    if actor.role not in ASKERS:
        raise PermissionDenied("Chỉ lãnh đạo hoặc Văn phòng được yêu cầu giải trình")
    ref = find_item(session, item_type, item_id)
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
    require_assigned(session, ref, unit.id, unit.name)
    if due < today:
        raise InputError(
            f"Hạn giải trình {due:%d/%m/%Y} đã qua: hãy chọn từ hôm nay ({today:%d/%m/%Y}) trở đi"
        )
    req = ExplanationRequest(
        **ref.columns(),
        unit_id=unit.id,
        period=period or None,
        question=clean_text(question, what="nội dung cần giải trình"),
        due=due,
        state="open",
        requested_by=actor.id,
    )
    session.add(req)
    session.flush()
    record(
        session,
        actor=actor,
        action="explanation.request",
        object_type="explanation",
        object_id=req.id,
        after=snapshot(req),
    )
    return req


def answer_explanation(
    session: Session, *, actor: Actor, request_id: int, answer: str, now: dt.datetime
) -> ExplanationRequest:
    """The unit's answer, kept on the request (once: a second answer is refused, nothing is lost)."""
    req = get_request(session, request_id)
    require_unit_write(actor, req.unit_id, "giải trình")
    if req.state != "open":
        raise ConflictError("Yêu cầu này đã được giải trình", existing_id=req.id)
    text = clean_text(answer, what="nội dung giải trình", limit=20000)
    changes = {"answer": text, "state": "answered", "answered_by": actor.id, "answered_at": now}
    settle(session, req, actor=actor, action="explanation.answer", object_type="explanation", changes=changes)
    return req


def get_request(session: Session, request_id: int) -> ExplanationRequest:
    req = session.get(ExplanationRequest, request_id)
    if req is None:
        raise NotFoundError(f"Không tìm thấy yêu cầu giải trình #{request_id}")
    return req


def requests_for_item(
    session: Session, *, actor: Actor, item_type: str, item_id: int
) -> list[ExplanationRequest]:
    """The item's requests the actor may read (a unit: its own and its sub-units'), newest first."""
    ref = find_item(session, item_type, item_id)
    column = ExplanationRequest.indicator_id if ref.item_type == "indicator" else ExplanationRequest.task_id
    query = select(ExplanationRequest).where(column == item_id)
    allowed = readable_unit_ids(session, actor)
    if allowed is not None:
        query = query.where(ExplanationRequest.unit_id.in_(allowed))
    return list(
        session.scalars(query.order_by(ExplanationRequest.requested_at.desc(), ExplanationRequest.id.desc()))
    )


def open_requests(session: Session, *, unit_id: int | None = None) -> list[ExplanationRequest]:
    """Requests not answered yet, soonest due first (every unit's, or one unit's)."""
    query = select(ExplanationRequest).where(ExplanationRequest.state == "open")
    if unit_id is not None:
        query = query.where(ExplanationRequest.unit_id == unit_id)
    return list(session.scalars(query.order_by(ExplanationRequest.due, ExplanationRequest.id)))
