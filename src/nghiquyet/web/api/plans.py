"""Plans: list, read with indicators, targets and tasks, edit, and their status for a period."""

from __future__ import annotations

from fastapi import APIRouter

from nghiquyet.plans.schemas import PlanRead, PlanSummary, PlanUpdate
from nghiquyet.plans.service import get_plan, list_plans, update_plan
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/plans", tags=["plans"])


@router.get("")
def index(session: DbSession, user: CurrentUser, status: str | None = None) -> list[PlanSummary]:
    return [PlanSummary.model_validate(p) for p in list_plans(session, actor=user, status=status)]


@router.get("/{plan_id}")
def show(plan_id: int, session: DbSession, user: CurrentUser) -> PlanRead:
    return PlanRead.model_validate(get_plan(session, plan_id=plan_id, actor=user))


@router.patch("/{plan_id}")
def edit(plan_id: int, body: PlanUpdate, session: DbSession, user: CurrentUser) -> PlanSummary:
    return PlanSummary.model_validate(update_plan(session, plan_id=plan_id, changes=body, actor=user))
