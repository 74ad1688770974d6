"""Roll-up over a subtree of units: "Tỉnh X: 4.210/6.000 chỉ tiêu hoàn thành", and per unit.

Which indicators count: every indicator whose LEAD unit lies in the subtree (the unit itself and
all below it), whatever plan running in the period's year it belongs to — a qualitative one as
"chưa có số liệu", as `plan_status` counts it: a province's communes each have their own plan, and
the province office wants one tally over all of them. The figure
for each target follows the rule of `plan_status` (approved only; the period's own figure, else
the latest sub-period's).

Two ways to the same figures. Judged today (every dashboard and report), the tally reads the
counts stored on write (`stored_status`, `StoredTally`): per unit and plan, how many indicators it
leads and how many hold each status — a few rows per unit, no judging and no join over every
indicator (a province's 6,000, a country's 60,000). For
another day, `judged_subtree_tally` judges afresh, set-based for the scale in DESIGN.md: one query
for the targets of the subtree (the unit path is a materialised "/1/7/42/" string, so a subtree is
one indexed prefix match) outer-joined to their approved figures for the period itself, as plain
tuples. Only targets without such a figure need a second query, for the approved figures of the
sub-periods (none when every unit reported the period). Judging happens in Python, once per
target, and reads statuses only (the rules write their Vietnamese explanations when asked, and
nobody asks here).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.plans.service import plan_family
from nghiquyet.status import Period, Status, Tally, indicator_status, spec_for, tally, tally_counts
from nghiquyet.tracking.models import (
    Assignment,
    StoredShareStatus,
    StoredTally,
    TargetShare,
    Update,
    counts_for_target,
)
from nghiquyet.tracking.shares import share_statuses
from nghiquyet.tracking.status import judge_target, judging_date, periods_within, plan_end_of
from nghiquyet.tracking.stored_status import LED, ensure_current, tally_of
from nghiquyet.units.models import Unit


@dataclass
class SubtreeTally:
    root_unit_id: int
    period: str
    whole: Tally
    by_unit: dict[int, Tally] = field(default_factory=dict)
    plans: int = 0
    # The shares of targets each unit holds (`tracking.shares`), apart from the indicators it leads.
    shares_by_unit: dict[int, Tally] = field(default_factory=dict)


# Up to this many targets lacking the period's own figure are named in the sub-period query; more,
# and the query selects the subtree's targets again (no huge parameter lists).
IN_LIST_LIMIT = 500
_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)
# A candidate figure: (rank, value, period code); the highest rank stands (see `plan_status`).
Candidate = tuple[tuple[dt.date, dt.datetime, int, int], float | None, str]


def _exact_rank(row: Any) -> tuple[dt.datetime, int, int]:
    return (row[14] or _NEVER, row[15], row[16])


def subtree_tally(session: Session, *, root_unit_id: int, period: str,
                  as_of: dt.date | None = None, plan_id: int | None = None) -> SubtreeTally:
    """Tally every indicator led by a unit of the subtree under `root_unit_id`, for `period`, judged
    as `plan_status` judges them (same `judge_target`, same day).

    The stored statuses answer (`stored_status`: a few indexed aggregate queries) whenever judging
    on `as_of` means judging today; another day inside the period is judged afresh. With `plan_id`,
    only that plan and the plans carrying it out below it (`plan_family`) are counted.
    """
    on = judging_date(as_of)
    wanted, root = _parse(session, root_unit_id, period)
    today = judging_date(None)
    if min(wanted.end, on) != min(wanted.end, today):
        return judged_subtree_tally(session, root_unit_id=root_unit_id, period=period, as_of=on,
                                    plan_id=plan_id)
    ensure_current(session.connection(), wanted, today)
    return _stored_tallies(session, wanted, plan_id, {root.id: root})[root.id]


def forest_tally(session: Session, *, roots: list[Unit], period: str, as_of: dt.date | None = None,
                 plan_id: int | None = None, per_unit: bool = True) -> dict[int, SubtreeTally]:
    """`subtree_tally` of each of these top units (units without a parent), in one pass: the national
    roll-up reads every province's counts at once instead of one province after another.

    `per_unit=False`: only the subtree's sums are wanted (the roll-up shows one row per top unit), so
    the database adds them up per top unit and each tally counts everything at its root: `whole`, the
    shares and `plans` are those of the subtree, `by_unit` holds the root alone."""
    if not roots:
        return {}
    on = judging_date(as_of)
    wanted, _ = _parse(session, roots[0].id, period)
    today = judging_date(None)
    if min(wanted.end, on) != min(wanted.end, today):
        return {r.id: judged_subtree_tally(session, root_unit_id=r.id, period=period, as_of=on,
                                           plan_id=plan_id) for r in roots}
    ensure_current(session.connection(), wanted, today)
    if not per_unit:
        return _summed_tallies(session, wanted, plan_id, [r.id for r in roots])
    return _stored_tallies(session, wanted, plan_id, {r.id: r for r in roots})


def _top_of(session: Session) -> ColumnElement[int]:
    """The id of the top unit a unit lies under: its path's first segment ("/7/42/" → 7). Read from
    the path itself, so the database groups by it in one pass (joining the top units by a LIKE on
    their paths compared every unit with every top unit)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.split_part(Unit.path, "/", 2), Integer)
    rest = func.substr(Unit.path, 2)
    return cast(func.substr(rest, 1, func.instr(rest, "/") - 1), Integer)


