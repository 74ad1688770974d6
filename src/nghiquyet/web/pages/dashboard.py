"""Tổng quan: the plan's tally, status by group and by unit, lagging targets first, charts per period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from nghiquyet.accounts.models import User
from nghiquyet.plans.service import list_plans
from nghiquyet.status import Period
from nghiquyet.tracking.service import PlanStatus, plan_status
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import DbSession
from nghiquyet.web.format import GROUP_LABELS, labelled
from nghiquyet.web.pages import status_views as sv
from nghiquyet.web.pages.charts import ChartPoint, bar_chart
from nghiquyet.web.pages.common import PageRoute, render, require_user
from nghiquyet.web.pages.periods import choose_plan, label_of, parse_id, period_choices, pick_period

router = APIRouter(route_class=PageRoute)
MAX_CHARTS = 6


@dataclass
class Chart:
    indicator_id: int
    title: str
    svg: Markup


def _charts(session: DbSession, ps: PlanStatus, today: date) -> list[Chart]:
    """Quarter-by-quarter plan vs actual for the most lagging targets that have figures."""
    year = Period.parse(ps.period).year
    quarters = [Period.of(year, "quarter", i) for i in range(1, 5)]
    series = {q.code: plan_status(session, plan_id=ps.plan_id, period=q.code, as_of=today) for q in quarters}
    charts: list[Chart] = []
    seen: set[int] = set()
    for ind in sorted(ps.indicators, key=lambda i: sv.rank(i.status)):
        for t in ind.targets:
            if t.value is None or t.id in seen or len(charts) >= MAX_CHARTS:
                continue
            seen.add(t.id)
            points = []
            for q in quarters:
                qt = next((x for i in series[q.code].indicators for x in i.targets if x.id == t.id), None)
                expected = qt.expected if qt is not None and qt.expected is not None else t.value
                points.append(
                    ChartPoint(
                        q.label_vi.split("/")[0],
                        expected,
                        qt.actual if qt else None,
                        lagging=qt is not None and qt.status in sv.LAGGING,
                    )
                )
            if not any(p.actual is not None for p in points) and len(charts) >= 2:
                continue  # keep room for targets with figures; show at most two empty ones
            title = labelled(ind.label, t.metric or ind.text)
            charts.append(Chart(ind.id, title, bar_chart(points, title=title, unit=t.unit)))
    return charts


@router.get("/", response_class=HTMLResponse)
def dashboard(
    request: Request,
    session: DbSession,
    plan: str | None = None,
    period: str | None = None,
    unit: str | None = None,
    status: str | None = None,
    group: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    today = date.today()
    plans = list_plans(session, actor=user)
    chosen = choose_plan(plans, plan)
    if chosen is None:
        return render(request, "dashboard/index.html", user, active="dashboard", plans=[])
    code = pick_period(period, chosen, today)
    f = sv.Filters(
        plan_id=chosen.id, period=code, unit_id=parse_id(unit), status=status or None, group=group or None
    )
    ps = plan_status(session, plan_id=chosen.id, period=code, as_of=today)
    units = list_units(session, actor=user)
    names = {u.id: u.name for u in units}
    rows = sv.target_rows(sv.filter_indicators(ps, f))
    groups = [sv.tally_row(key, GROUP_LABELS.get(key, key), t) for key, t in ps.by_group.items()]
    by_unit = sorted(
        (sv.tally_row(str(uid), names.get(uid, f"#{uid}"), t, uid) for uid, t in ps.by_unit.items()),
        key=lambda r: (-r.lagging, r.name),
    )
    lead_units = [u for u in units if u.id in ps.by_unit]
    return render(
        request,
        "dashboard/index.html",
        user,
        active="dashboard",
        plans=plans,
        plan=chosen,
        periods=period_choices(chosen, today),
        period=code,
        period_label=label_of(code),
        units=lead_units or units,
        unit_id=f.unit_id,
        status=f.status,
        tally=ps,
        groups=groups,
        by_unit=by_unit,
        rows=rows,
        filter_note=sv.filter_note(f, names),
        link=f.link,
        charts=_charts(session, ps, today),
    )
