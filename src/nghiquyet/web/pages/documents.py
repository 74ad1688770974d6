"""Văn bản: upload several files, review the extraction beside the source, correct it, confirm a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.diff import ExtractionDiff
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import name_of
from nghiquyet.documents.service import (
    document_path,
    get_document,
    import_document,
    list_documents,
    reextract,
    save_review,
)
from nghiquyet.errors import InputError, NghiquyetError
from nghiquyet.extract.read import read_document
from nghiquyet.plans.service import confirm_plan, deadline_date, list_plans
from nghiquyet.series.service import refresh
from nghiquyet.tracking.service import past_deadline_warning
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.format import COMPARATOR_LABELS, GROUP_LABELS
from nghiquyet.web.pages import review_edits as ops
from nghiquyet.web.pages.common import PageRoute, is_htmx, render, require_office, require_user

router = APIRouter(route_class=PageRoute)
TASK_LATE = "nhiệm vụ này được tính là quá hạn ngay khi theo dõi. Nếu nhập nhầm, hãy sửa lại thời hạn."


@dataclass
class Message:
    kind: str  # ok | error | info
    text: str
    href: str | None = None  # where to act on it, e.g. the review screen


@dataclass
class DocumentRow:
    id: int
    number: str | None
    title: str | None
    issuer: str | None
    doc_type: str
    date: Any
    counts: str
    reviewed: bool
    plan_id: int | None


@dataclass
class DiffView:
    added: list[str]
    removed: list[str]
    changed: list[str]


def _rows(session: DbSession, user: User) -> list[DocumentRow]:
    plan_of = {p.document_id: p.id for p in list_plans(session, actor=user) if p.document_id is not None}
    rows = []
    for d in list_documents(session, actor=user):
        ext = d.effective_extraction
        counts = f"{len(ext.get('indicators') or [])} / {len(ext.get('tasks') or [])}"
        rows.append(
            DocumentRow(
                d.id,
                d.number,
                d.title,
                d.issuer,
                d.doc_type,
                d.date,
                counts,
                d.review is not None,
                plan_of.get(d.id),
            )
        )
    return rows


@router.get("/van-ban", response_class=HTMLResponse)
def documents_page(request: Request, session: DbSession, user: User = Depends(require_user)) -> HTMLResponse:
    return render(
        request,
        "documents/list.html",
        user,
        active="documents",
        title="Văn bản",
        documents=_rows(session, user),
        messages=[],
    )


@router.post("/van-ban", response_class=HTMLResponse)
def upload(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    files: Annotated[list[UploadFile], File()],
    user: User = Depends(require_office),
) -> HTMLResponse:
    messages: list[Message] = []
    known = {d.id for d in list_documents(session, actor=user)}  # the same bytes again return the old one
    for upload_file in files:
        name = upload_file.filename or "van-ban"
        # Sync, on a worker thread: the extraction runs in a child process (documents/isolated.py).
        data = upload_file.file.read(settings.max_upload_mb * 1_048_576 + 1)
        try:
            doc = import_document(session, filename=name, data=data, actor=user, settings=settings)
            refresh(session, actor=user, plan_ids=())  # its results become proposals now, not when read
        except InputError as exc:
            messages.append(
                Message(
                    "error",
                    f"Không nhập được “{name}”: {exc.message}" + (f" ({exc.hint})" if exc.hint else ""),
                )
            )
            continue
        if doc.id in known:
            messages.append(
                Message(
                    "info",
                    f"“{name}” trùng nội dung với văn bản đã nhập “{doc.filename}”; không nhập lại.",
                    f"/van-ban/{doc.id}",
                )
            )
            continue
        known.add(doc.id)
        ext = doc.effective_extraction
        n_ind, n_task = len(ext.get("indicators") or []), len(ext.get("tasks") or [])
        messages.append(
            Message(
                "ok",
                f"Đã nhập “{doc.filename}”: {n_ind} chỉ tiêu, {n_task} nhiệm vụ. "
                "Hãy rà soát trước khi xác nhận.",
                f"/van-ban/{doc.id}",
            )
        )
    return render(
        request,
        "documents/list.html",
        user,
        active="documents",
        title="Văn bản",
        documents=_rows(session, user),
        messages=messages,
    )


def _source_lines(doc: Document, settings: Settings) -> list[str]:
    try:
        return read_document(document_path(doc, settings), max_bytes=settings.max_upload_mb * 1_048_576).lines
    except NghiquyetError:
        return ["(Không đọc lại được tệp gốc của văn bản này.)"]


def _review_context(session: DbSession, doc: Document, user: User) -> dict[str, Any]:
    plan_id = next((p.id for p in list_plans(session, actor=user) if p.document_id == doc.id), None)
    effective = doc.effective_extraction
    return {
        "document": doc,
        "plan_id": plan_id,
        "naming": naming_fields(effective),
        "indicators": ops.review_items(effective, doc.extraction, "indicator"),
        "tasks": ops.review_items(effective, doc.extraction, "task"),
        "groups": list(GROUP_LABELS.items()),
        "comparators": list(COMPARATOR_LABELS.items()),
    }


# What pages and reports name a plan by, asked for at confirm time when the extraction found none.
NAMING_FIELDS = (("title", "Trích yếu (tiêu đề)", "về nhiệm vụ phát triển kinh tế - xã hội năm 2025"),
                 ("number", "Số, ký hiệu", "15-NQ/TU"),
                 ("issuer", "Cơ quan ban hành", "Tỉnh ủy Lâm Đồng"))


@dataclass
class NamingField:
    key: str
    label: str
    example: str
    value: str


def naming_fields(extraction: dict[str, Any]) -> list[NamingField]:
    """The confirm form's fields, filled with what the extraction (or its review) found."""
    meta = extraction.get("metadata") or {}
    found = {"title": meta.get("title") or meta.get("theme"), "number": meta.get("number"),
             "issuer": meta.get("issuer")}
    return [NamingField(key, label, example, str(found[key] or "")) for key, label, example in NAMING_FIELDS]


