"""Levels over the API: a level's figures (GET /units/{id}/tally, as `nghiquyet tally`, and
/units/{id}/reporting) and approval at two levels (a plan's setting, the lower level's approval)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from nghiquyet.reminders.rates import level_rates
from nghiquyet.tracking.approval_levels import approve_below, set_approval_levels, waiting_for
from nghiquyet.tracking.levels import level_tally
from nghiquyet.tracking.schemas import UpdateRead
from nghiquyet.web.api.params import MAX_ID, PathId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/units", tags=["units"])
approvals = APIRouter(tags=["updates"])


class TallyRead(BaseModel):
    total: int
    complete: int
    by_status: dict[str, int]


class UnitRefRead(BaseModel):
    id: int
    name: str
    kind: str


class LevelRowRead(BaseModel):
    unit: UnitRefRead
    units_below: int
    tally: TallyRead


class LevelTallyRead(BaseModel):
    unit: UnitRefRead
    period: str
    plans: int
    whole: TallyRead
    own: TallyRead
    children: list[LevelRowRead]
    ancestors: list[UnitRefRead]


class RateRead(BaseModel):
    expected: int
    received: int
    on_time: int
    late: int
    missing: int
    not_due: int


class RateRowRead(RateRead):
    unit: dict[str, int | str]


class LevelRatesRead(BaseModel):
    unit_id: int | None
    period: str
    whole: RateRead
    children: list[RateRowRead]


PeriodQuery = Annotated[str, Query(description="Kỳ: 2024, 2024-H1, 2024-Q2 hoặc 2024-03", max_length=20)]


@router.get("/{unit_id}/tally")
def unit_tally(
    unit_id: PathId,
    session: DbSession,
    user: CurrentUser,
    period: PeriodQuery,
    plan_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description=(
        "Chỉ kế hoạch này và các kế hoạch cấp dưới thực hiện nó"))] = None,
) -> LevelTallyRead:
    """The tally of the unit's subtree for `period`, and each child subtree's, lagging children first.

    A unit account reads its own subtree only (as for its assignments and updates)."""
    return LevelTallyRead.model_validate(
        level_tally(session, unit_id=unit_id, period=period, actor=user, plan_id=plan_id).to_dict())


@router.get("/{unit_id}/reporting")
def unit_reporting(unit_id: PathId, session: DbSession, user: CurrentUser,
                   period: PeriodQuery) -> LevelRatesRead:
    """Reporting rates of the unit's subtree for `period`: reports owed by today, received, on time, late,
    missing (and not yet due), and each child subtree's, the lowest on-time share first."""
    return LevelRatesRead.model_validate(
        level_rates(session, unit_id=unit_id, period=period, actor=user, today=dt.date.today()).to_dict())


class ApprovalLevels(BaseModel):
    levels: int


class ApprovedBelow(BaseModel):
    id: int
    state: str
    approved_below_by: int | None


@approvals.put("/plans/{plan_id}/approval-levels")
def plan_approval_levels(plan_id: PathId, body: ApprovalLevels, session: DbSession,
                         user: CurrentUser) -> ApprovalLevels:
    """1: the office approves every figure; 2: the unit's parent approves first where it has reporters."""
    return ApprovalLevels(levels=set_approval_levels(session, plan_id=plan_id, levels=body.levels,
                                                     actor=user).approval_levels)


@approvals.post("/updates/{update_id}/approve-below")
def update_approve_below(update_id: PathId, session: DbSession, user: CurrentUser) -> ApprovedBelow:
    """The lower level (the unit's parent) approves a submitted figure; the office approves it after."""
    update = approve_below(session, update_id=update_id, actor=user)
    return ApprovedBelow(id=update.id, state=update.state, approved_below_by=update.approved_below_by)


@approvals.get("/approvals/below")
def updates_waiting_below(session: DbSession, user: CurrentUser) -> list[UpdateRead]:
    """Submitted figures of the units under the caller's unit that wait for its approval."""
    return [UpdateRead.model_validate(u) for u in waiting_for(session, user)]