def _summed_tallies(session: Session, wanted: Period, plan_id: int | None,
                    root_ids: list[int]) -> dict[int, SubtreeTally]:
    """Each top unit's subtree counts, summed by the database (a few rows per top unit)."""
    top = _top_of(session).label("top_unit")
    totals: dict[int, int] = dict.fromkeys(root_ids, 0)
    counts: dict[int, dict[str, int]] = {r: {} for r in root_ids}
    plans: dict[int, int] = dict.fromkeys(root_ids, 0)
    for top_id, period, status, n, distinct_plans in session.execute(
            select(top, StoredTally.period, StoredTally.status, func.sum(StoredTally.n),
                   func.count(StoredTally.plan_id.distinct()))
            .select_from(StoredTally)
            .join(Unit, Unit.id == StoredTally.unit_id)
            .join(Plan, Plan.id == StoredTally.plan_id)
            .where(StoredTally.period.in_((LED, wanted.code)), counted(session, wanted.year, plan_id))
            .group_by(top, StoredTally.period, StoredTally.status)):
        if top_id not in totals:
            continue
        if period == LED:
            totals[top_id] += int(n)
            plans[top_id] = distinct_plans
        else:
            counts[top_id][status] = counts[top_id].get(status, 0) + int(n)
    share_totals: dict[int, int] = dict.fromkeys(root_ids, 0)
    share_counts: dict[int, dict[str, int]] = {r: {} for r in root_ids}
    for top_id, status, n in session.execute(
            select(top, StoredShareStatus.status, func.count())
            .select_from(TargetShare)
            .join(Unit, Unit.id == TargetShare.unit_id)
            .join(Plan, Plan.id == TargetShare.plan_id)
            .outerjoin(StoredShareStatus, and_(StoredShareStatus.share_id == TargetShare.id,
                                               StoredShareStatus.period == wanted.code))
            .where(counted(session, wanted.year, plan_id))
            .group_by(top, StoredShareStatus.status)):
        if top_id not in share_totals:
            continue
        share_totals[top_id] += n
        if status is not None:
            share_counts[top_id][status] = share_counts[top_id].get(status, 0) + n
    result = {}
    for root_id in root_ids:
        whole = tally_of(counts[root_id], totals[root_id])
        result[root_id] = SubtreeTally(
            root_unit_id=root_id, period=wanted.code, whole=whole,
            by_unit={root_id: whole} if totals[root_id] else {}, plans=plans[root_id],
            shares_by_unit=({root_id: tally_of(share_counts[root_id], share_totals[root_id])}
                            if share_totals[root_id] else {}))
    return result


