"""Review operations on one extracted item: its pieces, split, convert, and its targets from rows.

Values that fail their checks answer 422 with a Vietnamese `detail` and an `errors` list
(row, field, message); nothing is saved then.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path

from nghiquyet.documents.reshape import LIST_KEY, TargetRow
from nghiquyet.documents.review import (
    convert_review_item,
    review_pieces,
    save_review_targets,
    split_review_item,
)
from nghiquyet.documents.schemas import (
    Converted,
    ItemsChanged,
    PieceRead,
    SplitRequest,
    TargetRowIn,
    TargetRows,
    TargetsSaved,
)
from nghiquyet.extract.figures.numbers import format_vn_number
from nghiquyet.web.api.params import MAX_ID, PathId
from nghiquyet.web.deps import AppSettings, CurrentUser, DbSession

router = APIRouter(prefix="/documents", tags=["documents"])
KindPath = Annotated[Literal["indicator", "task"],
                     Path(description="indicator (chỉ tiêu) hoặc task (nhiệm vụ)")]
IndexPath = Annotated[int, Path(ge=0, le=MAX_ID, description="vị trí của mục trong bản rà soát, từ 0")]


@router.get("/{document_id}/review/{kind}/{index}/pieces")
def pieces(document_id: PathId, kind: KindPath, index: IndexPath, session: DbSession, user: CurrentUser,
           settings: AppSettings) -> list[PieceRead]:
    """Where the item can be split: its sentences, inline list items and lines, in order."""
    found = review_pieces(session, document_id=document_id, kind=kind, index=index, actor=user,
                          settings=settings)
    return [PieceRead(index=i, text=p.text, line=p.line, line_end=p.line_end, column=p.column, label=p.label,
                      cut=p.cut) for i, p in enumerate(found)]


@router.post("/{document_id}/review/{kind}/{index}/split")
def split(document_id: PathId, kind: KindPath, index: IndexPath, body: SplitRequest, session: DbSession,
          user: CurrentUser, settings: AppSettings) -> ItemsChanged:
    """Split the item into several, each keeping the source lines of its pieces."""
    result = split_review_item(session, document_id=document_id, kind=kind, index=index, actor=user,
                               settings=settings, cuts=body.cuts, parts=body.parts,
                               texts=body.texts)
    items = result.extraction[LIST_KEY[kind]]
    return ItemsChanged(kind=kind, indices=result.indices, items=[items[i] for i in result.indices])


@router.post("/{document_id}/review/{kind}/{index}/convert")
def convert(document_id: PathId, kind: KindPath, index: IndexPath, session: DbSession,
            user: CurrentUser) -> Converted:
    """Make a task an indicator (targets read from its text) or an indicator a task."""
    result = convert_review_item(session, document_id=document_id, kind=kind, index=index, actor=user)
    item = result.extraction[LIST_KEY[result.kind]][result.index]
    return Converted(kind=result.kind, index=result.index, item=item, dropped_targets=result.dropped_targets)


def _row(row: TargetRowIn) -> TargetRow:
    value = row.value if isinstance(row.value, str) else format_vn_number(row.value)
    return TargetRow(metric=row.metric, comparator=row.comparator, value=value, unit=row.unit or "",
                     year="" if row.year is None else str(row.year), keep=row.keep)


@router.put("/{document_id}/review/indicator/{index}/targets")
def targets(document_id: PathId, index: IndexPath, body: TargetRows, session: DbSession,
            user: CurrentUser) -> TargetsSaved:
    """Replace the indicator's targets with the rows (blank rows skipped); one wrong row saves none."""
    indicator = save_review_targets(session, document_id=document_id, index=index,
                                    rows=[_row(r) for r in body.rows], actor=user)
    return TargetsSaved(index=index, targets=list(indicator.get("targets") or []))
