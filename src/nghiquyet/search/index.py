"""Keeping the index current: a flush hook rewrites the entries of every row the flush wrote.

The hook runs inside the flush, on the flush's connection, so an entry is written in the same
transaction as its source and rolls back with it. Deletions need no hook: every entry references
its source with ON DELETE CASCADE. Sessions get the hook by importing this package, which
`db.registry.load_models` (called by `make_session_factory`) does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, event, insert, inspect, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, UOWTransaction

from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.search.fold import words
from nghiquyet.search.models import SearchEntry
from nghiquyet.status.fmt import vn_number, with_unit
from nghiquyet.tracking.models import Update
from nghiquyet.units.models import Unit

# Set by the document service on a new Document (inspect(doc).info): the lines it read at import,
# so the index needs no second read of the stored file.
SOURCE_LINES = "source_lines"

_TABLE: Table = cast(Table, SearchEntry.__table__)


@dataclass(frozen=True)
class _DocInfo:
    document_id: int | None
    doc: str | None
    doc_type: str | None
    year_start: int | None
    year_end: int | None


_NO_DOC = _DocInfo(None, None, None, None, None)


def _doc_info(conn: Connection, plan_id: int | None) -> _DocInfo:
    if plan_id is None:
        return _NO_DOC
    row = conn.execute(
        select(Document.id, Document.filename, Plan.doc_type, Plan.year_start, Plan.year_end)
        .select_from(Plan).outerjoin(Document, Document.id == Plan.document_id).where(Plan.id == plan_id)
    ).first()
    if row is None:
        return _NO_DOC
    return _DocInfo(row[0], row[1], row[2], row[3], row[4])


def _row(kind: str, text: str, info: _DocInfo, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "text": text, "words": " ".join(words(text)), "document_id": info.document_id,
            "doc": info.doc, "doc_type": info.doc_type, "year_start": info.year_start,
            "year_end": info.year_end, "line": None, "plan_id": None, "unit_id": None,
            "line_document_id": None, "indicator_id": None, "target_id": None, "task_id": None,
            "update_id": None, "source_unit_id": None, **extra}


def _write(conn: Connection, column: Any, source_id: int, rows: Iterable[dict[str, Any]]) -> None:
    conn.execute(delete(_TABLE).where(column == source_id))
    batch = [r for r in rows if r["words"]]
    if batch:
        conn.execute(insert(_TABLE), batch)


def _document(conn: Connection, doc: Document, is_new: bool) -> None:
    info = _DocInfo(doc.id, doc.filename, doc.doc_type, doc.year_start, doc.year_end)
    lines: list[str] | None = inspect(doc).info.pop(SOURCE_LINES, None)
    if lines is not None:
        _write(conn, _TABLE.c.line_document_id, doc.id,
               (_row("line", text, info, line=n, line_document_id=doc.id) for n, text in enumerate(lines, 1)))
    if not is_new:  # metadata edited: the lines and items carry the document's filters
        conn.execute(update(_TABLE).where(_TABLE.c.document_id == doc.id).values(
            doc=doc.filename, doc_type=doc.doc_type, year_start=doc.year_start, year_end=doc.year_end))


def _indicator(conn: Connection, ind: Indicator) -> None:
    info = _doc_info(conn, ind.plan_id)
    _write(conn, _TABLE.c.indicator_id, ind.id,
           [_row("indicator", ind.text, info, line=ind.line, plan_id=ind.plan_id, indicator_id=ind.id)])


def _target(conn: Connection, tgt: Target) -> None:
    info = _doc_info(conn, tgt.plan_id)
    if tgt.year is not None:
        info = _DocInfo(info.document_id, info.doc, info.doc_type, tgt.year, tgt.year)
    line = conn.execute(select(Indicator.line).where(Indicator.id == tgt.indicator_id)).scalar()
    _write(conn, _TABLE.c.target_id, tgt.id,
           [_row("target", target_text(tgt), info, line=line, plan_id=tgt.plan_id, target_id=tgt.id)])


def target_text(tgt: Target) -> str:
    """What a target reads as: its own words, or its metric and figure ("Thu ngân sách: 14.150 tỷ đồng")."""
    if tgt.text:
        return tgt.text
    figure = with_unit(tgt.value, tgt.unit) if tgt.value is not None else ""
    if tgt.value_max is not None:
        figure = f"{vn_number(tgt.value or 0)} - {with_unit(tgt.value_max, tgt.unit)}"
    year = f" năm {tgt.year}" if tgt.year else ""
    return f"{tgt.metric}{year}: {figure}" if figure else f"{tgt.metric}{year}"


def _task(conn: Connection, task: Task) -> None:
    info = _doc_info(conn, task.plan_id)
    text = " ".join(t for t in (task.title, task.text) if t)
    _write(conn, _TABLE.c.task_id, task.id,
           [_row("task", text, info, line=task.line, plan_id=task.plan_id, task_id=task.id)])


def _unit(conn: Connection, unit: Unit) -> None:
    text = unit.name if not unit.code else f"{unit.name} ({unit.code})"
    _write(conn, _TABLE.c.source_unit_id, unit.id,
           [_row("unit", text, _NO_DOC, unit_id=unit.id, source_unit_id=unit.id)])


def _update(conn: Connection, upd: Update) -> None:
    info = _doc_info(conn, upd.plan_id)
    _write(conn, _TABLE.c.update_id, upd.id,
           [_row("update", upd.note or "", info, plan_id=upd.plan_id, unit_id=upd.unit_id, update_id=upd.id)])


def index_objects(conn: Connection, new: Iterable[object], dirty: Iterable[object]) -> None:
    """Rewrite the entries of these freshly flushed rows (the hook's body; also used by bulk loads)."""
    new_ids = {id(o) for o in new}
    for obj in [*new, *dirty]:
        if isinstance(obj, Document):
            _document(conn, obj, id(obj) in new_ids)
        elif isinstance(obj, Indicator):
            _indicator(conn, obj)
        elif isinstance(obj, Target):
            _target(conn, obj)
        elif isinstance(obj, Task):
            _task(conn, obj)
        elif isinstance(obj, Unit):
            _unit(conn, obj)
        elif isinstance(obj, Update):
            _update(conn, obj)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    deleted = set(map(id, session.deleted))
    dirty = [o for o in session.dirty
             if id(o) not in deleted and session.is_modified(o, include_collections=False)]
    new = [o for o in session.new if id(o) not in deleted]
    if new or dirty:
        index_objects(session.connection(), new, dirty)
