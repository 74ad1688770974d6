"""Việc quá hạn và sắp đến hạn: what the dashboard and "Việc của tôi" put first.

Two sources, each already the one truth for its kind of lateness:
- tasks past (or near) their deadline and not reported done (`tracking.overdue_tasks`);
- period reports owed and not sent by their due date (the reporting calendar, `calendar`), one row
  per (item, unit) with the periods it still owes, oldest first.
"Soon" is the office's own reminder horizon: the days of its active "before" rule (7 by default).
A task already late on its deadline is not listed again for its period reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.plans.models import Plan
from nghiquyet.reminders.calendar import numbered
from nghiquyet.reminders.models import ReminderRule
from nghiquyet.reminders.service import CalendarEntry, calendar
from nghiquyet.tracking.service import OverdueTask, overdue_tasks
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, readable_unit_ids

DEFAULT_HORIZON = 7


@dataclass
class DueItem:
    kind: str  # "task" (its deadline) | "report" (a period report)
    item_type: str  # "indicator" | "task"
    item_id: int
    title: str
    plan_name: str
    unit_name: str | None  # None: a task nobody was given yet
    due: dt.date  # the deadline, or the due date of the oldest report owed
    days: int  # days late (overdue) or days left (soon; 0 = today)
    periods: list[str] = field(default_factory=list)  # the reports owed, e.g. ["Quý I/2026", "Quý II/2026"]
    progress: float | None = None  # a task's latest approved progress
    plan_id: int | None = None
    period: str | None = None  # the code of the first report owed ("2026-Q1")

    @property
    def report_href(self) -> str:
        """Where a unit sends the first report it owes ("Việc của tôi" on that plan and period)."""
        return f"/viec-cua-toi?plan={self.plan_id}&period={self.period}"

    @property
    def href(self) -> str:
        return f"/chi-tieu/{self.item_id}" if self.item_type == "indicator" else f"/nhiem-vu/{self.item_id}"


@dataclass
class DueWork:
    overdue: list[DueItem]
    soon: list[DueItem]
    horizon: int  # days ahead that count as "soon"


def horizon_days(session: Session) -> int:
    """How many days ahead the office's reminder rule warns (its active "before" rule)."""
    days = session.scalar(
        select(ReminderRule.days).where(ReminderRule.kind == "before", ReminderRule.active.is_(True))
        .order_by(ReminderRule.days.desc()).limit(1))
    return int(days) if days else DEFAULT_HORIZON


def due_work(session: Session, *, actor: Actor, today: dt.date, plan_id: int | None = None,
             unit_id: int | None = None) -> DueWork:
    """Overdue and due-soon work `actor` may read (a unit account: its own unit only)."""
    horizon = horizon_days(session)
    if actor.role == "unit":
        if actor.unit_id is None:  # an account not yet placed in a unit owes nothing
            return DueWork(overdue=[], soon=[], horizon=horizon)
        unit_id = actor.unit_id
    allowed = readable_unit_ids(session, actor)
    names = _Names(session)
    overdue: list[DueItem] = []
    soon: list[DueItem] = []
    late_tasks: set[tuple[int, int | None]] = set()
    tasks = overdue_tasks(session, as_of=today + dt.timedelta(days=horizon + 1), plan_id=plan_id,
                          unit_id=unit_id, actor=actor)
    for t in tasks:
        item = _task_item(t, today, names)
        if t.deadline < today:
            overdue.append(item)
            late_tasks.add((t.task_id, t.unit_id))
        else:
            soon.append(item)
    entries = [e for e in calendar(session, today=today, unit_id=unit_id,
                                   due_to=today + dt.timedelta(days=horizon))
               if (plan_id is None or e.plan_id == plan_id) and (allowed is None or e.unit_id in allowed)
               and not (e.item_type == "task" and (e.item_id, e.unit_id) in late_tasks)]
    owed: dict[int, list[CalendarEntry]] = {}
    for e in entries:  # in due order
        if e.state == "late":
            owed.setdefault(e.assignment_id, []).append(e)
        elif e.state == "due" and e.due >= today:
            soon.append(_report_item(e, [e], (e.due - today).days, names))
    overdue += [_report_item(es[0], es, (today - es[0].due).days, names) for es in owed.values()]
    overdue.sort(key=lambda i: (-i.days, i.plan_name, i.title))
    soon.sort(key=lambda i: (i.days, i.plan_name, i.title))
    return DueWork(overdue=overdue, soon=soon, horizon=horizon)


class _Names:
    """Plan and unit names, each read once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.plans: dict[int, str] = {}
        self.units: dict[int, str] = {}

    def plan(self, plan_id: int) -> str:
        if plan_id not in self.plans:
            plan = self.session.get(Plan, plan_id)
            self.plans[plan_id] = (plan.number or plan.title) if plan else f"Kế hoạch #{plan_id}"
        return self.plans[plan_id]

    def unit(self, unit_id: int | None) -> str | None:
        if unit_id is None:
            return None
        if unit_id not in self.units:
            unit = self.session.get(Unit, unit_id)
            self.units[unit_id] = unit.name if unit else f"Đơn vị #{unit_id}"
        return self.units[unit_id]


def _task_item(t: OverdueTask, today: dt.date, names: _Names) -> DueItem:
    return DueItem(kind="task", item_type="task", item_id=t.task_id,
                   title=numbered(t.label, t.title or t.text),
                   plan_name=names.plan(t.plan_id), unit_name=names.unit(t.unit_id), due=t.deadline,
                   days=abs((today - t.deadline).days), progress=t.progress, plan_id=t.plan_id)


def _report_item(first: CalendarEntry, owed: list[CalendarEntry], days: int, names: _Names) -> DueItem:
    return DueItem(kind="report", item_type=first.item_type, item_id=first.item_id, title=first.item_label,
                   plan_name=names.plan(first.plan_id), unit_name=first.unit_name, due=first.due, days=days,
                   periods=[e.period_label for e in owed], plan_id=first.plan_id, period=first.period)
