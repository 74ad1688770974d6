"""Pydantic views of documents."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


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


class PieceRead(BaseModel):
    """A place an item can be split at: its words and the source lines they stand on."""

    index: int
    text: str
    line: int
    line_end: int
    column: int | None
    label: str | None
    cut: bool = Field(description="tách trước phần này là cách đọc thường gặp (câu hoặc mục mới)")


class SplitRequest(BaseModel):
    """One of `cuts` (split before these pieces), `parts` (piece indices of each new item) or `texts`
    (the item's text cut where the reader chose: each part's words, in order)."""

    cuts: list[int] | None = None
    parts: list[list[int]] | None = None
    texts: list[str] | None = None


class ItemsChanged(BaseModel):
    kind: Literal["indicator", "task"]
    indices: list[int]
    items: list[dict[str, Any]]


class Converted(BaseModel):
    kind: Literal["indicator", "task"]
    index: int
    item: dict[str, Any]
    dropped_targets: int


class TargetRowIn(BaseModel):
    """One target as typed: `value` Vietnamese-written ("7,2", "14.150", "7,2 - 7,8") or a number."""

    metric: str = ""
    comparator: str = "eq"
    value: str | float = ""
    unit: str | None = None
    year: str | int | None = None
    keep: int | None = Field(default=None, description="chỉ số mức chỉ tiêu cũ mà dòng này sửa")


class TargetRows(BaseModel):
    rows: list[TargetRowIn]


class TargetsSaved(BaseModel):
    index: int
    targets: list[dict[str, Any]]
