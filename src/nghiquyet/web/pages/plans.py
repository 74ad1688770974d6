"""Chỉ tiêu, Nhiệm vụ: lists with filters, one page per item, and bulk assignment to units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.documents.naming import citation_name
from nghiquyet.errors import NotFoundError
from nghiquyet.plans.models import Indicator, Plan, Task
from nghiquyet.plans.service import get_plan, list_plans
from nghiquyet.status import Period
from nghiquyet.tracking.flags import open_flags
from nghiquyet.tracking.service import (
    evidence_file,
    list_assignments,
    list_updates,
    overdue_tasks,
)
from nghiquyet.tracking.shares import share_statuses
from nghiquyet.tracking.visibility import plan_status_for
from nghiquyet.units.permissions import is_manager
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.downloads import evidence_response
from nghiquyet.web.pages import items as it
from nghiquyet.web.pages import status_views as sv
from nghiquyet.web.pages.common import PageRoute, render, require_user
from nghiquyet.web.pages.periods import choose_plan, label_of, parse_id, period_choices, pick_period
from nghiquyet.web.pages.series import charts_for

router = APIRouter(route_class=PageRoute)


@dataclass
class IndicatorRow:
    id: int
    label: str | None
    text: str
    group: str
    lead: str
    status: str
    reported: str = ""  # "1/4 mức có số liệu" while some targets lack a figure


@dataclass
class TaskRow:
    id: int
    label: str | None
    title: str
    lead: str
    deadline: date | None
    deadline_text: str | None
    progress: float | None


def _list_context(session: Session, user: User, plan: str | None, unit: str | None) -> dict[str, Any]:
    plans = list_plans(session, actor=user)
    return {
        "plans": plans,
        "plan": choose_plan(plans, plan),
        "units": list_units(session, actor=user),
        "unit_id": parse_id(unit),
    }


@router.get("/chi-tieu", response_class=HTMLResponse)
def indicators_page(
    request: Request,
    session: DbSession,
    plan: str | None = None,
    period: str | None = None,
    unit: str | None = None,
    status: str | None = None,
    group: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    ctx = _list_context(session, user, plan, unit)
    chosen: Plan | None = ctx["plan"]
    if chosen is None:
        return render(request, "plans/indicators.html", user, active="indicators", **ctx)
    today = date.today()
    code = pick_period(period, chosen, today)
    f = sv.Filters(
        plan_id=chosen.id, period=code, unit_id=ctx["unit_id"], status=status or None, group=group or None
    )
    ps = plan_status_for(session, actor=user, plan_id=chosen.id, period=code, as_of=today)
    names = {u.id: u.name for u in ctx["units"]}
    rows = [
        IndicatorRow(
            i.id, i.label, i.text, i.group, ", ".join(names.get(u, "?") for u in i.lead_unit_ids), i.status,
            sv.reported_note(i),
        )
        for i in sv.filter_indicators(ps, f)
    ]
    return render(
        request,
        "plans/indicators.html",
        user,
        active="indicators",
        title="Chỉ tiêu",
        **ctx,
        rows=rows,
        periods=period_choices(chosen, today),
        period=code,
        period_label=label_of(code),
        status=f.status,
        group=f.group,
        filter_note=sv.filter_note(f, names),
    )


def _latest_progress(session: Session, user: User, plan_id: int) -> dict[int, float]:
    latest: dict[int, float] = {}
    for u in list_updates(session, actor=user, plan_id=plan_id, state="approved"):  # newest first
        if u.task_id is not None and u.progress is not None:
            latest.setdefault(u.task_id, u.progress)
    return latest


@router.get("/nhiem-vu", response_class=HTMLResponse)
def tasks_page(
    request: Request,
    session: DbSession,
    plan: str | None = None,
    unit: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    ctx = _list_context(session, user, plan, unit)
    chosen: Plan | None = ctx["plan"]
    if chosen is None:
        return render(request, "plans/tasks.html", user, active="tasks", **ctx)
    full = get_plan(session, plan_id=chosen.id, actor=user)
    assignments = list_assignments(session, actor=user, plan_id=chosen.id, item_type="task")
    leads: dict[int, list[str]] = {}
    mine: set[int] = set()
    for a in assignments:
        if a.role == "lead" and a.task_id is not None:
            leads.setdefault(a.task_id, []).append(a.unit.name)
        if a.unit_id == ctx["unit_id"] and a.task_id is not None:
            mine.add(a.task_id)
    progress = _latest_progress(session, user, chosen.id)
    rows = [
        TaskRow(
            t.id,
            t.label,
            t.title or t.text,
            ", ".join(leads.get(t.id, [])),
            t.deadline,
            t.deadline_text,
            progress.get(t.id),
        )
        for t in full.tasks
        if ctx["unit_id"] is None or t.id in mine
    ]
    return render(request, "plans/tasks.html", user, active="tasks", title="Nhiệm vụ", **ctx, rows=rows)


@router.get("/chi-tieu/{indicator_id}", response_class=HTMLResponse)
def indicator_page(
    request: Request,
    indicator_id: int,
    session: DbSession,
    settings: AppSettings,
    period: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise NotFoundError(f"Không tìm thấy chỉ tiêu #{indicator_id}")
    plan = get_plan(session, plan_id=indicator.plan_id, actor=user)
    today = date.today()
    code = pick_period(period, plan, today)
    ps = plan_status_for(session, actor=user, plan_id=plan.id, period=code, as_of=today)
    judged = next(i for i in ps.indicators if i.id == indicator.id)
    targets = [
        {
            "id": t.id,
            "metric": t.metric or indicator.text,
            # Each row from its own target: `sv.target_rows` sorts lagging first, so its n-th row
            # is not the n-th target (the plan column once showed a neighbour's level).
            "planned": sv.planned_text(t),
            "expected": t.expected,
            "actual": t.actual,
            "status": t.status,
            "rule": t.rule,
            "explanation": t.explanation_vi,
        }
        for t in judged.targets
    ]
    assignments = list_assignments(session, actor=user, item_type="indicator", item_id=indicator.id)
    metric_of = {t.id: t.metric for t in indicator.targets}
    unit_of = {t.id: t.unit or "" for t in indicator.targets}
    shares = [{"share": s, "metric": metric_of.get(s.target_id) or indicator.text,
               "unit": unit_of.get(s.target_id, "")}
              for s in share_statuses(session, period=code, target_ids=list(metric_of), as_of=today,
                                      actor=user)]
    updates = [u for t in indicator.targets for u in list_updates(session, actor=user, target_id=t.id)]
    updates.sort(key=lambda u: (u.period, u.id), reverse=True)
    flags = open_flags(session, actor=user, target_ids=list(metric_of))
    flagged = {f.update_id for f in flags}
    # Who may flag a figure: the office, or a reporter of the unit that sent it (tracking/flags.py).
    flaggable = {u.id for u in updates if u.value is not None and u.id not in flagged
                 and (is_manager(user) or (user.role == "unit" and user.unit_id == u.unit_id))}
    objects = (
        [("indicator", indicator.id)]
        + [("assignment", a.id) for a in assignments]
        + [("update", u.id) for u in updates]
    )
    audit = it.audit_rows(session, user, objects)
    return render(
        request,
        "plans/indicator.html",
        user,
        active="indicators",
        indicator=indicator,
        plan=plan,
        period_label=label_of(code),
        periods=period_choices(plan, today),
        overall={"status": judged.status, "rule": judged.rule, "explanation": judged.explanation_vi,
                 "reported": sv.reported_note(judged)},
        targets=targets,
        charts=charts_for(
            session, actor=user, plan_id=plan.id, indicators=[judged], year=Period.parse(code).year,
            today=today,
        ),
        assignments=assignments,
        shares=shares,
        updates=it.update_rows(updates, metric_of),
        flags=flags,
        flagged=flagged,
        flaggable=flaggable,
        office=is_manager(user),
        show_metric=len(metric_of) > 1,
        audit=audit,
        audit_note="Lịch sử thay đổi chỉ hiển thị cho cán bộ kiểm tra và quản trị viên.",
        source=it.shortened(it.source_lines(plan, indicator.line, indicator.line_end, settings)),
        source_text=indicator.text,
        document_name=citation_name(plan.document) if plan.document else "",
        document_id=plan.document_id,
        line=indicator.line,
        line_end=indicator.line_end,
    )


@router.get("/nhiem-vu/{task_id}", response_class=HTMLResponse)
def task_page(
    request: Request,
    task_id: int,
    session: DbSession,
    settings: AppSettings,
    user: User = Depends(require_user),
) -> HTMLResponse:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ #{task_id}")
    plan = get_plan(session, plan_id=task.plan_id, actor=user)
    today = date.today()
    assignments = list_assignments(session, actor=user, item_type="task", item_id=task.id)
    updates = list_updates(session, actor=user, task_id=task.id)
    overdue = [
        o for o in overdue_tasks(session, as_of=today, plan_id=plan.id, actor=user) if o.task_id == task.id
    ]
    progress = next((u.progress for u in updates if u.state == "approved" and u.progress is not None), None)
    objects = (
        [("task", task.id)]
        + [("assignment", a.id) for a in assignments]
        + [("update", u.id) for u in updates]
    )
    return render(
        request,
        "plans/task.html",
        user,
        active="tasks",
        task=task,
        plan=plan,
        status=sv.task_status(progress, overdue[0].days_overdue if overdue else None),
        assignments=assignments,
        updates=it.update_rows(updates),
        show_metric=False,
        audit=it.audit_rows(session, user, objects),
        audit_note="Lịch sử thay đổi chỉ hiển thị cho cán bộ kiểm tra và quản trị viên.",
        source=it.shortened(it.source_lines(plan, task.line, task.line_end, settings)),
        source_text=task.text,
        document_name=citation_name(plan.document) if plan.document else "",
        document_id=plan.document_id,
        line=task.line,
        line_end=task.line_end,
    )


@router.get("/minh-chung/{evidence_id}")
def evidence_download(
    evidence_id: int, session: DbSession, settings: AppSettings, user: User = Depends(require_user)
) -> FileResponse:
    evidence, path = evidence_file(session, evidence_id=evidence_id, actor=user, settings=settings)
    return evidence_response(path, evidence.filename)
