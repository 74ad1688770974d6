"""Review use cases that reshape items: split, convert, and set an indicator's targets from rows.

Each checks the actor, applies one `reshape` operation to the current review copy and saves it
through `save_review`, so it is audited like every review edit (with the operation named).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.reshape import (
    LIST_KEY,
    Converted,
    Kind,
    Split,
    TargetRow,
    convert_item,
    item_at,
    parts_from_cuts,
    set_targets,
    split_item,
)
from nghiquyet.documents.service import document_path, get_document, save_review
from nghiquyet.errors import NghiquyetError, NotFoundError, ValidationFailed
from nghiquyet.extract.items.pieces import Piece, item_pieces, offsets_of_parts
from nghiquyet.extract.read import read_document
from nghiquyet.units.permissions import Actor, require_manager

MB = 1_048_576


def stored_lines(doc: Document, settings: Settings) -> list[str]:
    """The document's source lines as read from its stored file; none when it cannot be read again."""
    try:
        return read_document(document_path(doc, settings), max_bytes=settings.max_upload_mb * MB).lines
    except NghiquyetError:
        return []


def _item(doc: Document, kind: Kind, index: int) -> dict[str, Any]:
    try:
        return item_at(doc.effective_extraction, kind, index)
    except NghiquyetError as exc:
        raise NotFoundError(exc.message) from None


def pieces_of(doc: Document, kind: Kind, index: int, lines: list[str], *,
              texts: list[str] | None = None) -> list[Piece]:
    """The item's pieces; with `texts`, exactly those parts (the item's text with breaks put in)."""
    item = _item(doc, kind, index)
    column = item.get("column")
    text = str(item.get("text") or "")
    at = None
    if texts is not None:
        offsets = offsets_of_parts(text, texts)
        if offsets is None:
            raise ValidationFailed(
                "Không tách được: các phần phải là nội dung của mục theo đúng thứ tự — chỉ xuống dòng ở chỗ "
                "muốn tách, không thêm, bớt hay sửa chữ.",
                problems=[{"field": "texts", "message": "các phần không khớp nội dung của mục"}])
        at = offsets[1:]
    return item_pieces(text, line=int(item.get("line") or 0), line_end=item.get("line_end"),
                       column=column if isinstance(column, int) else None, lines=lines, at=at)


def review_pieces(session: Session, *, document_id: int, kind: Kind, index: int, actor: Actor,
                  settings: Settings) -> list[Piece]:
    """Where item `index` can be split, each piece with its source line."""
    doc = get_document(session, document_id=document_id, actor=actor)
    return pieces_of(doc, kind, index, stored_lines(doc, settings))


def split_review_item(session: Session, *, document_id: int, kind: Kind, index: int, actor: Actor,
                      settings: Settings, cuts: list[int] | None = None, parts: list[list[int]] | None = None,
                      texts: list[str] | None = None) -> Split:
    """Split item `index` before the pieces `cuts` (contiguous parts), into the given `parts` (groups
    of pieces), or into `texts`: the item's own text with a break at each place the reader chose."""
    require_manager(actor, "tách mục khi rà soát")
    doc = get_document(session, document_id=document_id)
    if sum(x is not None for x in (cuts, parts, texts)) != 1:
        raise ValidationFailed("Hãy gửi đúng một trong ba: chỗ tách (cuts), các phần (parts) hoặc nội dung "
                               "từng phần (texts).",
                               problems=[{"field": "cuts", "message": "cần một trong cuts, parts, texts"}])
    pieces = pieces_of(doc, kind, index, stored_lines(doc, settings), texts=texts)
    if texts is not None:
        groups = [[i] for i in range(len(pieces))]
    else:
        groups = parts if parts is not None else parts_from_cuts(len(pieces), cuts or [])
    result = split_item(doc.effective_extraction, kind, index, pieces, groups)
    save_review(session, document_id=doc.id, extraction=result.extraction, actor=actor,
                operation={"op": "split", "kind": kind, "index": index, "parts": len(result.indices),
                           "lines": [result.extraction[LIST_KEY[kind]][i].get("line")
                                     for i in result.indices]})
    return result


def convert_review_item(session: Session, *, document_id: int, kind: Kind, index: int,
                        actor: Actor) -> Converted:
    """Item `index` made the other kind (a task read as an indicator with targets, or back)."""
    require_manager(actor, "chuyển loại mục khi rà soát")
    doc = get_document(session, document_id=document_id)
    before = _item(doc, kind, index)
    result = convert_item(doc.effective_extraction, kind, index)
    save_review(session, document_id=doc.id, extraction=result.extraction, actor=actor,
                operation={"op": "convert", "from": kind, "to": result.kind, "index": index,
                           "new_index": result.index, "line": before.get("line"),
                           "dropped_targets": result.dropped_targets})
    return result


def save_review_targets(session: Session, *, document_id: int, index: int, rows: list[TargetRow],
                        actor: Actor) -> dict[str, Any]:
    """Indicator `index` gets the targets of the rows; one wrong row saves nothing (ValidationFailed)."""
    require_manager(actor, "nhập mức chỉ tiêu khi rà soát")
    doc = get_document(session, document_id=document_id)
    before = len(_item(doc, "indicator", index).get("targets") or [])
    corrected = set_targets(doc.effective_extraction, index, rows)
    saved = save_review(session, document_id=doc.id, extraction=corrected, actor=actor,
                        operation={"op": "targets", "index": index, "before": before,
                                   "after": len(corrected["indicators"][index]["targets"])})
    indicator: dict[str, Any] = saved.effective_extraction["indicators"][index]
    return indicator
