"""Updates: a unit's figure or progress for a period; submit, approve, return, correct; evidence files."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from nghiquyet.accounts.schemas import Created
from nghiquyet.tracking.evidence import attach_evidence, evidence_file
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.updates import (
    approve_update,
    correct_update,
    create_update,
    edit_update,
    get_update,
    list_updates,
    return_update,
    submit_update,
)
from nghiquyet.web.deps import AppSettings, CurrentUser, DbSession

router = APIRouter(prefix="/updates", tags=["updates"])
MB = 1_048_576


class UpdateCreate(BaseModel):
    target_id: int | None = None
    task_id: int | None = None
    period: str = Field(examples=["2024", "2024-Q1", "2024-H1", "2024-03"])
    value: float | None = None
    progress: float | None = Field(default=None, ge=0, le=100)
    note: str | None = Field(default=None, max_length=20_000)
    unit_id: int | None = Field(default=None, description="Đơn vị báo cáo (mặc định: đơn vị của người gửi "
                                                          "hoặc đơn vị chủ trì)")

    @model_validator(mode="after")
    def _one_item(self) -> UpdateCreate:
        if (self.target_id is None) == (self.task_id is None):
            raise ValueError("cần đúng một trong target_id hoặc task_id")
        return self


class UpdateEdit(BaseModel):
    value: float | None = None
    progress: float | None = Field(default=None, ge=0, le=100)
    note: str | None = Field(default=None, max_length=20_000)


class ReturnBody(BaseModel):
    reason: str = Field(min_length=1, max_length=5000)


class UpdateState(BaseModel):
    id: int
    state: str


class EvidenceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    size: int
    sha256: str


class UpdateRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    plan_id: int
    target_id: int | None
    task_id: int | None
    unit_id: int
    period: str
    value: float | None
    progress: float | None
    note: str | None
    state: str
    version: int
    supersedes_id: int | None
    return_reason: str | None
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    evidence: list[EvidenceRead]


def _state(update: Update) -> UpdateState:
    return UpdateState(id=update.id, state=update.state)


@router.post("", status_code=201)
def create(body: UpdateCreate, session: DbSession, user: CurrentUser) -> UpdateState:
    """A draft; submit it to send it to the office."""
    update = create_update(session, actor=user, period=body.period, target_id=body.target_id,
                           task_id=body.task_id, value=body.value, progress=body.progress, note=body.note,
                           unit_id=body.unit_id)
    return _state(update)


@router.get("")
def index(session: DbSession, user: CurrentUser, plan_id: int | None = None, unit_id: int | None = None,
          period: str | None = None,
          state: Literal["draft", "submitted", "approved", "returned"] | None = None,
          target_id: int | None = None, task_id: int | None = None,
          limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
          offset: Annotated[int, Query(ge=0)] = 0) -> list[UpdateRead]:
    found = list_updates(session, actor=user, plan_id=plan_id, unit_id=unit_id, period=period, state=state,
                         target_id=target_id, task_id=task_id, limit=limit, offset=offset)
    return [UpdateRead.model_validate(u) for u in found]


@router.get("/{update_id}")
def show(update_id: int, session: DbSession, user: CurrentUser) -> UpdateRead:
    return UpdateRead.model_validate(get_update(session, update_id=update_id, actor=user))


@router.patch("/{update_id}")
def edit(update_id: int, body: UpdateEdit, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(edit_update(session, update_id=update_id, actor=user, value=body.value,
                              progress=body.progress, note=body.note))


@router.post("/{update_id}/submit")
def submit(update_id: int, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(submit_update(session, update_id=update_id, actor=user))


@router.post("/{update_id}/approve")
def approve(update_id: int, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(approve_update(session, update_id=update_id, actor=user))


@router.post("/{update_id}/return")
def send_back(update_id: int, body: ReturnBody, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(return_update(session, update_id=update_id, reason=body.reason, actor=user))


@router.post("/{update_id}/correct", status_code=201)
def correct(update_id: int, body: UpdateEdit, session: DbSession, user: CurrentUser) -> UpdateState:
    """A new draft version correcting approved data (the approved row stays as history)."""
    return _state(correct_update(session, update_id=update_id, actor=user, value=body.value,
                                 progress=body.progress, note=body.note))


@router.post("/{update_id}/evidence", status_code=201)
async def add_evidence(update_id: int, file: Annotated[UploadFile, File(description="Tệp minh chứng")],
                       session: DbSession, user: CurrentUser, settings: AppSettings) -> Created:
    data = await file.read(settings.max_upload_mb * MB + 1)  # one byte past the limit is enough to refuse
    evidence = attach_evidence(session, update_id=update_id, filename=file.filename or "minh-chung",
                               data=data, actor=user, settings=settings)
    return Created(id=evidence.id)


@router.get("/evidence/{evidence_id}", response_class=FileResponse)
def download_evidence(evidence_id: int, session: DbSession, user: CurrentUser,
                      settings: AppSettings) -> FileResponse:
    evidence, path = evidence_file(session, evidence_id=evidence_id, actor=user, settings=settings)
    return FileResponse(path, filename=evidence.filename)
