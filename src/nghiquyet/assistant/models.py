"""The assistant's stored facts: what each imported document can answer, computed once at import.

Asking used to re-read every document's extraction and source file on the first question of a
process (62 s at 1,000 documents). Now the flush hook (assistant/store.py) writes, in the import's
own transaction, one AssistantDocument per document (metadata, years, places named) and one
AssistantPassage per target, result, task and assignment (folded words, years, the item's data),
and keeps AssistantTerm (in how many passages each folded word occurs) for the rarity weights.
A question then reads only the few passages its words pick out (full-text index: FTS5 on SQLite,
a stored tsvector with GIN on PostgreSQL, both built by migration 0006).
Rows point at their document with ON DELETE CASCADE, so a deleted document leaves no facts behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nghiquyet.db.base import Base


class AssistantDocument(Base):
    __tablename__ = "assistant_documents"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    doc_type: Mapped[str] = mapped_column(String(40))
    years: Mapped[list[int]] = mapped_column(JSON)  # every year the document covers
    passage_years: Mapped[list[int]] = mapped_column(JSON)  # years its targets and results name
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)  # the extraction's metadata
    title_words: Mapped[str] = mapped_column(Text)  # folded words naming the document, space-separated
    names: Mapped[str] = mapped_column(Text)  # " lam dong tinh uy ... ": the places and bodies it names
    groups: Mapped[list[Any]] = mapped_column(JSON)  # [line, group, text] of every indicator


class AssistantPassage(Base):
    __tablename__ = "assistant_passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # target, result, task, assignment
    line: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[str] = mapped_column(Text)  # folded words in order, space-separated (indexed)
    years: Mapped[list[int]] = mapped_column(JSON)
    unit: Mapped[str | None] = mapped_column(String(40))  # a result's unit ("chỉ tiêu": a tally)
    projects: Mapped[int] = mapped_column(Integer, default=0)  # how many projects a task names
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class AssistantTerm(Base):
    """Document frequency of a folded word over all passages; the word "" holds the passage count."""

    __tablename__ = "assistant_terms"

    word: Mapped[str] = mapped_column(String(80), primary_key=True)
    passages: Mapped[int] = mapped_column(Integer)
