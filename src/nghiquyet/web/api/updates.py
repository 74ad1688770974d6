"""Updates: a unit's figure or progress for a period; submit, approve, return, correct; evidence files."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import FileResponse
from pydantic import BaseModel

from nghiquyet.accounts.schemas import Created
from nghiquyet.tracking.evidence import attach_evidence, evidence_file
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.schemas import UpdateCreate, UpdateEdit, UpdateRead, UpdateReturn
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
from nghiquyet.web.api.params import PathId, QueryId
from nghiquyet.web.deps import AppSettings, CurrentUser, DbSession

router = APIRouter(prefix="/updates", tags=["updates"])
MB = 1_048_576


class UpdateState(BaseModel):
    id: int
    state: str


def _state(update: Update) -> UpdateState:
    return UpdateState(id=update.id, state=update.state)


@router.post("")
def create(body: UpdateCreate, session: DbSession, user: CurrentUser) -> UpdateState:
    """A draft; submit it to send it to the office."""
    update = create_update(session, actor=user, period=body.period, target_id=body.target_id,
                           task_id=body.task_id, value=body.value, progress=body.progress, note=body.note,
                           unit_id=body.unit_id)
    return _state(update)


@router.get("")
def index(session: DbSession, user: CurrentUser, plan_id: QueryId = None, unit_id: QueryId = None,
          period: str | None = None,
          state: Literal["draft", "submitted", "approved", "returned"] | None = None,
          target_id: QueryId = None, task_id: QueryId = None,
          limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
          offset: Annotated[int, Query(ge=0)] = 0) -> list[UpdateRead]:
    found = list_updates(session, actor=user, plan_id=plan_id, unit_id=unit_id, period=period, state=state,
                         target_id=target_id, task_id=task_id, limit=limit, offset=offset)
    return [UpdateRead.model_validate(u) for u in found]


@router.get("/{update_id}")
def show(update_id: PathId, session: DbSession, user: CurrentUser) -> UpdateRead:
    return UpdateRead.model_validate(get_update(session, update_id=update_id, actor=user))


@router.patch("/{update_id}")
def edit(update_id: PathId, body: UpdateEdit, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(edit_update(session, update_id=update_id, actor=user, value=body.value,
                              progress=body.progress, note=body.note))


@router.post("/{update_id}/submit")
def submit(update_id: PathId, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(submit_update(session, update_id=update_id, actor=user))


@router.post("/{update_id}/approve")
def approve(update_id: PathId, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(approve_update(session, update_id=update_id, actor=user))


@router.post("/{update_id}/return")
def send_back(update_id: PathId, body: UpdateReturn, session: DbSession, user: CurrentUser) -> UpdateState:
    return _state(return_update(session, update_id=update_id, reason=body.reason, actor=user))


@router.post("/{update_id}/correct")
def correct(update_id: PathId, body: UpdateEdit, session: DbSession, user: CurrentUser) -> UpdateState:
    """A new draft version correcting approved data (the approved row stays as history)."""
    return _state(correct_update(session, update_id=update_id, actor=user, value=body.value,
                                 progress=body.progress, note=body.note))


@router.post("/{update_id}/evidence")
async def add_evidence(update_id: PathId, file: Annotated[UploadFile, File(description="Tệp minh chứng")],
                       session: DbSession, user: CurrentUser, settings: AppSettings) -> Created:
    data = await file.read(settings.max_upload_mb * MB + 1)  # one byte past the limit is enough to refuse
    evidence = attach_evidence(session, update_id=update_id, filename=file.filename or "minh-chung",
                               data=data, actor=user, settings=settings)
    return Created(id=evidence.id)


@router.get("/evidence/{evidence_id}", response_class=FileResponse)
def download_evidence(evidence_id: PathId, session: DbSession, user: CurrentUser,
                      settings: AppSettings) -> FileResponse:
    evidence, path = evidence_file(session, evidence_id=evidence_id, actor=user, settings=settings)
    return FileResponse(path, filename=evidence.filename)
