"""Record and read audit events. `record` is called by every service that writes.

Imports only `db`: every domain (units included) records events, so the trail sits below them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from nghiquyet.audit.models import AuditEvent
from nghiquyet.errors import PermissionDenied

AUDIT_READERS = frozenset({"admin", "inspector"})


class AuditActor(Protocol):
    """Who acts, as far as the trail cares (`accounts.models.User` fits)."""

    @property
    def id(self) -> int: ...
    @property
    def username(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def active(self) -> bool: ...


def require_audit_reader(actor: AuditActor) -> None:
    """Only inspectors and admins read the audit trail."""
    if not actor.active:
        raise PermissionDenied(f"Tài khoản {actor.username} đã bị khóa")
    if actor.role not in AUDIT_READERS:
        raise PermissionDenied("Chỉ cán bộ kiểm tra hoặc quản trị viên được xem nhật ký; "
                               f"tài khoản {actor.username} không có quyền")

# Never copied into the trail: secrets, and bulky JSON already kept on the object itself.
SKIPPED_FIELDS = frozenset({"password_hash", "extraction", "review"})


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def snapshot(obj: object, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """A JSON-safe copy of an ORM object's column values (for `before`/`after`)."""
    mapper = inspect(type(obj))
    names = list(fields) if fields is not None else [c.key for c in mapper.column_attrs]
    return {n: _plain(getattr(obj, n)) for n in names if n not in SKIPPED_FIELDS}


def record(session: Session, *, actor: AuditActor | None, action: str, object_type: str,
           object_id: int | None, before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event (flushed with the change it describes, so both commit or neither)."""
    event = AuditEvent(actor_id=actor.id if actor is not None else None, action=action,
                       object_type=object_type, object_id=object_id, before=before, after=after)
    session.add(event)
    return event


def list_events(session: Session, *, actor: AuditActor, object_type: str | None = None,
                object_id: int | None = None, actor_id: int | None = None, action: str | None = None,
                limit: int = 200, offset: int = 0) -> list[AuditEvent]:
    """Newest first; inspectors and admins only."""
    require_audit_reader(actor)
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if object_type is not None:
        query = query.where(AuditEvent.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditEvent.object_id == object_id)
    if actor_id is not None:
        query = query.where(AuditEvent.actor_id == actor_id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    return list(session.scalars(query.limit(min(limit, 1000)).offset(offset)))


def apply_changes(session: Session, obj: Any, changes: Mapping[str, Any], *, actor: AuditActor | None,
                  object_type: str, check: Callable[[], None] | None = None) -> None:
    """Set `changes` on an ORM object, run `check`, record "<object_type>.update" with before/after."""
    before = snapshot(obj)
    for key, value in changes.items():
        setattr(obj, key, value)
    if check is not None:
        check()
    record(session, actor=actor, action=f"{object_type}.update", object_type=object_type, object_id=obj.id,
           before=before, after=snapshot(obj))
    session.flush()
