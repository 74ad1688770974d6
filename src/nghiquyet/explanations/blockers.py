"""Khó khăn, vướng mắc: a unit raises a difficulty on an item to the level that can resolve it.

The addressee is the office (to_unit_id NULL) or a unit above the raiser in the tree (a parent Party
committee, the people's committee over a commune). It stays open until the addressee closes it with
a decision. Every step is in the audit trail.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from nghiquyet.explanations.items import clean_text, find_item, require_assigned, settle
from nghiquyet.explanations.models import Blocker
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import (
    MANAGERS,
    Actor,
    readable_unit_ids,
    require_active,
    require_unit_write,
)

OFFICE = "office"  # the addressee value that means the office rather than a unit


def ancestors(session: Session, unit: Unit) -> list[Unit]:
    """The units above `unit`, nearest first (from its materialised path "/1/7/42/")."""
    ids = [int(p) for p in unit.path.strip("/").split("/") if p.isdigit() and int(p) != unit.id]
    if not ids:
        return []
    found = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(ids)))}
    return [found[i] for i in reversed(ids) if i in found]


def raise_blocker(
    session: Session,
    *,
    actor: Actor,
    item_type: str,
    item_id: int,
    unit_id: int,
    to: str,
    title: str,
    detail: str = "",
) -> Blocker:
    """Store a difficulty of `unit_id` about the item, addressed to `to`: "office" or a parent unit's id."""
    require_unit_write(actor, unit_id, "nêu khó khăn, vướng mắc")
    ref = find_item(session, item_type, item_id)
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
    require_assigned(session, ref, unit.id, unit.name)
    to_unit_id: int | None = None
    if to != OFFICE:
        if not to.isdigit() or int(to) not in {u.id for u in ancestors(session, unit)}:
            raise InputError(
                f"Nơi nhận phải là Văn phòng hoặc một đơn vị cấp trên của {unit.name}",
                hint="Chọn trong danh sách 'Gửi đến'",
            )
        to_unit_id = int(to)
    blocker = Blocker(
        **ref.columns(),
        unit_id=unit.id,
        to_unit_id=to_unit_id,
        title=clean_text(title, what="khó khăn, vướng mắc", limit=255),
        detail=(detail or "").strip()[:20000],
        state="open",
        raised_by=actor.id,
    )
    session.add(blocker)
    session.flush()
    record(
        session,
        actor=actor,
        action="blocker.raise",
        object_type="blocker",
        object_id=blocker.id,
        after=snapshot(blocker),
    )
    return blocker


def can_resolve(actor: Actor, blocker: Blocker) -> bool:
    """The office resolves every blocker; a parent unit's reporters the ones addressed to it."""
    if not actor.active:
        return False
    if actor.role in MANAGERS:
        return True
    return actor.role == "unit" and blocker.to_unit_id is not None and actor.unit_id == blocker.to_unit_id


def close_blocker(
    session: Session, *, actor: Actor, blocker_id: int, decision: str, now: dt.datetime
) -> Blocker:
    blocker = get_blocker(session, blocker_id)
    require_active(actor)
    if not can_resolve(actor, blocker):
        where = blocker.to_unit.name if blocker.to_unit is not None else "Văn phòng"
        raise PermissionDenied(f"Chỉ {where} (nơi nhận) hoặc Văn phòng được đóng khó khăn, vướng mắc này")
    if blocker.state != "open":
        raise ConflictError("Khó khăn, vướng mắc này đã được xử lý", existing_id=blocker.id)
    text = clean_text(decision, what="ý kiến xử lý (quyết định)", limit=20000)
    changes = {"decision": text, "state": "closed", "closed_by": actor.id, "closed_at": now}
    settle(session, blocker, actor=actor, action="blocker.close", object_type="blocker", changes=changes)
    return blocker


def get_blocker(session: Session, blocker_id: int) -> Blocker:
    blocker = session.get(Blocker, blocker_id)
    if blocker is None:
        raise NotFoundError(f"Không tìm thấy khó khăn, vướng mắc #{blocker_id}")
    return blocker


def list_blockers(
    session: Session,
    *,
    actor: Actor,
    state: str | None = "open",
    unit_id: int | None = None,
    item_type: str | None = None,
    item_id: int | None = None,
) -> list[Blocker]:
    """Blockers the actor may read: a unit sees its own tree's and those addressed to it."""
    query = select(Blocker)
    allowed = readable_unit_ids(session, actor)
    if allowed is not None:
        query = query.where(or_(Blocker.unit_id.in_(allowed), Blocker.to_unit_id == actor.unit_id))
    if state:
        query = query.where(Blocker.state == state)
    if unit_id is not None:
        query = query.where(Blocker.unit_id == unit_id)
    if item_type is not None and item_id is not None:
        column = Blocker.indicator_id if item_type == "indicator" else Blocker.task_id
        query = query.where(Blocker.item_type == item_type, column == item_id)
    return list(session.scalars(query.order_by(Blocker.raised_at.desc(), Blocker.id.desc())))
