"""Each target's judgement in several periods of a year, from one read of its approved figures.

The dashboard's and the plan page's charts show, per target, the quarters and the year side by side.
They judged the whole plan once per period (five `plan_status` calls, each reading the plan, its
targets, its figures and its leads again: a third of a dashboard's statements). The stored statuses
are per indicator and hold no figure nor expectation, so they cannot draw a target's bars; instead
this reads the targets and their approved figures of the year once and applies, per period, the
same two rules `plan_status` applies (`standing_figures`, `judge_target`): the same verdicts, two
statements whatever the number of periods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.plans.models import Plan, Target
from nghiquyet.status import Period
from nghiquyet.tracking.models import Update, counts_for_target
from nghiquyet.tracking.status import (
    Actual,
    judge_target,
    judging_date,
    periods_within,
    plan_end_of,
    standing_figures,
    target_spec,
)


@dataclass(frozen=True, slots=True)
class PeriodJudgement:
    """What a chart shows of one target in one period: the figure (None when withheld), the
    expectation by then and the status."""

    actual: float | None
    expected: float | None
    status: str


def judge_periods(session: Session, *, plan_id: int, target_ids: Iterable[int], periods: Sequence[Period],
                  as_of: dt.date | None = None, figure_units: set[int] | None = None,
                  ) -> dict[tuple[int, str], PeriodJudgement]:
    """(target id, period code) → its judgement, as `plan_status` gives it for that period on `as_of`.

    `figure_units`: the units whose figures the reader may see (None: all, see tracking.visibility);
    another unit's figure still decides the status but is not shown.
    """
    ids = sorted(set(target_ids))
    if not ids or not periods:
        return {}
    on = judging_date(as_of)
    targets = session.execute(select(Target, Plan.year_end).join(Plan, Plan.id == Target.plan_id)
                              .where(Target.plan_id == plan_id, Target.id.in_(ids))).all()
    within = {p.code: set(periods_within(p)) for p in periods}
    codes = sorted(set().union(*within.values()))
    figures: list[tuple[Actual, int]] = [
        (Actual(row.id, row.target_id, row.period, row.value, row.version, row.decided_at), row.unit_id)
        for row in session.execute(
            select(Update.id, Update.target_id, Update.period, Update.value, Update.version,
                   Update.decided_at, Update.unit_id)
            .where(Update.plan_id == plan_id, Update.target_id.in_(ids), Update.period.in_(codes),
                   Update.state == "approved", counts_for_target()))]
    unit_of = {a.update_id: unit_id for a, unit_id in figures}
    out: dict[tuple[int, str], PeriodJudgement] = {}
    for period in periods:
        standing = standing_figures(((a.target_id, a) for a, _ in figures if a.period in within[period.code]),
                                    period)
        for target, year_end in targets:
            found = standing.get(target.id)
            used = Period.parse(found.period) if found is not None else period
            judgement = judge_target(target_spec(target), found.value if found is not None else None, used,
                                     plan_end_of(year_end, period), on)
            shown = found is not None and (figure_units is None or unit_of[found.update_id] in figure_units)
            out[(target.id, period.code)] = PeriodJudgement(found.value if shown and found else None,
                                                            judgement.expected, judgement.status.value)
    return out
