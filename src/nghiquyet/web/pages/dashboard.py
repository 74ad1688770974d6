"""Tổng quan: the plan's tally, status by group and by unit, lagging targets first, charts per period."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.explanations.open_work import open_followup
from nghiquyet.plans.service import list_plans
from nghiquyet.reminders.due import due_work
from nghiquyet.status import Period, Tally
from nghiquyet.tracking.visibility import plan_status_for
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import DbSession
from nghiquyet.web.format import GROUP_LABELS, labelled
from nghiquyet.web.pages import status_views as sv
from nghiquyet.web.pages.charts import GapPoint, gap_chart, status_bar
from nghiquyet.web.pages.common import PageRoute, render, require_user
from nghiquyet.web.pages.periods import choose_plan, label_of, parse_id, period_choices, pick_period
from nghiquyet.web.pages.series import charts_for

router = APIRouter(route_class=PageRoute)
MAX_CHARTS = 6
MAX_GAPS = 10


def lagging_gaps(rows: list[sv.TargetRow]) -> list[GapPoint]:
    """The lagging targets that have a figure and an expectation, worst first (as `rows` come)."""
    return [
        GapPoint(labelled(r.label, r.metric), r.expected, r.actual, r.unit)
        for r in rows
        if r.status in sv.LAGGING and r.expected is not None and r.actual is not None
    ][:MAX_GAPS]


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
    ps = plan_status_for(session, actor=user, plan_id=chosen.id, period=code, as_of=today)
    units = list_units(session, actor=user)
    names = {u.id: u.name for u in units}
    rows = sv.target_rows(sv.filter_indicators(ps, f))
    groups = [sv.tally_row(key, GROUP_LABELS.get(key, key), t) for key, t in ps.by_group.items()]
    by_unit = sorted(
        (sv.tally_row(str(uid), names.get(uid, f"#{uid}"), t, uid) for uid, t in ps.by_unit.items()),
        key=lambda r: (-r.lagging, r.name),
    )
    gaps = lagging_gaps(rows)
    lead_units = [u for u in units if u.id in ps.by_unit or u.id == f.unit_id]
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
        group_bars={key: status_bar(t, label=GROUP_LABELS.get(key, key)) for key, t in ps.by_group.items()},
        plan_bar=status_bar(Tally(ps.total, ps.complete, ps.by_status), label=chosen.title),
        due=due_work(session, actor=user, today=today, plan_id=chosen.id, unit_id=f.unit_id),
        followup=open_followup(session, actor=user, today=today),
        show_unit=user.role != "unit",
        gap_chart=gap_chart(gaps, title="Chỉ tiêu chậm: cần đạt đến kỳ này và thực hiện") if gaps else None,
        by_unit=by_unit,
        rows=rows,
        filter_note=sv.filter_note(f, names),
        link=f.link,
        charts=charts_for(
            session,
            actor=user,
            plan_id=chosen.id,
            indicators=sv.filter_indicators(ps, f),
            year=Period.parse(code).year,
            today=today,
            limit=MAX_CHARTS,
        ),
    )
