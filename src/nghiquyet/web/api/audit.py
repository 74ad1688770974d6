"""The audit trail, newest first (inspectors and admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from nghiquyet.audit.schemas import AuditEventRead
from nghiquyet.audit.service import list_events
from nghiquyet.web.api.params import QueryId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("")
def index(session: DbSession, user: CurrentUser,
          object_type: str | None = None, object_id: QueryId = None, actor_id: QueryId = None,
          action: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
          offset: Annotated[int, Query(ge=0)] = 0) -> list[AuditEventRead]:
    events = list_events(session, actor=user, object_type=object_type, object_id=object_id,
                         actor_id=actor_id, action=action, limit=limit, offset=offset)
    return [AuditEventRead.model_validate(e) for e in events]
