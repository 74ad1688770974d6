"""Reporting rates: of the reports a level owed for a period, how many came, on time, late, or not at all.

What DHIS2's users look at first, per unit and level. A report is owed for every (lead assignment,
reporting period of the plan's cadence inside the chosen period) whose due date has passed; it is
received when an update for that item, unit and period was submitted (approved or still waiting),
on time when its first submission came by the due date. Reports not yet due are counted apart and
never as missing.

Counted per unit, then summed up the tree by the materialised path, as the level tally is.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Plan, Target
from nghiquyet.reminders.calendar import slots
from nghiquyet.reminders.service import ensure_defaults, plan_cadences
from nghiquyet.status import Period
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, require_unit_read

Outcome = Literal["on_time", "late", "missing", "not_due"]


def outcome(*, due: dt.date, today: dt.date, first_sent: dt.date | None) -> Outcome:
    """One owed report's outcome (pure): sent by the due date, after it, not at all, or not due yet."""
    if first_sent is not None:
        return "on_time" if first_sent <= due else "late"
    return "missing" if today > due else "not_due"


@dataclass
class Rate:
    """Counts for one unit or subtree; `expected` is what was due by today."""

    on_time: int = 0
    late: int = 0
    missing: int = 0
    not_due: int = 0

    @property
    def expected(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def received(self) -> int:
        return self.on_time + self.late

    def share(self, part: int) -> float | None:
        return part / self.expected if self.expected else None

    def add(self, other: Rate) -> None:
        self.on_time += other.on_time
        self.late += other.late
        self.missing += other.missing
        self.not_due += other.not_due

    def to_dict(self) -> dict[str, Any]:
        return {"expected": self.expected, "received": self.received, "on_time": self.on_time,
                "late": self.late, "missing": self.missing, "not_due": self.not_due}


@dataclass
class RateRow:
    unit_id: int
    name: str
    rate: Rate


@dataclass
class LevelRates:
    unit_id: int | None  # None: above every root
    period: str
    whole: Rate
    children: list[RateRow] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"unit_id": self.unit_id, "period": self.period, "whole": self.whole.to_dict(),
                "children": [{"unit": {"id": r.unit_id, "name": r.name}, **r.rate.to_dict()}
                             for r in self.children]}


def _first_sent(session: Session, plan_ids: set[int]) -> dict[tuple[str, int | None, int, str], dt.date]:
    """(item type, item id, unit, period) → the day its first report was sent (drafts don't count)."""
    rows = session.execute(
        select(Update.task_id, Target.indicator_id, Update.unit_id, Update.period,
               func.min(Update.submitted_at))
        .outerjoin(Target, Target.id == Update.target_id)
        .where(Update.plan_id.in_(plan_ids), Update.submitted_at.is_not(None))
        .group_by(Update.task_id, Target.indicator_id, Update.unit_id, Update.period))
    out: dict[tuple[str, int | None, int, str], dt.date] = {}
    for task_id, indicator_id, unit_id, period, sent in rows:
        if sent is None:
            continue
        key = ("task", task_id, unit_id, period) if task_id is not None else (
            "indicator", indicator_id, unit_id, period)
        out[key] = sent.date()
    return out


Owed = tuple[int, str, dt.date, Outcome]  # unit, reporting period, its due date, what came of it


def _owed(session: Session, *, wanted: Period, today: dt.date, unit_ids: set[int] | None = None,
          plan_id: int | None = None) -> Iterator[Owed]:
    """Every report owed for a period inside `wanted` by a lead unit (of active plans, or of `plan_id`),
    with its outcome."""
    due_day = ensure_defaults(session).due_day
    query = (select(Assignment.item_type, Assignment.indicator_id, Assignment.task_id, Assignment.unit_id,
                    Plan)
             .join(Plan, Plan.id == Assignment.plan_id)
             .where(Assignment.role == "lead"))
    if unit_ids is not None:
        query = query.where(Assignment.unit_id.in_(sorted(unit_ids)))
    # A level owes reports for its active plans; a plan's own report counts its reports, closed or not.
    query = query.where(Plan.status == "active") if plan_id is None else query.where(Plan.id == plan_id)
    owed = list(session.execute(query))
    sent = _first_sent(session, {row[4].id for row in owed}) if owed else {}
    cadences = plan_cadences(session, {row[4].id: row[4] for row in owed}.values())
    plan_slots: dict[int, list[tuple[str, dt.date]]] = {}
    for item_type, indicator_id, task_id, unit_id, plan in owed:
        if plan.id not in plan_slots:
            start = plan.year_start or wanted.year
            end = plan.year_end or max(start, wanted.year)
            owed_slots = slots(cadences[plan.id], start, end, due_day)
            plan_slots[plan.id] = [(s.period.code, s.due) for s in owed_slots if wanted.contains(s.period)]
        item_id = indicator_id if item_type == "indicator" else task_id
        if item_id is None:
            continue
        for code, due in plan_slots[plan.id]:
            yield unit_id, code, due, outcome(due=due, today=today,
                                              first_sent=sent.get((item_type, item_id, unit_id, code)))


