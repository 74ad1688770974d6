"""Documents: upload (the extraction comes back at once), list, read, confirm into a plan."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from pydantic import BaseModel, Field

from nghiquyet.documents.schemas import DocumentDetail, DocumentRead, ReviewSave
from nghiquyet.documents.service import get_document, import_document, list_documents, save_review
from nghiquyet.errors import InputError
from nghiquyet.plans.service import confirm_plan
from nghiquyet.series.service import refresh
from nghiquyet.web.api.params import PathId
from nghiquyet.web.deps import AppSettings, CurrentUser, DbSession

router = APIRouter(prefix="/documents", tags=["documents"])
MB = 1_048_576


class Uploaded(BaseModel):
    id: int
    filename: str
    extraction: dict[str, Any]


class PlanCreated(BaseModel):
    plan_id: int


class PlanNaming(BaseModel):
    """What pages and reports name the plan by, when the extraction found it not (or wrongly)."""

    title: str | None = Field(default=None, max_length=2000, description="Trích yếu (tiêu đề)")
    number: str | None = Field(default=None, max_length=100, description="Số, ký hiệu, ví dụ 15-NQ/TU")
    issuer: str | None = Field(default=None, max_length=255, description="Cơ quan ban hành")


@router.post("")
def upload(file: Annotated[UploadFile, File(description="Văn bản: .txt, .md, .docx, .pdf")],
           session: DbSession, user: CurrentUser, settings: AppSettings) -> Uploaded:
    """Store the file and return its extraction; the same bytes again return the same document.

    A plain `def`: FastAPI runs it on a worker thread, and the extraction in a child process
    (documents/isolated.py), so the event loop keeps answering every other request meanwhile."""
    name = file.filename or ""
    # Read one byte past the limit: enough to refuse an oversized upload without holding all of it.
    data = file.file.read(settings.max_upload_mb * MB + 1)
    if not data:
        raise InputError("Tệp rỗng: không có nội dung để trích xuất.", path=name or None)
    doc = import_document(session, filename=name, data=data, actor=user, settings=settings)
    refresh(session, actor=user, plan_ids=())  # the results it reports become proposals now, not when listed
    return Uploaded(id=doc.id, filename=doc.filename, extraction=doc.effective_extraction)


@router.get("")
def index(session: DbSession, user: CurrentUser) -> list[DocumentRead]:
    return [DocumentRead.model_validate(d) for d in list_documents(session, actor=user)]


@router.get("/{document_id}")
def show(document_id: PathId, session: DbSession, user: CurrentUser) -> DocumentDetail:
    return DocumentDetail.model_validate(get_document(session, document_id=document_id, actor=user))


@router.put("/{document_id}/review")
def review(document_id: PathId, body: ReviewSave, session: DbSession, user: CurrentUser) -> DocumentDetail:
    """Save the reviewer's corrected extraction (the machine's output is kept beside it)."""
    doc = save_review(session, document_id=document_id, extraction=body.extraction, actor=user)
    return DocumentDetail.model_validate(doc)


@router.post("/{document_id}/plan")
def confirm(document_id: PathId, session: DbSession, user: CurrentUser,
            body: PlanNaming | None = None) -> PlanCreated:
    """Confirm the (reviewed) extraction into a tracked plan; confirming again returns the same plan.

    The optional body gives the title, number and issuer the extraction missed."""
    given = body or PlanNaming()
    plan = confirm_plan(session, document_id=document_id, actor=user, title=given.title,
                        number=given.number, issuer=given.issuer)
    refresh(session, actor=user, plan_ids=[plan.id])  # links to the other plans, figures already reported
    return PlanCreated(plan_id=plan.id)
