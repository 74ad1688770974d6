"""Phê duyệt: the office's queue of submitted updates (approve, or return with a reason).

Overdue work is listed once, on the dashboard (reminders/due.py), not here as well."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from nghiquyet.accounts.models import User
from nghiquyet.documents.naming import name_of
from nghiquyet.errors import ConflictError, InputError
from nghiquyet.plans.models import Plan, Target, Task
from nghiquyet.tracking.approval_levels import awaiting_lower_each
from nghiquyet.tracking.models import Evidence, Update
from nghiquyet.tracking.service import approve_update, get_update, list_updates, return_update
from nghiquyet.units.models import Unit
from nghiquyet.web.deps import DbSession
from nghiquyet.web.format import labelled
from nghiquyet.web.pages.common import PageRoute, is_htmx, render, require_office
from nghiquyet.web.pages.periods import label_of

router = APIRouter(route_class=PageRoute)


@dataclass
class ApprovalRow:
    id: int
    unit: str
    title: str
    href: str
    period_label: str
    value: float | None
    progress: float | None
    unit_of_measure: str | None
    note: str | None
    state: str
    return_reason: str | None
    evidence: list[Any] = field(default_factory=list)
    error: str | None = None
    plan_name: str = ""
    waiting_below: str | None = None  # the lower level the figure waits for (two-level plans)


def approval_rows(session: Session, updates: Sequence[Update]) -> list[ApprovalRow]:
    """The queue's rows in a fixed number of queries, whatever their count: targets with their
    indicators, tasks, plans, evidence and the lower levels are each read once for all rows (one
    row at a time cost four queries a row, 400 for a queue of a hundred figures)."""
    if not updates:
        return []
    target_ids = {u.target_id for u in updates if u.target_id is not None}
    task_ids = {u.task_id for u in updates if u.task_id is not None}
    with_indicator = select(Target).options(joinedload(Target.indicator))
    targets = {t.id: t for t in session.scalars(with_indicator.where(Target.id.in_(target_ids)))}
    tasks = {t.id: t for t in session.scalars(select(Task).where(Task.id.in_(task_ids)))}
    plans = {p.id: p for p in session.scalars(select(Plan).where(Plan.id.in_({u.plan_id for u in updates})))}
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for e in session.scalars(select(Evidence).where(Evidence.update_id.in_([u.id for u in updates]))
                             .order_by(Evidence.id)):
        evidence[e.update_id].append(e)
    waiting = awaiting_lower_each(session, updates)
    return [_row(u, targets, tasks, plans.get(u.plan_id), evidence[u.id], waiting.get(u.id)) for u in updates]


def approval_row(session: Session, u: Update) -> ApprovalRow:
    return approval_rows(session, [u])[0]


def _row(u: Update, targets: dict[int, Target], tasks: dict[int, Task], plan: Plan | None,
         evidence: list[Evidence], lower: Unit | None) -> ApprovalRow:
    title, href, measure = f"Báo cáo #{u.id}", "#", None
    target = targets.get(u.target_id) if u.target_id is not None else None
    task = tasks.get(u.task_id) if u.task_id is not None else None
    if target is not None:
        ind = target.indicator
        title = labelled(ind.label, target.metric or ind.text)
        href, measure = f"/chi-tieu/{ind.id}", target.unit
    elif task is not None:
        title = labelled(task.label, task.title or task.text)
        href = f"/nhiem-vu/{task.id}"
    return ApprovalRow(
        u.id,
        u.unit.name,
        title,
        href,
        label_of(u.period),
        u.value,
        u.progress,
        measure,
        u.note,
        u.state,
        u.return_reason,
        evidence,
        plan_name=name_of(plan) if plan is not None else "",
        waiting_below=lower.name if lower is not None else None,
    )


@router.get("/phe-duyet", response_class=HTMLResponse)
def approvals_page(
    request: Request, session: DbSession, user: User = Depends(require_office)
) -> HTMLResponse:
    queue = approval_rows(session, list(reversed(list_updates(session, actor=user, state="submitted"))))
    return render(
        request,
        "tracking/approvals.html",
        user,
        active="approvals",
        title="Phê duyệt",
        queue=queue,
    )


def _row_response(
    request: Request, session: Session, user: User, update_id: int, error: str | None = None
) -> Response:
    if not is_htmx(request):
        return RedirectResponse("/phe-duyet", status_code=303)
    row = approval_row(session, get_update(session, update_id=update_id, actor=user))
    row.error = error
    waiting = len(list_updates(session, actor=user, state="submitted"))
    return render(request, "tracking/_approval_decided.html", user, row=row, waiting=waiting)


@router.post("/phe-duyet/{update_id}/duyet", response_class=HTMLResponse)
def approve(
    request: Request, update_id: int, session: DbSession, user: User = Depends(require_office)
) -> Response:
    approve_update(session, update_id=update_id, actor=user)
    return _row_response(request, session, user, update_id)


@router.post("/phe-duyet/{update_id}/tra-lai", response_class=HTMLResponse)
def give_back(
    request: Request,
    update_id: int,
    session: DbSession,
    reason: Annotated[str, Form()] = "",
    user: User = Depends(require_office),
) -> Response:
    try:
        return_update(session, update_id=update_id, reason=reason, actor=user)
    except (InputError, ConflictError) as exc:
        session.rollback()
        return _row_response(request, session, user, update_id, error=exc.message)
    return _row_response(request, session, user, update_id)
