"""Updates: a unit's figure or progress for a period; submit, approve, return, correct; evidence files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, File, Query, Response, UploadFile
from fastapi.responses import FileResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
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
from nghiquyet.web.api.versions import STALE_RESPONSES, IfMatch, guarded_write, require_fresh, tag
from nghiquyet.web.deps import AppSettings, CurrentUser, DbSession
from nghiquyet.web.downloads import evidence_response

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
                         target_id=target_id, task_id=task_id, limit=limit, offset=offset, with_evidence=True)
    return [UpdateRead.model_validate(u) for u in found]


@router.get("/{update_id}")
def show(update_id: PathId, session: DbSession, user: CurrentUser, response: Response) -> UpdateRead:
    """One update; its ETag goes back in If-Match when editing it."""
    update = get_update(session, update_id=update_id, actor=user)
    tag(response, update)
    return UpdateRead.model_validate(update)


def _shown(session: Session, update_id: int, user: User) -> tuple[Update, UpdateRead]:
    update = get_update(session, update_id=update_id, actor=user)
    return update, UpdateRead.model_validate(update)


def _write(session: Session, update_id: int, user: User, if_match: str | None, response: Response,
           action: Callable[[Update], Update]) -> UpdateState:
    """Check If-Match against the stored update (409 with it when stale), act, answer the new ETag."""
    update, shown = _shown(session, update_id, user)
    what = f"Báo cáo #{update_id}"
    require_fresh(update, if_match, what, lambda: shown)
    done = guarded_write(session, what, lambda: _shown(session, update_id, user), lambda: action(update))
    tag(response, done)
    return _state(done)


@router.patch("/{update_id}", responses=STALE_RESPONSES)
def edit(update_id: PathId, body: UpdateEdit, session: DbSession, user: CurrentUser, response: Response,
         if_match: IfMatch = None) -> UpdateState:
    """Change only the fields sent (an omitted field keeps its value)."""
    sent = body.model_dump(exclude_unset=True)
    return _write(session, update_id, user, if_match, response, lambda u: edit_update(
        session, update_id=u.id, actor=user, value=sent.get("value", u.value),
        progress=sent.get("progress", u.progress), note=sent.get("note", u.note)))


@router.post("/{update_id}/submit", responses=STALE_RESPONSES)
def submit(update_id: PathId, session: DbSession, user: CurrentUser, response: Response,
           if_match: IfMatch = None) -> UpdateState:
    return _write(session, update_id, user, if_match, response,
                  lambda u: submit_update(session, update_id=u.id, actor=user))


@router.post("/{update_id}/approve", responses=STALE_RESPONSES)
def approve(update_id: PathId, session: DbSession, user: CurrentUser, response: Response,
            if_match: IfMatch = None) -> UpdateState:
    """With If-Match, the office approves exactly the figure it read, not one changed since."""
    return _write(session, update_id, user, if_match, response,
                  lambda u: approve_update(session, update_id=u.id, actor=user))


@router.post("/{update_id}/return", responses=STALE_RESPONSES)
def send_back(update_id: PathId, body: UpdateReturn, session: DbSession, user: CurrentUser,
              response: Response, if_match: IfMatch = None) -> UpdateState:
    return _write(session, update_id, user, if_match, response,
                  lambda u: return_update(session, update_id=u.id, reason=body.reason, actor=user))


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
    return evidence_response(path, evidence.filename)