def _stored_tallies(session: Session, wanted: Period, plan_id: int | None,
                    roots: dict[int, Unit]) -> dict[int, SubtreeTally]:
    """The tallies of these roots' subtrees from the stored counts (`StoredTally`): a few rows per
    unit, whatever the number of indicators it leads."""
    # Each unit counts for the root its path starts with; one root alone is filtered in SQL.
    one = next(iter(roots.values())) if len(roots) == 1 else None
    by_path = {r.path: r.id for r in roots.values()}

    def root_of(path: str) -> int | None:
        if one is not None:
            return one.id
        return by_path.get(path[:path.index("/", 1) + 1]) if path.count("/") > 1 else None

    totals: dict[int, dict[int, int]] = {r: defaultdict(int) for r in roots}
    counts: dict[int, dict[int, dict[str, int]]] = {r: defaultdict(dict) for r in roots}
    plans: dict[int, set[int]] = {r: set() for r in roots}
    query = (select(Unit.path, StoredTally.unit_id, StoredTally.plan_id, StoredTally.period,
                    StoredTally.status, StoredTally.n)
             .join(Unit, Unit.id == StoredTally.unit_id).join(Plan, Plan.id == StoredTally.plan_id)
             .where(StoredTally.period.in_((LED, wanted.code)), counted(session, wanted.year, plan_id)))
    if one is not None:
        query = query.where(_in_subtree(session, one))
    for path, unit_id, counted_plan, period, status, n in session.execute(query):
        root_id = root_of(path)
        if root_id is None:
            continue
        if period == LED:
            totals[root_id][unit_id] += n
            plans[root_id].add(counted_plan)
        else:
            found = counts[root_id][unit_id]
            found[status] = found.get(status, 0) + n
    # Each share a unit of the subtree holds counts for that unit, with its stored status, beside
    # the indicators it leads (the target itself is counted once, for its lead).
    share_totals: dict[int, dict[int, int]] = {r: defaultdict(int) for r in roots}
    share_counts: dict[int, dict[int, dict[str, int]]] = {r: defaultdict(dict) for r in roots}
    shares = (select(Unit.path, TargetShare.unit_id, StoredShareStatus.status, func.count())
              .join(Unit, Unit.id == TargetShare.unit_id)
              .join(Plan, Plan.id == TargetShare.plan_id)
              .outerjoin(StoredShareStatus, and_(StoredShareStatus.share_id == TargetShare.id,
                                                 StoredShareStatus.period == wanted.code))
              .where(counted(session, wanted.year, plan_id))
              .group_by(Unit.path, TargetShare.unit_id, StoredShareStatus.status))
    if one is not None:
        shares = shares.where(_in_subtree(session, one))
    for path, unit_id, status, n in session.execute(shares):
        root_id = root_of(path)
        if root_id is None:
            continue
        share_totals[root_id][unit_id] += n
        if status is not None:
            found = share_counts[root_id][unit_id]
            found[status] = found.get(status, 0) + n
    result = {}
    for root_id in roots:
        by_unit = {u: tally_of(counts[root_id].get(u, {}), n) for u, n in sorted(totals[root_id].items())}
        result[root_id] = SubtreeTally(
            root_unit_id=root_id, period=wanted.code, whole=sum_tallies(by_unit.values()), by_unit=by_unit,
            plans=len(plans[root_id]),
            shares_by_unit={u: tally_of(share_counts[root_id].get(u, {}), n)
                            for u, n in sorted(share_totals[root_id].items())})
    return result


