"""A plan's status for a period: each target judged by `nghiquyet.status`, indicators and tallies.

Which figure counts (the "actual") for target T and requested period P:
- only APPROVED updates count; among several, the newest decision wins (a later approved correction
  replaces the figure it corrects; if two units report the same target, the last approved one);
- P's own update if there is one; otherwise the latest approved figure of a period inside P (for the
  year 2024: 2024-H2, then 2024-Q4, then 2024-12..., whichever ends last). Figures are year-to-date
  (lũy kế), as Vietnamese reports give them, so the latest sub-period stands for P so far; the
  target is then judged for that sub-period (its pro-rata expectation and its wording);
- `as_of` is handed to the rules (what "so far" means inside the period); it does not hide
  updates decided later.
Tallies count every indicator of the plan (qualitative ones stay "chưa có số liệu"), so the total
matches the document ("16/19 chỉ tiêu hoàn thành").

Set-based: the plan's indicators with their targets, the approved updates of the period and the lead
assignments are three queries whatever the plan's size.

One truth (issue 10 point 1, docs/status.md): this module is the only place a stored target is
judged. Pages, the API, the three report formats, the assistant and the roll-up tallies all come
here (`plan_status`, or `judge_target` for the set-based roll-up), and all judge on the same day:
`judging_date` (the `as_of` asked for, else today), so a report printed on 3 December says what the
page says on 3 December — "đúng tiến độ" for a year not yet over, never a final "vượt".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.status import Judgement, Period, Tally, TargetSpec, judge, judge_indicator, spec_for, tally
from nghiquyet.tracking.models import Assignment, Update, counts_for_target


@dataclass
class TargetStatus:
    id: int
    metric: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    actual: float | None
    actual_period: str | None
    update_id: int | None
    status: str
    rule: str
    explanation_vi: str
    expected: float | None
    ratio: float | None


@dataclass
class IndicatorStatus:
    id: int
    label: str | None
    group: str
    text: str
    status: str
    rule: str
    explanation_vi: str
    lead_unit_ids: list[int]
    targets: list[TargetStatus]


@dataclass
class PlanStatus:
    plan_id: int
    period: str
    as_of: dt.date | None
    total: int
    complete: int
    by_status: dict[str, int]
    indicators: list[IndicatorStatus]
    by_group: dict[str, Tally] = field(default_factory=dict)
    by_unit: dict[int, Tally] = field(default_factory=dict)
    closed: bool = False  # judged on or after the plan's end: statuses are final (vượt/đạt/không đạt)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (the API's `GET /plans/{id}/status` body)."""
        return {
            "plan_id": self.plan_id, "period": self.period,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "total": self.total, "complete": self.complete, "by_status": self.by_status,
            "closed": self.closed,
            "indicators": [asdict(i) for i in self.indicators],
            "by_group": {k: asdict(v) for k, v in self.by_group.items()},
            "by_unit": {str(k): asdict(v) for k, v in self.by_unit.items()},
        }


def periods_within(period: Period) -> list[str]:
    """Codes of `period` and of every shorter period inside it (the candidates for its figure)."""
    codes = [period.code]
    for kind, count in (("half", 2), ("quarter", 4), ("month", 12)):
        for index in range(1, count + 1):
            sub = Period.of(period.year, kind, index)  # type: ignore[arg-type]
            if sub != period and period.contains(sub):
                codes.append(sub.code)
    return codes


@dataclass(frozen=True, slots=True)
class Actual:
    """The approved figure standing for a target in a period (columns only: no ORM objects to build)."""

    update_id: int
    target_id: int
    period: str
    value: float | None
    version: int
    decided_at: dt.datetime | None


Rank = tuple[int, dt.date, dt.datetime, int, int]
_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)


def _rank(a: Actual, requested: str, ends: dict[str, dt.date]) -> Rank:
    decided = a.decided_at or _NEVER
    return (1 if a.period == requested else 0, ends[a.period], decided, a.version, a.update_id)


def latest_actuals(session: Session, *, plan_id: int, period: Period,
                   target_ids: Iterable[int] | None = None) -> dict[int, Actual]:
    """For each target of the plan, the approved figure that stands for `period` (see module doc)."""
    columns = (Update.id, Update.target_id, Update.period, Update.value, Update.version, Update.decided_at)
    query = select(*columns).where(Update.plan_id == plan_id, Update.period.in_(periods_within(period)),
                                   Update.state == "approved", Update.target_id.is_not(None),
                                   counts_for_target())
    if target_ids is not None:
        query = query.where(Update.target_id.in_(list(target_ids)))
    found = (Actual(row.id, row.target_id, row.period, row.value, row.version, row.decided_at)
             for row in session.execute(query))
    return standing_figures(((a.target_id, a) for a in found), period)


K = TypeVar("K")


def standing_figures(candidates: Iterable[tuple[K, Actual]], period: Period) -> dict[K, Actual]:
    """Of the approved figures inside `period` keyed by what they stand for (a target; a unit's share
    of it), the one that stands for each key: the rule of the module doc, in one place."""
    ends: dict[str, dt.date] = {}
    # Each candidate's rank is computed once and kept with the best so far: a report ranks 12,000.
    best: dict[K, tuple[Rank, Actual]] = {}
    for key, actual in candidates:
        if actual.period not in ends:
            ends[actual.period] = Period.parse(actual.period).end
        rank = _rank(actual, period.code, ends)
        current = best.get(key)
        if current is None or rank > current[0]:
            best[key] = (rank, actual)
    return {key: actual for key, (_, actual) in best.items()}


def judging_date(as_of: dt.date | None) -> dt.date:
    """The day statuses are judged on: `as_of` when asked for, else today (one default for every caller)."""
    return as_of if as_of is not None else dt.date.today()


