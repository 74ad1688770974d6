"""Overdue tasks: past their deadline and not reported done (an approved update at 100%).

The deadline of an assigned task is the assignment's when it has one, else the task's own. Each
(task, unit) assignment is one row, so a unit sees exactly what it owes; a task with a deadline
and no assignment at all is a row without a unit (nobody was given it yet — the office must act).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.plans.models import Task
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.units.permissions import Actor, readable_unit_ids


@dataclass
class OverdueTask:
    task_id: int
    plan_id: int
    label: str | None
    title: str | None
    text: str
    deadline: dt.date
    days_overdue: int
    unit_id: int | None
    role: str | None
    progress: float | None  # the latest approved progress, if any


def overdue_tasks(session: Session, *, as_of: dt.date, plan_id: int | None = None, unit_id: int | None = None,
                  actor: Actor | None = None) -> list[OverdueTask]:
    """Tasks whose deadline is before `as_of` and which are not done, most overdue first."""
    allowed = readable_unit_ids(session, actor) if actor is not None else None
    deadline = func.coalesce(Assignment.deadline, Task.deadline)
    assigned = (select(Task, Assignment).join(Assignment, Assignment.task_id == Task.id)
                .where(deadline < as_of))
    unassigned = (select(Task).where(Task.deadline < as_of,
                                     ~select(Assignment.id).where(Assignment.task_id == Task.id).exists()))
    if plan_id is not None:
        assigned = assigned.where(Task.plan_id == plan_id)
        unassigned = unassigned.where(Task.plan_id == plan_id)
    if unit_id is not None:
        assigned = assigned.where(Assignment.unit_id == unit_id)
    if allowed is not None:
        assigned = assigned.where(Assignment.unit_id.in_(allowed))
    pairs: list[tuple[Task, Assignment]] = [(task, a) for task, a in session.execute(assigned)]
    lone = list(session.scalars(unassigned)) if unit_id is None and allowed is None else []
    task_ids = {t.id for t, _ in pairs} | {t.id for t in lone}
    progress = _latest_progress(session, task_ids)

    rows: list[OverdueTask] = []
    for task, a in pairs:
        done_by_unit = progress.get((task.id, a.unit_id))
        if done_by_unit is not None and done_by_unit >= 100:
            continue
        due = a.deadline or task.deadline
        assert due is not None
        rows.append(_row(task, due, as_of, a.unit_id, a.role, done_by_unit))
    for task in lone:
        best = max((p for (tid, _), p in progress.items() if tid == task.id), default=None)
        if best is not None and best >= 100:
            continue
        assert task.deadline is not None
        rows.append(_row(task, task.deadline, as_of, None, None, best))
    rows.sort(key=lambda r: (-r.days_overdue, r.plan_id, r.task_id, r.unit_id or 0))
    return rows


def _row(task: Task, due: dt.date, as_of: dt.date, unit_id: int | None, role: str | None,
         progress: float | None) -> OverdueTask:
    return OverdueTask(task_id=task.id, plan_id=task.plan_id, label=task.label, title=task.title,
                       text=task.text, deadline=due, days_overdue=(as_of - due).days, unit_id=unit_id,
                       role=role, progress=progress)


def _latest_progress(session: Session, task_ids: set[int]) -> dict[tuple[int, int], float]:
    """(task, unit) → the progress of the most recently approved update."""
    if not task_ids:
        return {}
    out: dict[tuple[int, int], tuple[dt.datetime, int, float]] = {}
    query = (select(Update.task_id, Update.unit_id, Update.progress, Update.decided_at, Update.id)
             .where(Update.task_id.in_(task_ids), Update.state == "approved", Update.progress.is_not(None)))
    for task_id, unit_id, value, decided_at, update_id in session.execute(query):
        if task_id is None or value is None:
            continue
        key = (task_id, unit_id)
        stamp = (decided_at or dt.datetime.min.replace(tzinfo=dt.UTC), update_id, value)
        if key not in out or stamp[:2] > out[key][:2]:
            out[key] = stamp
    return {k: v[2] for k, v in out.items()}