def _parse(period: str) -> Period:
    try:
        return Period.parse(period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc


def unit_rates(session: Session, *, period: str, today: dt.date,
               unit_ids: set[int] | None = None) -> dict[int, Rate]:
    """Per unit: the outcomes of the reports owed for periods inside `period` (active plans' lead units)."""
    rates: dict[int, Rate] = defaultdict(Rate)
    for unit_id, _code, _due, result in _owed(session, wanted=_parse(period), today=today, unit_ids=unit_ids):
        rate = rates[unit_id]
        setattr(rate, result, getattr(rate, result) + 1)
    return dict(rates)


@dataclass
class PeriodRate:
    """One reporting period of a plan: its reports' outcomes, and how many units sent all theirs on time."""

    period: str
    due: dt.date
    rate: Rate
    units: int  # units owing at least one report for the period
    units_on_time: int  # of them, those whose every report came by the due date

    @property
    def label(self) -> str:
        return Period.parse(self.period).label_vi


def period_rates(session: Session, *, plan_id: int, period: str, today: dt.date) -> list[PeriodRate]:
    """The plan's reporting rate per reporting period inside `period`, in calendar order (for reports)."""
    wanted = _parse(period)
    rates: dict[str, Rate] = defaultdict(Rate)
    dues: dict[str, dt.date] = {}
    units: dict[str, dict[int, bool]] = defaultdict(dict)  # period → unit → all on time so far
    for unit_id, code, due, result in _owed(session, wanted=wanted, today=today, plan_id=plan_id):
        rate = rates[code]
        setattr(rate, result, getattr(rate, result) + 1)
        dues[code] = due
        units[code][unit_id] = units[code].get(unit_id, True) and result == "on_time"
    ordered = sorted(rates, key=lambda c: (dues[c], Period.parse(c).end))
    return [PeriodRate(period=c, due=dues[c], rate=rates[c], units=len(units[c]),
                       units_on_time=sum(units[c].values())) for c in ordered]


def level_rates(session: Session, *, unit_id: int | None, period: str, actor: Actor,
                today: dt.date) -> LevelRates:
    """A level's reporting rate and each child subtree's (unit_id None: each root's), worst first."""
    if unit_id is None and actor.role == "unit":
        unit_id = actor.unit_id  # a unit account's top is its own unit (None: refused just below)
    if unit_id is not None or actor.role == "unit":
        require_unit_read(session, actor, unit_id or 0)
        root = session.get(Unit, unit_id or 0)
        if root is None:
            raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
        members = session.execute(select(Unit.id, Unit.path, Unit.parent_id, Unit.name)
                                  .where(Unit.path.startswith(root.path, autoescape=True))).all()
        children = [m for m in members if m.parent_id == root.id]
    else:
        members = session.execute(select(Unit.id, Unit.path, Unit.parent_id, Unit.name)).all()
        children = [m for m in members if m.parent_id is None]
    per_unit = unit_rates(session, period=period, today=today, unit_ids={m.id for m in members})
    whole = Rate()
    for rate in per_unit.values():
        whole.add(rate)
    rows = []
    for child in children:
        total = Rate()
        for m in members:
            if m.path.startswith(child.path) and m.id in per_unit:
                total.add(per_unit[m.id])
        rows.append(RateRow(unit_id=child.id, name=child.name, rate=total))
    # Worst first: the lowest share on time; children owing nothing yet go last.
    rows.sort(key=lambda r: (2.0 if r.rate.expected == 0 else r.rate.on_time / r.rate.expected,
                             -r.rate.missing, r.name))
    return LevelRates(unit_id=unit_id, period=Period.parse(period).code, whole=whole, children=rows)
