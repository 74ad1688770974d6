"""Document use cases: import (idempotent by content hash), review, re-extract."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record
from nghiquyet.config import Settings
from nghiquyet.db.base import utcnow
from nghiquyet.documents.diff import ExtractionDiff, diff_extractions
from nghiquyet.documents.isolated import extract_file
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import citation_name
from nghiquyet.errors import InputError, LimitExceeded, NotFoundError
from nghiquyet.extract import extraction_from_dict
from nghiquyet.extract.document.territory import read_territory
from nghiquyet.units.permissions import Actor, require_manager, require_reader

MB = 1_048_576


def _safe_name(filename: str) -> str:
    """The base name only: an uploaded name must never choose where a file lands."""
    name = PurePath(filename.replace("\\", "/")).name.strip() or "van-ban.txt"
    return name[:200]


def _extract_bytes(data: bytes, filename: str, settings: Settings) -> tuple[dict[str, Any], list[str]]:
    """Run the extractor on the bytes as they would be stored (a temp file keeping the user's name),
    in a child process within the time and memory limits (documents/isolated.py)."""
    with tempfile.TemporaryDirectory(prefix="nq-import-") as tmp:
        path = Path(tmp) / filename
        path.write_bytes(data)
        return extract_file(path, filename, settings)


def _apply_metadata(doc: Document, extraction: dict[str, Any]) -> None:
    meta = extraction.get("metadata") or {}
    doc.doc_type = str(meta.get("doc_type") or "other")
    doc.number = meta.get("number")
    doc.issuer = meta.get("issuer")
    doc.title = meta.get("title")
    doc.date = _iso_date(meta.get("date"))
    years = meta.get("years") or []
    doc.year_start = int(years[0]) if len(years) >= 1 and years[0] is not None else None
    doc.year_end = int(years[-1]) if len(years) >= 1 and years[-1] is not None else None


def _territory(lines: list[str], extraction: dict[str, Any]) -> dict[str, Any]:
    issuer = (extraction.get("metadata") or {}).get("issuer")
    return read_territory(lines, issuer=issuer if isinstance(issuer, str) else None).to_dict()


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _store(data: bytes, sha: str, suffix: str, settings: Settings) -> tuple[str, bool]:
    """Write the bytes content-addressed; returns (path relative to files_dir, whether we created it)."""
    rel = f"documents/{sha[:2]}/{sha}{suffix}"
    final = settings.files_dir / rel
    if final.exists():
        return rel, False
    final.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename: a crash never leaves a half-written file under the final name.
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".upload-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, final)
    return rel, True


def import_document(session: Session, *, filename: str, data: bytes, actor: Actor,
                    settings: Settings) -> Document:
    """Store a file and its extraction; the same bytes again return the same Document.

    A file the extractor cannot read raises its InputError, and nothing is stored (no row, no file).
    """
    require_manager(actor, "nhập văn bản")
    name = _safe_name(filename)
    if len(data) > settings.max_upload_mb * MB:
        raise LimitExceeded(f"tệp quá lớn: {len(data) / MB:.1f} MB, giới hạn {settings.max_upload_mb} MB",
                            path=name, hint="tách văn bản thành nhiều tệp nhỏ hơn hoặc bỏ hình ảnh đính kèm")
    sha = hashlib.sha256(data).hexdigest()
    existing = session.scalars(select(Document).where(Document.sha256 == sha)).first()
    if existing is not None:
        return existing
    extraction, lines = _extract_bytes(data, name, settings)  # raises before anything is written
    suffix = PurePath(name).suffix.lower()
    rel, created = _store(data, sha, suffix, settings)
    doc = Document(filename=name, sha256=sha, size=len(data), kind=suffix.lstrip(".") or "txt",
                   stored_path=rel, extraction=extraction, created_by=actor.id)
    _apply_metadata(doc, extraction)
    doc.territory = _territory(lines, extraction)
    inspect(doc).info["source_lines"] = lines  # read by the search index's flush hook
    try:
        with session.begin_nested():  # a concurrent import of the same bytes loses the race cleanly
            session.add(doc)
            session.flush()
    except IntegrityError:
        if created:
            (settings.files_dir / rel).unlink(missing_ok=True)
        return session.scalars(select(Document).where(Document.sha256 == sha)).one()
    record(session, actor=actor, action="document.import", object_type="document", object_id=doc.id,
           after={"filename": name, "sha256": sha, "size": len(data), **_counts(extraction)})
    session.flush()
    return doc


def _counts(extraction: dict[str, Any]) -> dict[str, int]:
    indicators = extraction.get("indicators") or []
    return {"indicators": len(indicators), "targets": sum(len(i.get("targets") or []) for i in indicators),
            "tasks": len(extraction.get("tasks") or [])}


def get_document(session: Session, *, document_id: int, actor: Actor | None = None) -> Document:
    if actor is not None:
        require_reader(actor)
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError(f"Không tìm thấy văn bản #{document_id}")
    return doc


def list_documents(session: Session, *, actor: Actor | None = None) -> list[Document]:
    if actor is not None:
        require_reader(actor)
    return list(session.scalars(select(Document).order_by(Document.created_at.desc(), Document.id.desc())))


def document_path(doc: Document, settings: Settings) -> Path:
    return settings.files_dir / doc.stored_path


def save_review(session: Session, *, document_id: int, extraction: dict[str, Any], actor: Actor,
                operation: dict[str, Any] | None = None) -> Document:
    """Keep the reviewer's corrected extraction beside the machine's (which stays untouched).

    `operation` names what the reviewer did (a split, a conversion, the targets of one indicator)
    for the audit trail, beside the item changes the save makes.
    """
    require_manager(actor, "hiệu đính kết quả trích xuất")
    doc = get_document(session, document_id=document_id)
    try:
        typed = extraction_from_dict(extraction)
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"Bản hiệu đính không đúng cấu trúc trích xuất: {exc}") from exc
    typed.source = typed.source or doc.filename
    reviewed = typed.to_dict()
    changes = diff_extractions(doc.effective_extraction, reviewed)
    doc.review = reviewed
    doc.reviewed_by, doc.reviewed_at = actor.id, utcnow()
    _apply_metadata(doc, reviewed)
    record(session, actor=actor, action="document.review", object_type="document", object_id=doc.id,
           before=_counts(doc.extraction), after={**_counts(reviewed), "changes": changes.to_dict(),
                                                 **({"operation": operation} if operation else {})})
    session.flush()
    return doc


@dataclass
class Reextraction:
    document: Document
    changes: ExtractionDiff


def reextract(session: Session, *, document_id: int, actor: Actor, settings: Settings) -> Reextraction:
    """Run the (possibly newer) extractor again on the stored file.

    The machine output is replaced by the new machine output (the reviewer's copy is never touched);
    what changed is returned and written to the audit trail.
    """
    require_manager(actor, "trích xuất lại văn bản")
    doc = get_document(session, document_id=document_id)
    path = document_path(doc, settings)
    if not path.is_file():
        raise NotFoundError(f"Không tìm thấy tệp đã lưu của văn bản #{doc.id}", hint=str(doc.stored_path))
    with tempfile.TemporaryDirectory(prefix="nq-reextract-") as tmp:
        named = Path(tmp) / doc.filename  # the user's name, so messages and `source` stay familiar
        shutil.copyfile(path, named)
        new, lines = extract_file(named, doc.filename, settings)
    doc.territory = _territory(lines, new)
    changes = diff_extractions(doc.extraction, new)
    if changes.changed:
        doc.extraction = new
        if doc.review is None:
            _apply_metadata(doc, new)
        record(session, actor=actor, action="document.reextract", object_type="document", object_id=doc.id,
               before=None, after={**_counts(new), "changes": changes.to_dict()})
        session.flush()
    return Reextraction(document=doc, changes=changes)


def citation_names(session: Session) -> dict[int | str, str]:
    """Each document's short name for source references on pages, keyed by id and by file name
    (services and the API name a source by its file; pages show this instead)."""
    rows = session.execute(select(Document.id, Document.filename, Document.doc_type, Document.number,
                                  Document.title, Document.issuer))
    out: dict[int | str, str] = {}
    for row in rows:
        out[row.id] = out[row.filename] = citation_name(row)
    return out
