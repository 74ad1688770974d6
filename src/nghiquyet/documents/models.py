"""Document: an uploaded source file, its metadata, the machine's extraction and the reviewer's copy."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nghiquyet.db.base import Base, UtcDateTime, utcnow


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # txt, md, docx, pdf
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to settings.files_dir
    doc_type: Mapped[str] = mapped_column(String(40), default="other")
    number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(255))
    date: Mapped[dt.date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(Text)
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    # The machine's output is never overwritten by review: edits live in `review` beside it.
    extraction: Mapped[dict[str, Any]] = mapped_column(JSON)
    review: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Whose plan it is (level, place, congress terms: extract/document/territory.py), read at import
    # from the whole text; the series link only one territory's targets. None: imported before 0016.
    territory: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    @property
    def effective_extraction(self) -> dict[str, Any]:
        """What a plan is built from: the reviewer's copy when there is one."""
        return self.review if self.review is not None else self.extraction

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, filename={self.filename!r})"
