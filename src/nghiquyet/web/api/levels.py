"""A level's figures over the API: GET /units/{id}/tally (as `nghiquyet tally`) and /units/{id}/reporting."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from nghiquyet.reminders.rates import level_rates
from nghiquyet.tracking.levels import level_tally
from nghiquyet.web.api.params import PathId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/units", tags=["units"])


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
) -> LevelTallyRead:
    """The tally of the unit's subtree for `period`, and each child subtree's, lagging children first.

    A unit account reads its own subtree only (as for its assignments and updates)."""
    return LevelTallyRead.model_validate(
        level_tally(session, unit_id=unit_id, period=period, actor=user).to_dict())


@router.get("/{unit_id}/reporting")
def unit_reporting(unit_id: PathId, session: DbSession, user: CurrentUser,
                   period: PeriodQuery) -> LevelRatesRead:
    """Reporting rates of the unit's subtree for `period`: reports owed by today, received, on time, late,
    missing (and not yet due), and each child subtree's, the lowest on-time share first."""
    return LevelRatesRead.model_validate(
        level_rates(session, unit_id=unit_id, period=period, actor=user, today=dt.date.today()).to_dict())
