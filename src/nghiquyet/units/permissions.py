"""Who may do what: the checks every service runs before it reads or writes.

Lives in `units` (the lowest domain folder) because every domain needs it and the layers contract
lets each of them import `units`, while `accounts` sits above `units` and beside `documents`.

Rules (the issue's table, plus the choices written here):
- `admin`, `office` manage documents, plans, units, users, assignments and approvals;
- `leader`, `inspector` read everything; `inspector` and `admin` read the audit trail;
- `unit` READS its own unit and every unit below it (a Party committee oversees its cells) but
  WRITES (creates, edits, submits updates, attaches evidence) only for its own unit: a child unit's
  figures are that unit's responsibility, so a parent cannot report on its behalf;
- of OTHER units a `unit` account reads no figure, in any form: plan-wide views (status, dashboard,
  charts) show it their judgements and tallies only (`tracking.visibility`), and the plan-wide
  exports (reports, comparisons), which print every unit's figures, are refused (`require_all_figures`);
  docs/permissions.md has the whole table;
- an inactive account, or a `unit` account without a unit, may do nothing.
Every denial raises PermissionDenied with a Vietnamese reason.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from nghiquyet.audit.service import AUDIT_READERS, require_audit_reader
from nghiquyet.errors import PermissionDenied
from nghiquyet.units.models import Unit

MANAGERS = frozenset({"admin", "office"})
READERS = frozenset({"admin", "office", "leader", "inspector", "unit"})
ROLE_LABELS_VI = {"admin": "quản trị viên", "office": "Văn phòng", "unit": "đơn vị", "leader": "lãnh đạo",
                  "inspector": "kiểm tra, giám sát"}


class Actor(Protocol):
    """What a service needs to know about who acts (`accounts.models.User` fits)."""

    @property
    def id(self) -> int: ...
    @property
    def username(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def unit_id(self) -> int | None: ...
    @property
    def active(self) -> bool: ...


def _who(actor: Actor) -> str:
    return f"tài khoản {actor.username} (vai trò {ROLE_LABELS_VI.get(actor.role, actor.role)})"


def _who_first(actor: Actor) -> str:  # "Tài khoản ...": at the start of a sentence
    return "T" + _who(actor)[1:]


def require_active(actor: Actor) -> None:
    if not actor.active:
        raise PermissionDenied(f"Tài khoản {actor.username} đã bị khóa")
    if actor.role not in READERS:
        raise PermissionDenied(f"Vai trò '{actor.role}' không hợp lệ")


__all__ = ["AUDIT_READERS", "MANAGERS", "READERS", "Actor", "is_manager", "readable_unit_ids",
           "require_active", "require_all_figures", "require_audit_reader", "require_manager",
           "require_reader", "require_unit_read", "require_unit_write"]


def is_manager(actor: Actor) -> bool:
    return actor.active and actor.role in MANAGERS


def require_manager(actor: Actor, action_vi: str) -> None:
    """Only the office (or an admin) may `action_vi` (e.g. "xác nhận kế hoạch")."""
    require_active(actor)
    if actor.role not in MANAGERS:
        raise PermissionDenied(
            f"Chỉ Văn phòng hoặc quản trị viên được {action_vi}; {_who(actor)} không có quyền")


def require_reader(actor: Actor) -> None:
    require_active(actor)


def readable_unit_ids(session: Session, actor: Actor) -> set[int] | None:
    """Units whose assignments and updates `actor` may read; None means every unit."""
    require_active(actor)
    if actor.role != "unit":
        return None
    if actor.unit_id is None:
        raise PermissionDenied(f"{_who_first(actor)} chưa được gắn với đơn vị nào")
    # A page asks this of its actor up to seven times (its lists, its due work, its rows); the subtree
    # is read once per transaction, and again after any flush that adds, moves or removes a unit.
    known: dict[int, frozenset[int]] = session.info.setdefault(_READABLE, {})
    found = known.get(actor.unit_id)
    if found is None:
        found = known[actor.unit_id] = frozenset(_subtree_ids(session, actor.unit_id))
    return set(found)


_READABLE = "nghiquyet.readable_unit_ids"  # session.info: unit id → the ids of its subtree


def _subtree_ids(session: Session, unit_id: int) -> set[int]:
    own = session.get(Unit, unit_id)
    if own is None:
        return {unit_id}
    rows = session.scalars(select(Unit.id).where(Unit.path.startswith(own.path, autoescape=True)))
    return set(rows) | {own.id}


@event.listens_for(Session, "after_flush")
def _forget_when_units_change(session: Session, flush_context: UOWTransaction) -> None:
    if _READABLE in session.info and any(
            isinstance(obj, Unit) for obj in (*session.new, *session.dirty, *session.deleted)):
        del session.info[_READABLE]


@event.listens_for(Session, "after_transaction_end")
def _forget_after_transaction(session: Session, transaction: SessionTransaction, *_: Any) -> None:
    session.info.pop(_READABLE, None)  # another transaction may see other units


def require_unit_read(session: Session, actor: Actor, unit_id: int) -> None:
    allowed = readable_unit_ids(session, actor)
    if allowed is not None and unit_id not in allowed:
        raise PermissionDenied(
            f"{_who_first(actor)} chỉ được xem dữ liệu của đơn vị mình và các đơn vị trực thuộc")


def require_all_figures(actor: Actor, what_vi: str) -> None:
    """Only roles that read every unit's figures may have `what_vi` (a plan-wide export)."""
    require_active(actor)
    if actor.role == "unit":
        raise PermissionDenied(
            f"{_who_first(actor)} không tải được {what_vi}: tệp có số liệu của mọi đơn vị, "
            "còn tài khoản đơn vị chỉ xem số liệu của đơn vị mình "
            "(trang Việc của tôi, kết quả đánh giá ở Tổng quan)")


def require_unit_write(actor: Actor, unit_id: int, action_vi: str) -> None:
    """Managers may act for any unit; a `unit` account only for its own unit."""
    require_active(actor)
    if actor.role in MANAGERS:
        return
    if actor.role != "unit":
        raise PermissionDenied(f"{_who_first(actor)} chỉ được xem, không được {action_vi}")
    if actor.unit_id is None:
        raise PermissionDenied(f"{_who_first(actor)} chưa được gắn với đơn vị nào")
    if actor.unit_id != unit_id:
        raise PermissionDenied(f"{_who_first(actor)} chỉ được {action_vi} của đơn vị mình, "
                               "không được thao tác trên dữ liệu của đơn vị khác")