@router.get("/van-ban/{document_id}", response_class=HTMLResponse)
def review_page(
    request: Request,
    document_id: int,
    session: DbSession,
    settings: AppSettings,
    user: User = Depends(require_user),
) -> HTMLResponse:
    doc = get_document(session, document_id=document_id, actor=user)
    return render(
        request,
        "documents/review.html",
        user,
        active="documents",
        title=f"Rà soát {name_of(doc)}",
        lines=_source_lines(doc, settings),
        **_review_context(session, doc, user),
    )


def _items_panel(
    request: Request, session: DbSession, doc: Document, user: User, messages: list[Message] | None = None
) -> Response:
    if not is_htmx(request):
        return RedirectResponse(f"/van-ban/{doc.id}", status_code=303)
    return render(
        request, "documents/_items.html", user, messages=messages or [], **_review_context(session, doc, user)
    )


def _item_fragment(
    request: Request,
    session: DbSession,
    doc: Document,
    user: User,
    kind: ops.Kind,
    index: int,
    *,
    form: bool,
    error: str | None = None,
    warning: str | None = None,
) -> Response:
    if not is_htmx(request):
        return RedirectResponse(f"/van-ban/{doc.id}", status_code=303)
    context = _review_context(session, doc, user)
    items = context["indicators"] if kind == "indicator" else context["tasks"]
    if not 0 <= index < len(items):
        gone = Message("error", "Mục này không còn trong bản rà soát: trang đã được tải lại.")
        return render(request, "documents/_items.html", user, **context, messages=[gone])
    name = "documents/_item_form.html" if form else "documents/_item.html"
    return render(request, name, user, item=items[index], error=error, warning=warning, **context)


@router.get("/van-ban/{document_id}/muc/{kind}/{index}", response_class=HTMLResponse)
def item_view(
    request: Request,
    document_id: int,
    kind: str,
    index: int,
    session: DbSession,
    user: User = Depends(require_user),
) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    return _item_fragment(request, session, doc, user, ops.check_kind(kind), index, form=False)


@router.get("/van-ban/{document_id}/muc/{kind}/{index}/sua", response_class=HTMLResponse)
def item_form(
    request: Request,
    document_id: int,
    kind: str,
    index: int,
    session: DbSession,
    user: User = Depends(require_office),
) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    return _item_fragment(request, session, doc, user, ops.check_kind(kind), index, form=True)


@router.post("/van-ban/{document_id}/muc/{kind}/{index}", response_class=HTMLResponse)
async def item_save(
    request: Request,
    document_id: int,
    kind: str,
    index: int,
    session: DbSession,
    user: User = Depends(require_office),
) -> Response:
    form = await request.form()
    fields = ("label", "text", "line", "title", "group", "deadline", "lead")
    values = {k: str(form.get(k) or "") for k in fields}
    target_fields = ("metric", "comparator", "value", "value_max", "unit")
    columns = [[str(v) for v in form.getlist(k)] for k in target_fields]
    edit = ops.ItemEdit(
        label=values["label"],
        text=values["text"],
        lines=values["line"],
        title=values["title"],
        group=values["group"],
        deadline=values["deadline"],
        lead=values["lead"],
        targets=[ops.TargetEdit(*row) for row in zip(*columns, strict=False)],
    )
    checked = ops.check_kind(kind)
    doc = get_document(session, document_id=document_id, actor=user)
    try:
        corrected = ops.edit_item(doc.effective_extraction, checked, index, edit)
    except InputError as exc:  # show the form again with the reason, nothing saved
        return _item_fragment(request, session, doc, user, checked, index, form=True, error=exc.message)
    save_review(session, document_id=doc.id, extraction=corrected, actor=user)
    warning = past_deadline_warning(deadline_date(edit.deadline.strip()), today=date.today(),
                                    consequence=TASK_LATE) if checked == "task" else None
    return _item_fragment(request, session, doc, user, checked, index, form=False, warning=warning)


