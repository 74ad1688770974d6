"""SearchEntry: one searchable thing (a document line, an item, a unit, an update's note).

Each entry points at its source row with ON DELETE CASCADE, so deleting the source (by the ORM
or by the database's own cascades) removes the entry in the same statement: never stale.
The full-text index over `words` is built by the migration (FTS5 on SQLite, GIN on PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nghiquyet.db.base import Base

KINDS = ("line", "indicator", "target", "task", "unit", "update")


class SearchEntry(Base):
    __tablename__ = "search_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    line_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    update_id: Mapped[int | None] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    source_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    # Filters and display, copied from the source's document or plan.
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    plan_id: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(Integer)
    doc: Mapped[str | None] = mapped_column(String(255))
    doc_type: Mapped[str | None] = mapped_column(String(40))
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    line: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[str] = mapped_column(Text, default="")  # folded words joined by spaces
