"""Roll-up over a subtree of units: "Tỉnh X: 4.210/6.000 chỉ tiêu hoàn thành", and per unit.

Which indicators count: every indicator with a numeric target whose LEAD unit lies in the
subtree (the unit itself and all below it), whatever plan it belongs to: a province's communes
each have their own plan, and the province office wants one tally over all of them. The figure
for each target follows the rule of `plan_status` (approved only; the period's own figure, else
the latest sub-period's).

Set-based for the scale in DESIGN.md: one query for the targets of the subtree (the unit path is a
materialised "/1/7/42/" string, so a subtree is one indexed prefix match) and one for the approved
updates of the period; judging happens in Python, once per target.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Plan, Target
from nghiquyet.status import Judgement, Period, Tally, judge, judge_indicator, spec_for, tally
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.tracking.status import periods_within
from nghiquyet.units.models import Unit


@dataclass
class SubtreeTally:
    root_unit_id: int
    period: str
    whole: Tally
    by_unit: dict[int, Tally] = field(default_factory=dict)
    plans: int = 0


def subtree_tally(session: Session, *, root_unit_id: int, period: str,
                  as_of: dt.date | None = None) -> SubtreeTally:
    """Tally every indicator led by a unit of the subtree under `root_unit_id`, for `period`."""
    try:
        wanted = Period.parse(period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    root = session.get(Unit, root_unit_id)
    if root is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{root_unit_id}")

    led = (select(Assignment.indicator_id, Assignment.unit_id)
           .join(Unit, Unit.id == Assignment.unit_id)
           .where(Unit.path.startswith(root.path), Assignment.role == "lead",
                  Assignment.item_type == "indicator")
           .subquery())
    rows = session.execute(
        select(Target.id, Target.indicator_id, led.c.unit_id, Target.plan_id, Target.comparator, Target.value,
               Target.value_max, Target.unit, Target.change, Target.metric, Target.direction, Target.year,
               Plan.year_end)
        .join(led, led.c.indicator_id == Target.indicator_id)
        .join(Plan, Plan.id == Target.plan_id)).all()

    codes = periods_within(wanted)
    wanted_code = wanted.code
    ends = {c: Period.parse(c).end for c in codes}
    # Newest standing figure per target: the exact period first, then the sub-period ending last.
    best: dict[int, tuple[tuple[int, dt.date, int, int], float | None, str]] = {}
    target_ids = select(Target.id).join(led, led.c.indicator_id == Target.indicator_id)
    for target_id, code, value, version, update_id in session.execute(
            select(Update.target_id, Update.period, Update.value, Update.version, Update.id)
            .where(Update.target_id.in_(target_ids), Update.period.in_(codes), Update.state == "approved")):
        if target_id is None:
            continue
        rank = (1 if code == wanted_code else 0, ends[code], version, update_id)
        current = best.get(target_id)
        if current is None or rank > current[0]:
            best[target_id] = (rank, value, code)

    periods = {c: Period.parse(c) for c in codes}
    judged: dict[tuple[int, int], list[Judgement]] = defaultdict(list)  # (indicator, unit) → targets
    plans: set[int] = set()
    for (target_id, indicator_id, unit_id, plan_id, comparator, value, value_max, unit, change, metric,
         direction, year, year_end) in rows:
        plans.add(plan_id)
        spec = spec_for(comparator=comparator, value=value, value_max=value_max, unit=unit, change=change,
                        metric=metric, direction=direction, year=year)
        plan_end = dt.date(year_end, 12, 31) if year_end else wanted.end
        standing = best.get(target_id)
        used = periods[standing[2]] if standing else wanted
        judged[(indicator_id, unit_id)].append(
            judge(spec, standing[1] if standing else None, period=used, plan_end=plan_end, as_of=as_of))

    per_unit: dict[int, list[str]] = defaultdict(list)
    for (_indicator_id, unit_id), judgements in judged.items():
        per_unit[unit_id].append(judge_indicator(judgements).status.value)
    every = [s for statuses in per_unit.values() for s in statuses]
    return SubtreeTally(root_unit_id=root_unit_id, period=wanted.code, whole=tally(every),
                        by_unit={u: tally(s) for u, s in sorted(per_unit.items())}, plans=len(plans))