def _parse(session: Session, root_unit_id: int, period: str) -> tuple[Period, Unit]:
    try:
        wanted = Period.parse(period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    root = session.get(Unit, root_unit_id)
    if root is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{root_unit_id}")
    return wanted, root


def _in_subtree(session: Session, root: Unit) -> ColumnElement[bool]:
    """Units whose path starts with the root's: the root and every unit below it."""
    in_subtree = Unit.path.startswith(root.path)
    if session.get_bind().dialect.name == "sqlite" and root.path:
        # SQLite's LIKE ignores case, so it never uses the path index and the planner scans every
        # assignment instead; the same prefix as a range of the (BINARY-collated) column does use it:
        # "/1/" <= path < "/10" ("0" follows "/"). The LIKE stays, so the range only narrows.
        in_subtree = and_(in_subtree, Unit.path >= root.path,
                          Unit.path < root.path[:-1] + chr(ord(root.path[-1]) + 1))
    return in_subtree


def _led(session: Session, root: Unit) -> Any:
    """(indicator, lead unit) of every indicator led inside the subtree, as a subquery."""
    return (select(Assignment.indicator_id, Assignment.unit_id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(_in_subtree(session, root), Assignment.role == "lead", Assignment.item_type == "indicator")
            .subquery())  # (indicator, unit) is unique: no DISTINCT needed


def running_in(year: int) -> ColumnElement[bool]:
    """Plans running in `year`: a 2026 plan has nothing to report for 2024, and no plan's own tally
    for 2024 counts it (a plan without years counts every year)."""
    return and_(or_(Plan.year_start.is_(None), Plan.year_start <= year),
                or_(Plan.year_end.is_(None), Plan.year_end >= year))


def counted(session: Session, year: int, plan_id: int | None) -> ColumnElement[bool]:
    """The plans a tally counts: those running in `year`; with `plan_id`, only that plan's family
    (the plan and the district's and communes' plans that carry it out, by `parent_plan_id`)."""
    running = running_in(year)
    if plan_id is None:
        return running
    return and_(running, Plan.id.in_(plan_family(session, plan_id=plan_id)))


def sum_tallies(tallies: Iterable[Tally]) -> Tally:
    counts: Counter[str] = Counter()
    for t in tallies:
        counts.update(t.by_status)
    return tally_counts(counts)


def judged_subtree_tally(session: Session, *, root_unit_id: int, period: str,
                         as_of: dt.date | None = None, plan_id: int | None = None) -> SubtreeTally:
    """The same tally judged afresh from the figures: for another day than today, and as the
    reference the stored statuses are tested against."""
    on = judging_date(as_of)
    wanted, root = _parse(session, root_unit_id, period)
    led = _led(session, root)
    wanted_code = wanted.code
    own_figure = and_(Update.target_id == Target.id, Update.period == wanted_code, Update.state == "approved",
                      counts_for_target())
    running = counted(session, wanted.year, plan_id)
    connection = session.connection()  # Core: plain rows, no ORM loading step for 6,000 of them
    rows = connection.execute(
        select(Target.id, Target.indicator_id, led.c.unit_id, Target.plan_id, Target.comparator, Target.value,
               Target.value_max, Target.unit, Target.change, Target.metric, Target.direction, Target.year,
               Plan.year_end, Update.value, Update.decided_at, Update.version, Update.id)
        .join(led, led.c.indicator_id == Target.indicator_id)
        .join(Plan, Plan.id == Target.plan_id)
        .outerjoin(Update, own_figure)
        .where(running)).all()

    # Newest standing figure per target: the exact period's (newest decision, version, id), else
    # the sub-period ending last (then newest decision, version, id), as `plan_status` ranks them.
    # The exact period's figure is kept as its row (no new object per target: fewer for the GC).
    exact: dict[int, Any] = {}
    for row in rows:
        if row[16] is not None:
            current = exact.get(row[0])
            if current is None or _exact_rank(row) > _exact_rank(current):
                exact[row[0]] = row
    best: dict[int, Candidate] = {}
    subs = periods_within(wanted)[1:]
    missing = {row[0] for row in rows} - exact.keys() if subs else set()
    if missing:
        query = select(Update.target_id, Update.period, Update.value, Update.decided_at, Update.version,
                       Update.id).where(Update.period.in_(subs), Update.state == "approved",
                                                  counts_for_target())
        if len(missing) <= IN_LIST_LIMIT:
            query = query.where(Update.target_id.in_(sorted(missing)))
        else:
            query = query.where(Update.target_id.in_(
                select(Target.id).join(led, led.c.indicator_id == Target.indicator_id)))
        ends = {c: Period.parse(c).end for c in subs}
        for target_id, code, value, decided_at, version, update_id in connection.execute(query):
            if target_id is None or target_id not in missing:
                continue
            rank = (ends[code], decided_at or _NEVER, version, update_id)
            current = best.get(target_id)
            if current is None or rank > current[0]:
                best[target_id] = (rank, value, code)

    periods = {c: Period.parse(c) for c in subs}
    periods[wanted_code] = wanted
    plan_ends: dict[int | None, dt.date] = {}
    # (indicator, unit) → its targets' statuses; the judgements themselves are let go at once (keeping
    # 6,000 of them alive only fed the garbage collector: the explanations are not read here).
    judged: dict[tuple[int, int], list[Status]] = defaultdict(list)
    plans: set[int] = set()
    seen: set[tuple[int, int]] = set()
    for (target_id, indicator_id, unit_id, its_plan, comparator, value, value_max, unit, change, metric,
         direction, year, year_end, _value, _decided, _version, _update_id) in rows:
        if (target_id, unit_id) in seen:  # several approved figures for the period: one row each
            continue
        seen.add((target_id, unit_id))
        plans.add(its_plan)
        spec = spec_for(comparator=comparator, value=value, value_max=value_max, unit=unit, change=change,
                        metric=metric, direction=direction, year=year)
        plan_end = plan_ends.get(year_end)
        if plan_end is None:
            plan_end = plan_ends[year_end] = plan_end_of(year_end, wanted)
        own = exact.get(target_id)
        if own is not None:
            actual, used = own[13], wanted
        else:
            standing = best.get(target_id)
            actual, used = (None, wanted) if standing is None else (standing[1], periods[standing[2]])
        status = judge_target(spec, actual, used, plan_end, on).status
        judged[(indicator_id, unit_id)].append(status)

    per_unit: dict[int, list[Status]] = defaultdict(list)
    for (_indicator_id, unit_id), statuses in judged.items():
        per_unit[unit_id].append(statuses[0] if len(statuses) == 1 else indicator_status(statuses))
    # A qualitative indicator (no numeric target) counts as "chưa có số liệu", as in the plan's own
    # tally, so a unit leads as many indicators on its level page as on the plan's dashboard.
    bare = ~select(Target.id).where(Target.indicator_id == Indicator.id).exists()
    for unit_id, its_plan in connection.execute(
            select(led.c.unit_id, Indicator.plan_id).join(Indicator, Indicator.id == led.c.indicator_id)
            .join(Plan, Plan.id == Indicator.plan_id).where(bare, running)):
        per_unit[unit_id].append(Status.chua_co_so_lieu)
        plans.add(its_plan)
    # The shares the subtree's units hold, judged afresh (`share_statuses`), each for its unit.
    held = connection.execute(
        select(TargetShare.id, TargetShare.target_id)
        .join(Unit, Unit.id == TargetShare.unit_id).join(Plan, Plan.id == TargetShare.plan_id)
        .where(_in_subtree(session, root), running)).all()
    shares_of: dict[int, list[Status]] = defaultdict(list)
    if held:
        wanted_ids = {row[0] for row in held}
        for share in share_statuses(session, period=wanted_code, target_ids=sorted({r[1] for r in held}),
                                    as_of=on):
            if share.id in wanted_ids:
                shares_of[share.unit_id].append(Status(share.status))
    every = [s for statuses in per_unit.values() for s in statuses]
    return SubtreeTally(root_unit_id=root_unit_id, period=wanted_code, whole=tally(every),
                        by_unit={u: tally(s) for u, s in sorted(per_unit.items())}, plans=len(plans),
                        shares_by_unit={u: tally(s) for u, s in sorted(shares_of.items())})
