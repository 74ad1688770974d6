"""Pydantic views of units."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class UnitCreate(BaseModel):
    name: str = Field(min_length=1, max_length=255)
    code: str | None = Field(default=None, max_length=50)
    kind: str = "other"
    parent_id: int | None = None


class UnitRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str | None
    name: str
    kind: str
    parent_id: int | None
    depth: int
    row_version: int = Field(default=1, description="Phiên bản dòng: ETag \"v<row_version>\" (If-Match)")


class UnitNodeRead(UnitRead):
    children: list[UnitNodeRead] = []
