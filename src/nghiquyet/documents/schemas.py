"""Pydantic views of documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict


class DocumentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    sha256: str
    size: int
    kind: str
    doc_type: str
    number: str | None
    issuer: str | None
    date: dt.date | None
    title: str | None
    year_start: int | None
    year_end: int | None
    created_at: dt.datetime
    reviewed_at: dt.datetime | None


class DocumentDetail(DocumentRead):
    extraction: dict[str, Any]
    review: dict[str, Any] | None


class ReviewSave(BaseModel):
    extraction: dict[str, Any]
