"""Pydantic views of audit events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    actor_id: int | None
    action: str
    object_type: str
    object_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: dt.datetime
