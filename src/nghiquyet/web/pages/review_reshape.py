"""Rà soát: split an item, convert it to the other kind, type an indicator's targets row by row.

The forms replace the item in place (HTMX); the work is done by `documents.review`, so the pages
and the API apply the same checks and leave the same audit trail.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nghiquyet.accounts.models import User
from nghiquyet.documents.models import Document
from nghiquyet.documents.reshape import KIND_NAMES, Kind, RowProblem, TargetRow, row_from_target
from nghiquyet.documents.review import (
    convert_review_item,
    pieces_of,
    save_review_targets,
    split_review_item,
    stored_lines,
)
from nghiquyet.documents.service import get_document
from nghiquyet.errors import ValidationFailed
from nghiquyet.extract.items.pieces import Piece
from nghiquyet.extract.items.recast import plan_year
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.format import COMPARATOR_LABELS
from nghiquyet.web.pages import review_edits as ops
from nghiquyet.web.pages.common import PageRoute, is_htmx, render, require_office
from nghiquyet.web.pages.documents import Message
from nghiquyet.web.pages.documents import _review_context as review_context

router = APIRouter(route_class=PageRoute)
_ROW_FIELDS = ("metric", "comparator", "value", "unit", "year", "keep")


def _htmx_only(request: Request, doc: Document) -> Response | None:
    return None if is_htmx(request) else RedirectResponse(f"/van-ban/{doc.id}", status_code=303)


def _panel(request: Request, session: DbSession, doc: Document, user: User, message: Message,
           changed: set[str] | None = None) -> Response:
    if (away := _htmx_only(request, doc)) is not None:
        return away
    return render(request, "documents/_items.html", user, messages=[message], changed=changed or set(),
                  **review_context(session, doc, user))


def _item(session: DbSession, doc: Document, user: User, kind: Kind,
          index: int) -> tuple[dict[str, Any], Any]:
    context = review_context(session, doc, user)
    items = context["indicators"] if kind == "indicator" else context["tasks"]
    ops.item_at(doc.effective_extraction, kind, index)  # a stale index: the reason, in Vietnamese
    return context, items[index]


# --- Split ---


def _suggested_parts(pieces: list[Piece]) -> list[int]:
    """The part number each piece starts in: a new part at every usual cut."""
    parts, current = [], 1
    for k, piece in enumerate(pieces):
        if k and piece.cut:
            current += 1
        parts.append(current)
    return parts


def _split_form(request: Request, session: DbSession, doc: Document, user: User, kind: Kind, index: int,
                settings: AppSettings, *, chosen: list[int] | None = None, error: str | None = None,
                own_text: str | None = None) -> Response:
    if (away := _htmx_only(request, doc)) is not None:
        return away
    context, item = _item(session, doc, user, kind, index)
    pieces = pieces_of(doc, kind, index, stored_lines(doc, settings))
    parts = chosen if chosen is not None and len(chosen) == len(pieces) else _suggested_parts(pieces)
    response = render(request, "documents/_item_split.html", user, item=item,
                      pieces=list(zip(pieces, parts, strict=True)), error=error,
                      own_text=own_text if own_text is not None else item.text, own_open=own_text is not None,
                      **context)
    if error:  # the forms aim at the whole list; the reason goes back in place of this item only
        response.headers["HX-Retarget"] = f"#item-{kind}-{index}"
        response.headers["HX-Reswap"] = "outerHTML"
    return response


@router.get("/van-ban/{document_id}/muc/{kind}/{index}/tach", response_class=HTMLResponse)
def split_form(request: Request, document_id: int, kind: str, index: int, session: DbSession,
               settings: AppSettings, user: User = Depends(require_office)) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    return _split_form(request, session, doc, user, ops.check_kind(kind), index, settings)


@router.post("/van-ban/{document_id}/muc/{kind}/{index}/tach", response_class=HTMLResponse)
async def split(request: Request, document_id: int, kind: str, index: int, session: DbSession,
                settings: AppSettings, user: User = Depends(require_office)) -> Response:
    checked = ops.check_kind(kind)
    form = await request.form()
    own = form.get("texts")  # the reader's own breaks, one part a line
    chosen = [int(str(v)) if str(v).isdigit() else 0 for v in form.getlist("part")]
    doc = get_document(session, document_id=document_id, actor=user)
    groups: dict[int, list[int]] = {}
    for piece, part in enumerate(chosen):
        groups.setdefault(part, []).append(piece)
    texts = [t for t in str(own).splitlines() if t.strip()] if own is not None else None
    parts = None if texts is not None else list(groups.values())
    try:
        result = split_review_item(session, document_id=doc.id, kind=checked, index=index, actor=user,
                                   settings=settings, parts=parts, texts=texts)
    except ValidationFailed as exc:  # the form again, as the person left it, with the reason
        return _split_form(request, session, doc, user, checked, index, settings, chosen=chosen,
                           error=exc.message, own_text=str(own) if own is not None else None)
    done = Message("ok", f"Đã tách {KIND_NAMES[checked]} thành {len(result.indices)} mục; mỗi mục giữ dòng "
                         "nguồn của phần mình.")
    return _panel(request, session, doc, user, done, {f"{checked}-{i}" for i in result.indices})


# --- Convert ---


@router.post("/van-ban/{document_id}/muc/{kind}/{index}/chuyen", response_class=HTMLResponse)
def convert(request: Request, document_id: int, kind: str, index: int, session: DbSession,
            user: User = Depends(require_office)) -> Response:
    checked = ops.check_kind(kind)
    doc = get_document(session, document_id=document_id, actor=user)
    result = convert_review_item(session, document_id=doc.id, kind=checked, index=index, actor=user)
    item = result.extraction["indicators" if result.kind == "indicator" else "tasks"][result.index]
    text = f"Đã chuyển {KIND_NAMES[checked]} thành {KIND_NAMES[result.kind]}."
    if result.kind == "indicator":
        found = len(item.get("targets") or [])
        text += (f" Đọc được {found} mức chỉ tiêu từ nội dung; hãy kiểm tra lại." if found else
                 " Nội dung không nêu con số nào: hãy nhập mức chỉ tiêu bằng “Nhập nhanh mức chỉ tiêu”.")
    elif result.dropped_targets:
        text += f" {result.dropped_targets} mức chỉ tiêu của nó không còn theo dõi."
    return _panel(request, session, doc, user, Message("ok", text), {f"{result.kind}-{result.index}"})


# --- Quick target editor ---


def _blank_row(year: int | None) -> TargetRow:
    return TargetRow(year=str(year) if year else "")


def _targets_form(request: Request, session: DbSession, doc: Document, user: User, index: int, *,
                  rows: list[TargetRow] | None = None, problems: list[RowProblem] | None = None,
                  error: str | None = None) -> Response:
    if (away := _htmx_only(request, doc)) is not None:
        return away
    context, item = _item(session, doc, user, "indicator", index)
    year = plan_year((doc.effective_extraction.get("metadata") or {}).get("years"))
    if rows is None:
        rows = [row_from_target(t, k) for k, t in enumerate(item.targets)] + [_blank_row(year)]
    by_row: dict[int, list[RowProblem]] = {}
    for p in problems or []:
        by_row.setdefault(p.row, []).append(p)
    return render(request, "documents/_item_targets.html", user, item=item, rows=rows, problems=by_row,
                  blank=_blank_row(year), error=error, comparator_labels=COMPARATOR_LABELS, **context)


@router.get("/van-ban/{document_id}/muc/indicator/{index}/muc-chi-tieu", response_class=HTMLResponse)
def targets_form(request: Request, document_id: int, index: int, session: DbSession,
                 user: User = Depends(require_office)) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    return _targets_form(request, session, doc, user, index)


@router.post("/van-ban/{document_id}/muc/indicator/{index}/muc-chi-tieu", response_class=HTMLResponse)
async def targets_save(request: Request, document_id: int, index: int, session: DbSession,
                       user: User = Depends(require_office)) -> Response:
    form = await request.form()
    columns = [[str(v) for v in form.getlist(name)] for name in _ROW_FIELDS]
    rows = [TargetRow(metric, comparator, value, unit, year, int(keep) if keep.isdigit() else None)
            for metric, comparator, value, unit, year, keep in zip(*columns, strict=False)]
    doc = get_document(session, document_id=document_id, actor=user)
    try:
        save_review_targets(session, document_id=doc.id, index=index, rows=rows, actor=user)
    except ValidationFailed as exc:  # every wrong row marked; nothing saved
        problems = [RowProblem(int(str(p["row"])), str(p["field"]), str(p["message"])) for p in exc.problems]
        wrong = len({p.row for p in problems})
        return _targets_form(request, session, doc, user, index, rows=rows, problems=problems,
                             error=f"Chưa lưu mức nào: {wrong} dòng có lỗi, xem ghi chú dưới từng dòng.")
    if (away := _htmx_only(request, doc)) is not None:
        return away
    context, item = _item(session, doc, user, "indicator", index)
    return render(request, "documents/_item.html", user, item=item, changed={f"indicator-{index}"}, **context)
