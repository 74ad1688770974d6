"""Plans: list, read with indicators, targets and tasks, edit, and their status for a period."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from nghiquyet.plans.models import Plan
from nghiquyet.plans.schemas import PlanRead, PlanSummary, PlanUpdate
from nghiquyet.plans.service import get_plan, list_plans, update_plan
from nghiquyet.tracking.overdue import overdue_tasks
from nghiquyet.tracking.visibility import plan_status_for
from nghiquyet.units.permissions import require_reader
from nghiquyet.web.api.params import PathId
from nghiquyet.web.api.versions import STALE_RESPONSES, IfMatch, guarded_write, require_fresh, tag
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/plans", tags=["plans"])


class TargetStatusOut(BaseModel):
    id: int
    metric: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    actual: float | None
    actual_period: str | None
    update_id: int | None
    status: str
    rule: str
    explanation_vi: str
    expected: float | None
    ratio: float | None


class IndicatorStatusOut(BaseModel):
    id: int
    label: str | None
    group: str
    text: str
    status: str
    rule: str
    explanation_vi: str
    lead_unit_ids: list[int]
    targets: list[TargetStatusOut]


class TallyOut(BaseModel):
    total: int
    complete: int
    by_status: dict[str, int]


class PlanStatusOut(BaseModel):
    plan_id: int
    period: str
    as_of: dt.date | None
    total: int
    complete: int
    by_status: dict[str, int]
    indicators: list[IndicatorStatusOut]
    by_group: dict[str, TallyOut]
    by_unit: dict[str, TallyOut]
    closed: bool = Field(False, description="Đã qua hết kỳ của kế hoạch: kết quả là kết quả cuối cùng")


class OverdueOut(BaseModel):
    task_id: int
    plan_id: int
    label: str | None
    title: str | None
    text: str
    deadline: dt.date
    days_overdue: int
    unit_id: int | None
    role: str | None
    progress: float | None


@router.get("")
def index(session: DbSession, user: CurrentUser, status: str | None = None) -> list[PlanSummary]:
    return [PlanSummary.model_validate(p) for p in list_plans(session, actor=user, status=status)]


@router.get("/{plan_id}")
def show(plan_id: PathId, session: DbSession, user: CurrentUser, response: Response) -> PlanRead:
    """The plan with its items; its ETag goes back in If-Match when editing it."""
    plan = get_plan(session, plan_id=plan_id, actor=user)
    tag(response, plan)
    return PlanRead.model_validate(plan)


@router.patch("/{plan_id}", responses=STALE_RESPONSES)
def edit(plan_id: PathId, body: PlanUpdate, session: DbSession, user: CurrentUser, response: Response,
         if_match: IfMatch = None) -> PlanSummary:
    """Change only the fields sent; with a stale If-Match, 409 and the plan as stored."""
    def shown() -> tuple[Plan, PlanSummary]:
        plan = get_plan(session, plan_id=plan_id, actor=user)
        return plan, PlanSummary.model_validate(plan)

    plan, summary = shown()
    require_fresh(plan, if_match, f"Kế hoạch #{plan_id}", lambda: summary)
    done = guarded_write(session, f"Kế hoạch #{plan_id}", shown,
                         lambda: update_plan(session, plan_id=plan_id, changes=body, actor=user))
    tag(response, done)
    return PlanSummary.model_validate(done)


@router.get("/{plan_id}/status")
def status(plan_id: PathId, session: DbSession, user: CurrentUser,
           period: Annotated[str | None, Query(description="2024, 2024-H1, 2024-Q3, 2024-07")] = None,
           as_of: Annotated[dt.date | None, Query(description="Ngày đánh giá (mặc định: hôm nay)")] = None,
           ) -> PlanStatusOut:
    """Every target and indicator judged for the period on `as_of` (today when not given), with the rule
    that decided; the plan's tally.

    A unit account gets other units' targets without their figures (judgement and tallies only)."""
    require_reader(user)
    wanted = period or str((as_of or dt.date.today()).year)
    return PlanStatusOut.model_validate(
        plan_status_for(session, actor=user, plan_id=plan_id, period=wanted, as_of=as_of).to_dict())


@router.get("/{plan_id}/overdue")
def overdue(plan_id: PathId, session: DbSession, user: CurrentUser,
            as_of: dt.date | None = None) -> list[OverdueOut]:
    """Tasks past their deadline and not reported done (a unit sees its own)."""
    get_plan(session, plan_id=plan_id, actor=user)
    rows = overdue_tasks(session, as_of=as_of or dt.date.today(), plan_id=plan_id, actor=user)
    return [OverdueOut.model_validate(r, from_attributes=True) for r in rows]