def plan_end_of(year_end: int | None, period: Period) -> dt.date:
    """A plan's targets close on 31 December of its last year (the period's end when it has none)."""
    return dt.date(year_end, 12, 31) if year_end else period.end


def closes(period: Period, plan_end: dt.date, on: dt.date) -> bool:
    """Whether judging `period` on day `on` gives final statuses (the plan's end has been reached)."""
    return min(period.end, on) >= plan_end


def judge_target(spec: TargetSpec, value: float | None, used: Period, plan_end: dt.date,
                 on: dt.date) -> Judgement:
    """The one judgement of a stored target: its standing figure `value` (reported for `used`),
    on day `on`; `plan_status` and the roll-up both call it, so their statuses cannot differ."""
    return judge(spec, value, period=used, plan_end=plan_end, as_of=on)


def target_spec(target: Target) -> TargetSpec:
    return spec_for(comparator=target.comparator, value=target.value, value_max=target.value_max,
                    unit=target.unit, change=target.change, metric=target.metric, direction=target.direction,
                    year=target.year)


def _judge_target(target: Target, update: Actual | None, period: Period, plan_end: dt.date,
                  on: dt.date) -> tuple[TargetStatus, Judgement]:
    used = Period.parse(update.period) if update is not None else period
    judgement = judge_target(target_spec(target), update.value if update is not None else None, used,
                             plan_end, on)
    return TargetStatus(
        id=target.id, metric=target.metric, comparator=target.comparator, value=target.value,
        value_max=target.value_max, unit=target.unit,
        actual=update.value if update is not None else None,
        actual_period=update.period if update is not None else None,
        update_id=update.update_id if update is not None else None,
        status=judgement.status.value, rule=judgement.rule, explanation_vi=judgement.explanation_vi,
        expected=judgement.expected, ratio=judgement.ratio,
    ), judgement


def plan_status(session: Session, *, plan_id: int, period: str, as_of: dt.date | None = None,
                actuals: dict[int, Actual] | None = None) -> PlanStatus:
    """Judge every target and indicator of a plan for `period` on `judging_date(as_of)`; tallies per
    plan, group and lead unit.

    `actuals`: the standing figures when the caller has already read the period's approved figures
    (the report reads them once for its status and its appendix); they must be what
    `latest_actuals(session, plan_id=plan_id, period=Period.parse(period))` gives."""
    on = judging_date(as_of)
    try:
        wanted = Period.parse(period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    # One query for the plan's end, its indicators and their targets (outer join: qualitative
    # indicators have no target); the plan row itself is read only when it has no indicator.
    rows = session.execute(
        select(Plan.year_end, Indicator, Target)
        .join(Indicator, Indicator.plan_id == Plan.id)
        .outerjoin(Target, Target.indicator_id == Indicator.id)
        .where(Plan.id == plan_id)
        .order_by(Indicator.position, Indicator.id, Target.position, Target.id)).all()
    if rows:
        year_end = rows[0][0]
    else:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise NotFoundError(f"Không tìm thấy kế hoạch #{plan_id}")
        year_end = plan.year_end
    plan_end = plan_end_of(year_end, wanted)
    indicators: list[Indicator] = []
    targets_by_indicator: dict[int, list[Target]] = defaultdict(list)
    for _, indicator, target in rows:
        if not indicators or indicators[-1].id != indicator.id:
            indicators.append(indicator)
        if target is not None:
            targets_by_indicator[indicator.id].append(target)
    if actuals is None:
        actuals = latest_actuals(session, plan_id=plan_id, period=wanted)
    leads: dict[int, list[int]] = defaultdict(list)
    for indicator_id, unit_id in session.execute(
            select(Assignment.indicator_id, Assignment.unit_id).where(
                Assignment.plan_id == plan_id, Assignment.item_type == "indicator", Assignment.role == "lead")
            .order_by(Assignment.id)):
        if indicator_id is not None:
            leads[indicator_id].append(unit_id)

    results: list[IndicatorStatus] = []
    for indicator in indicators:
        judged = [_judge_target(t, actuals.get(t.id), wanted, plan_end, on)
                  for t in targets_by_indicator.get(indicator.id, [])]
        target_statuses = [ts for ts, _ in judged]
        overall = judge_indicator([j for _, j in judged])
        results.append(IndicatorStatus(
            id=indicator.id, label=indicator.label, group=indicator.group, text=indicator.text,
            status=overall.status.value, rule=overall.rule, explanation_vi=overall.explanation_vi,
            lead_unit_ids=leads.get(indicator.id, []), targets=target_statuses))

    whole = tally([r.status for r in results])
    by_group: dict[str, list[str]] = defaultdict(list)
    by_unit: dict[int, list[str]] = defaultdict(list)
    for r in results:
        by_group[r.group].append(r.status)
        for unit_id in r.lead_unit_ids:
            by_unit[unit_id].append(r.status)
    return PlanStatus(
        plan_id=plan_id, period=wanted.code, as_of=on, total=whole.total, complete=whole.complete,
        by_status=whole.by_status, indicators=results,
        by_group={g: tally(s) for g, s in sorted(by_group.items())},
        by_unit={u: tally(s) for u, s in sorted(by_unit.items())},
        closed=closes(wanted, plan_end, on),
    )


def plan_status_series(session: Session, *, plan_id: int, periods: Iterable[str],
                       as_of: dt.date | None = None) -> dict[str, Tally]:
    """The plan's tally for each period (e.g. the four quarters of a year)."""
    out: dict[str, Tally] = {}
    for p in periods:
        status = plan_status(session, plan_id=plan_id, period=p, as_of=as_of)
        out[status.period] = Tally(total=status.total, complete=status.complete, by_status=status.by_status)
    return out
