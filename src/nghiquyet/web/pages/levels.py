"""Theo cấp: a level's dashboard — its subtree's tally, each child side by side, drill down and back up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from nghiquyet.accounts.models import User
from nghiquyet.plans.service import list_plans
from nghiquyet.reminders.rates import level_rates
from nghiquyet.status import Period, Tally
from nghiquyet.tracking.approval_levels import waiting_for
from nghiquyet.tracking.levels import LevelTally, level_tally, top_tally
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.charts import BAR_COLOURS, BAR_ORDER, status_bar
from nghiquyet.web.pages.common import PageRoute, render, require_user
from nghiquyet.web.pages.periods import label_of, parse_id

router = APIRouter(route_class=PageRoute)

@dataclass(frozen=True)
class Row:
    id: int
    name: str
    tally: Tally
    units_below: int
    drill: bool  # a level below it exists, or it is a unit of its own to open
    bar: Markup
    shares: Tally  # the target shares its units hold, judged against each share


def _years(session: DbSession, user: User, today: date) -> list[int]:
    years: set[int] = set()
    for plan in list_plans(session, actor=user):
        first = plan.year_start or plan.year_end
        last = plan.year_end or plan.year_start
        if first and last:
            years.update(range(first, last + 1))
    return sorted(years or {today.year}, reverse=True)


def _period(requested: str | None, years: list[int], today: date) -> str:
    if requested:
        try:
            return Period.parse(requested).code
        except ValueError:
            pass
    return str(today.year if today.year in years else years[0])


def _rows(level: LevelTally) -> list[Row]:
    return [Row(id=r.unit.id, name=r.unit.name, tally=r.tally, units_below=r.units_below,
                drill=True, bar=status_bar(r.tally, label=r.unit.name), shares=r.shares)
            for r in level.children]


@router.get("/theo-cap", response_class=HTMLResponse)
def levels_page(
    request: Request,
    session: DbSession,
    unit: str | None = None,
    period: str | None = None,
    plan: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    today = date.today()
    years = _years(session, user, today)
    code = _period(period, years, today)
    unit_id = parse_id(unit)
    plans = list_plans(session, actor=user)
    # Only a plan the reader may see filters; anything else (or nothing) tallies every plan, as before.
    chosen = next((p for p in plans if p.id == parse_id(plan)), None)
    plan_id = chosen.id if chosen else None
    level = (level_tally(session, unit_id=unit_id, period=code, actor=user, as_of=today, plan_id=plan_id)
             if unit_id else top_tally(session, period=code, actor=user, as_of=today, plan_id=plan_id))
    periods = [(p.code, p.label_vi) for y in years for p in
               [Period.of(y, "year"), *(Period.of(y, "half", i) for i in (1, 2)),
                *(Period.of(y, "quarter", i) for i in (1, 2, 3, 4))]]
    rates = level_rates(session, unit_id=unit_id, period=level.period, actor=user, today=today)
    lagging = [r for r in level.children
               if r.tally.by_status.get("khong_dat", 0) + r.tally.by_status.get("nguy_co", 0)]
    return render(request, "dashboard/level.html", user, active="levels", level=level, rows=_rows(level),
                  period=level.period, period_label=label_of(level.period), periods=periods,
                  whole_bar=status_bar(level.whole, label=level.unit.name), lagging=len(lagging),
                  bar_order=BAR_ORDER, bar_colours=BAR_COLOURS, rates=rates, percent=_percent,
                  waiting_below=len(waiting_for(session, user)),
                  unit_param="" if level.unit.id == 0 else str(level.unit.id),
                  plans=plans, plan=chosen, plan_param=f"&plan={plan_id}" if plan_id else "")


def _percent(part: int, whole: int) -> str:
    """"75 %" the Vietnamese way (a comma for decimals); "—" when nothing was owed."""
    if not whole:
        return "—"
    share = round(100 * part / whole, 1)
    return f"{share:g}".replace(".", ",") + " %"
