"""A target's shares for the units below: read them judged for a period, or set them all at once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Body, Query

from nghiquyet.errors import NotFoundError
from nghiquyet.plans.models import Target
from nghiquyet.plans.service import get_plan
from nghiquyet.tracking.schemas import ShareRead, ShareWrite
from nghiquyet.tracking.shares import ShareSpec, set_shares, share_statuses
from nghiquyet.units.permissions import require_reader
from nghiquyet.web.api.params import PathId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(tags=["plans"])

PeriodQuery = Annotated[str | None, Query(description="Kỳ: 2024, 2024-H1, 2024-Q2 hoặc 2024-03 "
                                                      "(mặc định: năm nay)", max_length=20)]


def _target(session: DbSession, target_id: int) -> Target:
    target = session.get(Target, target_id)
    if target is None:
        raise NotFoundError(f"Không tìm thấy mức chỉ tiêu #{target_id}")
    return target


def _period(period: str | None) -> str:
    return period or str(dt.date.today().year)


@router.get("/targets/{target_id}/shares")
def target_shares(target_id: PathId, session: DbSession, user: CurrentUser,
                  period: PeriodQuery = None) -> list[ShareRead]:
    """The units' shares of the target, each judged for `period` today by the target's rule.

    A unit account reads the figures of its own subtree's shares; of the others, the judgement only."""
    require_reader(user)
    _target(session, target_id)
    return [ShareRead.model_validate(s) for s in
            share_statuses(session, period=_period(period), target_ids=[target_id], actor=user)]


@router.put("/targets/{target_id}/shares")
def put_target_shares(target_id: PathId, session: DbSession, user: CurrentUser,
                      shares: Annotated[list[ShareWrite], Body(max_length=5000)],
                      period: PeriodQuery = None) -> list[ShareRead]:
    """Set the target's shares to exactly these (one per unit; the lead unit gets none): the office's."""
    set_shares(session, target_id=target_id, actor=user,
               shares=[ShareSpec(s.unit_id, s.value, s.value_max, s.note) for s in shares])
    return [ShareRead.model_validate(s) for s in
            share_statuses(session, period=_period(period), target_ids=[target_id], actor=user)]


@router.get("/plans/{plan_id}/shares")
def plan_shares(plan_id: PathId, session: DbSession, user: CurrentUser,
                period: PeriodQuery = None) -> list[ShareRead]:
    """Every share of the plan's targets, judged for `period`."""
    get_plan(session, plan_id=plan_id, actor=user)
    return [ShareRead.model_validate(s) for s in
            share_statuses(session, period=_period(period), plan_id=plan_id, actor=user)]
