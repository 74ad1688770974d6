"""Giải trình and khó khăn, vướng mắc over the API: the same use cases as the pages (people are told)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from nghiquyet.explanations import blockers as bl
from nghiquyet.explanations.schemas import (
    BlockerClose,
    BlockerCreate,
    BlockerRead,
    ExplanationAnswer,
    ExplanationCreate,
    ExplanationRead,
)
from nghiquyet.explanations.service import requests_for_item
from nghiquyet.reminders import followup
from nghiquyet.reminders.service import LOCAL_TZ
from nghiquyet.web.api.params import MAX_ID, PathId, QueryId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(tags=["followup"])


def _now() -> dt.datetime:
    return dt.datetime.now(LOCAL_TZ)


@router.post("/explanations", status_code=201)
def ask(body: ExplanationCreate, session: DbSession, user: CurrentUser) -> ExplanationRead:
    req = followup.ask_to_explain(
        session,
        actor=user,
        item_type=body.item_type,
        item_id=body.item_id,
        unit_id=body.unit_id,
        question=body.question,
        due=body.due,
        now=_now(),
        period=body.period,
    )
    return ExplanationRead.model_validate(req)


@router.get("/explanations")
def for_item(
    item_type: Literal["indicator", "task"],
    item_id: Annotated[int, Query(ge=1, le=MAX_ID)],
    session: DbSession,
    user: CurrentUser,
) -> list[ExplanationRead]:
    rows = requests_for_item(session, actor=user, item_type=item_type, item_id=item_id)
    return [ExplanationRead.model_validate(r) for r in rows]


@router.post("/explanations/{request_id}/answer")
def answer(
    request_id: PathId, body: ExplanationAnswer, session: DbSession, user: CurrentUser
) -> ExplanationRead:
    req = followup.answer_explanation(
        session, actor=user, request_id=request_id, answer=body.answer, now=_now()
    )
    return ExplanationRead.model_validate(req)


@router.post("/blockers", status_code=201)
def raise_blocker(body: BlockerCreate, session: DbSession, user: CurrentUser) -> BlockerRead:
    blocker = followup.raise_blocker(
        session,
        actor=user,
        item_type=body.item_type,
        item_id=body.item_id,
        unit_id=body.unit_id,
        to=body.to,
        title=body.title,
        detail=body.detail,
        now=_now(),
    )
    return BlockerRead.model_validate(blocker)


@router.get("/blockers")
def list_blockers(
    session: DbSession,
    user: CurrentUser,
    state: Literal["open", "closed", "all"] = "open",
    unit_id: QueryId = None,
    item_type: Literal["indicator", "task"] | None = None,
    item_id: QueryId = None,
) -> list[BlockerRead]:
    rows = bl.list_blockers(
        session,
        actor=user,
        state=None if state == "all" else state,
        unit_id=unit_id,
        item_type=item_type,
        item_id=item_id,
    )
    return [BlockerRead.model_validate(b) for b in rows]


@router.post("/blockers/{blocker_id}/close")
def close(blocker_id: PathId, body: BlockerClose, session: DbSession, user: CurrentUser) -> BlockerRead:
    blocker = followup.close_blocker(
        session, actor=user, blocker_id=blocker_id, decision=body.decision, now=_now()
    )
    return BlockerRead.model_validate(blocker)