@router.post("/van-ban/{document_id}/muc/{kind}/{index}/xoa", response_class=HTMLResponse)
def item_remove(
    request: Request,
    document_id: int,
    kind: str,
    index: int,
    session: DbSession,
    user: User = Depends(require_office),
) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    corrected = ops.remove_item(doc.effective_extraction, ops.check_kind(kind), index)
    save_review(session, document_id=doc.id, extraction=corrected, actor=user)
    return _items_panel(request, session, doc, user, [Message("ok", "Đã bỏ mục khỏi bản rà soát.")])


@router.post("/van-ban/{document_id}/muc", response_class=HTMLResponse)
def item_add(
    request: Request,
    document_id: int,
    session: DbSession,
    kind: Annotated[str, Form()],
    text: Annotated[str, Form()] = "",
    line: Annotated[str, Form()] = "",
    user: User = Depends(require_office),
) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    try:
        corrected = ops.add_item(doc.effective_extraction, ops.check_kind(kind), text, line)
    except InputError as exc:
        return _items_panel(request, session, doc, user, [Message("error", exc.message)])
    save_review(session, document_id=doc.id, extraction=corrected, actor=user)
    return _items_panel(request, session, doc, user, [Message("ok", "Đã thêm mục vào bản rà soát.")])


@router.post("/van-ban/{document_id}/gop", response_class=HTMLResponse)
def items_merge(
    request: Request,
    document_id: int,
    session: DbSession,
    merge: Annotated[list[str] | None, Form()] = None,
    user: User = Depends(require_office),
) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    try:
        corrected = ops.merge_items(doc.effective_extraction, merge or [])
    except InputError as exc:
        return _items_panel(request, session, doc, user, [Message("error", exc.message)])
    save_review(session, document_id=doc.id, extraction=corrected, actor=user)
    done = Message("ok", f"Đã gộp {len(merge or [])} mục thành một.")
    return _items_panel(request, session, doc, user, [done])


@router.post("/van-ban/{document_id}/xac-nhan")
def confirm(
    request: Request,
    document_id: int,
    session: DbSession,
    settings: AppSettings,
    title: Annotated[str, Form()] = "",
    number: Annotated[str, Form()] = "",
    issuer: Annotated[str, Form()] = "",
    user: User = Depends(require_office),
) -> Response:
    doc = get_document(session, document_id=document_id, actor=user)
    given = {"title": title.strip(), "number": number.strip(), "issuer": issuer.strip()}
    found = {f.key: f.value for f in naming_fields(doc.effective_extraction)}
    if not (given["title"] or found["title"]):
        # A plan is named in pages and official reports: without a title it would have no name.
        context = _review_context(session, doc, user)
        context["naming"] = [NamingField(f.key, f.label, f.example, given[f.key]) for f in context["naming"]]
        return render(request, "documents/review.html", user, status_code=400, active="documents",
                      flash="Văn bản chưa có trích yếu: hãy nhập trích yếu (và số, ký hiệu, cơ quan ban hành "
                            "nếu có) rồi bấm Xác nhận thành kế hoạch.", flash_kind="error",
                      lines=_source_lines(doc, settings), **context)
    plan = confirm_plan(session, document_id=document_id, actor=user, title=given["title"] or None,
                        number=given["number"] or None, issuer=given["issuer"] or None)
    refresh(session, actor=user, plan_ids=[plan.id])  # links to the other plans, figures already reported
    return RedirectResponse(f"/ke-hoach/{plan.id}/giao-viec?moi=1", status_code=303)


def _diff_view(changes: ExtractionDiff) -> DiffView:
    parts = (("chỉ tiêu", changes.indicators), ("mức", changes.targets), ("nhiệm vụ", changes.tasks))
    added = [f"{name} {x}" for name, part in parts for x in part.added]
    removed = [f"{name} {x}" for name, part in parts for x in part.removed]
    changed = [f"{key}: {old or '–'} → {new or '–'}" for key, (old, new) in changes.metadata.items()]
    return DiffView(added, removed, changed)


@router.post("/van-ban/{document_id}/trich-xuat-lai", response_class=HTMLResponse)
def reextract_page(
    request: Request,
    document_id: int,
    session: DbSession,
    settings: AppSettings,
    user: User = Depends(require_office),
) -> HTMLResponse:
    result = reextract(session, document_id=document_id, actor=user, settings=settings)
    doc = result.document
    return render(
        request,
        "documents/review.html",
        user,
        active="documents",
        title=f"Rà soát {name_of(doc)}",
        lines=_source_lines(doc, settings),
        diff=_diff_view(result.changes),
        **_review_context(session, doc, user),
    )
