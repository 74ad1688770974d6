"""Stored statuses: each indicator's judged status per period, written with the figures that change it.

Why: a province's tally judged its 6,000 targets on every request, and a national roll-up ten times
that (issue 15 point 4). With each indicator's status stored when something it depends on is
written, a tally is a few indexed aggregate queries and no judging at all.

What is stored: for indicator I and period P, the status `plan_status` gives I for P on the day
the row was judged (`judged_on`): each target's standing figure is the approved one of P
itself, else the latest of a period inside P, judged by `nghiquyet.status`, and the indicator takes
`indicator_status` of its targets. Only pairs where some target has an approved figure inside P get
a row; for every other period the indicator is "chưa có số liệu", which is what judging it would say.
The periods of a row are those containing an approved figure's period (2024-Q2 → 2024-Q2, 2024-H1,
2024): no other period's judgement can depend on that figure. A period still running is judged
"so far", which changes with the day: its rows hold for the day they were judged on, and the first
tally of a later day judges them again (`ensure_current`); an ended period's rows hold for good.

When: a flush hook notes the indicators whose status may have moved (an update of a target that is
or was approved, a target added, changed or removed, a plan whose end year changed) and judges them
again from the database in the same transaction, so no one ever reads a status older than the
figures. The rules' own source is fingerprinted: when a rule changes, the first tally after it
judges everything again (`ensure_current`), so stored verdicts never outlive the rule that made them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, String, and_, delete, event, func, insert, literal, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, UOWTransaction

import nghiquyet.status.period
import nghiquyet.status.rules
import nghiquyet.status.specs
import nghiquyet.tracking.status
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.status import Period, Status, Tally, TargetSpec, indicator_status, spec_for, tally_counts
from nghiquyet.tracking.models import (
    Assignment,
    StoredShareStatus,
    StoredStatus,
    StoredStatusRules,
    StoredTally,
    TargetShare,
    Update,
    counts_for_target,
)
from nghiquyet.tracking.status import judge_target, judging_date, plan_end_of

KINDS = ("year", "half", "quarter", "month")
_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)
_CHUNK = 2000  # rows per INSERT and ids per IN list


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for module in (nghiquyet.status.rules, nghiquyet.status.specs, nghiquyet.status.period):
        digest.update(Path(module.__file__ or "").read_bytes())
    # How they are applied counts too: this module, and `judge_target` / `plan_end_of` beside plan_status.
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(nghiquyet.tracking.status.__file__ or "").read_bytes())
    return digest.hexdigest()


RULES_VERSION = _fingerprint()


@lru_cache(maxsize=4096)
def covering(code: str) -> tuple[str, ...]:
    """The periods whose standing figure an approved figure of `code` can be: itself and those around it."""
    inner = Period.parse(code)
    found = []
    for kind in KINDS:
        outer = Period.containing(inner.start, kind)  # type: ignore[arg-type]
        if outer == inner or outer.contains(inner):
            found.append(outer.code)
    return tuple(found)


# --- judging from the database --------------------------------------------------------------------

Figure = tuple[str, float | None, dt.datetime | None, int, int]  # period, value, decided, version, id


def _judged(conn: Connection, indicator_ids: list[int] | None, on: dt.date) -> list[dict[str, Any]]:
    """Rows (indicator, period, plan, status) judged on day `on`, for these indicators or for all."""
    target_query = (select(Target.id, Target.indicator_id, Target.plan_id, Target.comparator, Target.value,
                           Target.value_max, Target.unit, Target.change, Target.metric, Target.direction,
                           Target.year, Plan.year_end)
                    .join(Plan, Plan.id == Target.plan_id))
    figure_query = (select(Update.target_id, Update.period, Update.value, Update.decided_at, Update.version,
                           Update.id)
                    .where(Update.state == "approved", Update.target_id.is_not(None), counts_for_target()))
    targets: list[Any] = []
    figures: dict[int | None, list[Any]] = defaultdict(list)  # target id → its approved Figures
    if indicator_ids is None:
        targets = list(conn.execute(target_query))
        for row in conn.execute(figure_query):
            figures[row[0]].append(tuple(row[1:]))
    else:
        for i in range(0, len(indicator_ids), _CHUNK):
            chunk = indicator_ids[i:i + _CHUNK]
            targets += conn.execute(target_query.where(Target.indicator_id.in_(chunk))).all()
            inside = select(Target.id).where(Target.indicator_id.in_(chunk))
            for row in conn.execute(figure_query.where(Update.target_id.in_(inside))):
                figures[row[0]].append(tuple(row[1:]))

    by_indicator: dict[int, list[Any]] = defaultdict(list)
    for row in targets:
        by_indicator[row[1]].append(row)
    rows = []
    for indicator_id, its_targets in by_indicator.items():
        # Each figure stands as a candidate in every period around its own (linear in the figures);
        # the highest-ranked candidate of a (target, period) is its standing figure there.
        standing = _standing((t[0], figures.get(t[0], ())) for t in its_targets)
        specs = [(t, _spec(t)) for t in its_targets]
        for code in sorted({code for _, code in standing}):
            wanted = _period(code)
            statuses = []
            for t, spec in specs:
                plan_end = plan_end_of(t[11], wanted)
                found = standing.get((t[0], code))
                if found is None:
                    statuses.append(judge_target(spec, None, wanted, plan_end, on).status)
                else:
                    figure = found[1]
                    statuses.append(judge_target(spec, figure[1], _period(figure[0]), plan_end, on).status)
            rows.append({"indicator_id": indicator_id, "period": code, "plan_id": its_targets[0][2],
                         "status": indicator_status(statuses).value, "judged_on": on})
    return rows


def _standing(keyed: Iterable[tuple[Any, Iterable[Figure]]]) -> dict[tuple[Any, str], tuple[Any, Figure]]:
    """(key, period) → (rank, standing figure) for each key's approved figures, over every period
    around each figure's own (linear in the figures), ranked as `plan_status` ranks them."""
    standing: dict[tuple[Any, str], tuple[Any, Figure]] = {}
    for key, its_figures in keyed:
        for figure in its_figures:
            end = _period(figure[0]).end
            for code in covering(figure[0]):
                rank = (code == figure[0], end, figure[2] or _NEVER, figure[3], figure[4])
                current = standing.get((key, code))
                if current is None or rank > current[0]:
                    standing[(key, code)] = (rank, figure)
    return standing


def _judged_shares(conn: Connection, target_ids: list[int] | None, on: dt.date) -> list[dict[str, Any]]:
    """Rows (share, period, target, status) judged on day `on`: each share by its target's rule with
    the share's value, against its unit's own standing figure for the target (`tracking.shares`)."""
    share_query = (select(TargetShare.id, TargetShare.target_id, TargetShare.value, TargetShare.value_max,
                          Target.comparator, Target.unit, Target.change, Target.metric, Target.direction,
                          Target.year, Plan.year_end)
                   .join(Target, Target.id == TargetShare.target_id).join(Plan, Plan.id == Target.plan_id))
    figure_query = (select(TargetShare.id, Update.period, Update.value, Update.decided_at, Update.version,
                           Update.id)
                    .join(TargetShare, and_(TargetShare.target_id == Update.target_id,
                                            TargetShare.unit_id == Update.unit_id))
                    .where(Update.state == "approved"))
    shares: list[Any] = []
    figures: dict[int, list[Any]] = defaultdict(list)
    ids = target_ids or []
    chunks = ([None] if target_ids is None else
              [TargetShare.target_id.in_(ids[i:i + _CHUNK]) for i in range(0, len(ids), _CHUNK)])
    for chunk in chunks:
        shares += conn.execute(share_query if chunk is None else share_query.where(chunk)).all()
        for row in conn.execute(figure_query if chunk is None else figure_query.where(chunk)):
            figures[row[0]].append(tuple(row[1:]))
    standing = _standing((share[0], figures.get(share[0], ())) for share in shares)
    by_id = {share[0]: share for share in shares}
    rows = []
    for (share_id, code), (_rank, figure) in standing.items():
        (_id, target_id, value, value_max, comparator, unit, change, metric, direction, year,
         year_end) = by_id[share_id]
        spec = spec_for(comparator=comparator, value=value, value_max=value_max, unit=unit, change=change,
                        metric=metric, direction=direction, year=year)
        wanted_period = _period(code)
        status = judge_target(spec, figure[1], _period(figure[0]), plan_end_of(year_end, wanted_period), on)
        rows.append({"share_id": share_id, "period": code, "target_id": target_id,
                     "status": status.status.value, "judged_on": on})
    return rows


@lru_cache(maxsize=4096)
def _period(code: str) -> Period:
    return Period.parse(code)


def _spec(target: Any) -> TargetSpec:
    (_id, _indicator, _plan, comparator, value, value_max, unit, change, metric, direction, year,
     _year_end) = target
    return spec_for(comparator=comparator, value=value, value_max=value_max, unit=unit, change=change,
                    metric=metric, direction=direction, year=year)


def refresh_shares(conn: Connection, target_ids: Iterable[int], on: dt.date | None = None) -> None:
    """Judge the shares of these targets again (today, unless `on` says) and replace their rows."""
    ids = sorted(set(target_ids))
    if not ids:
        return
    rows = _judged_shares(conn, ids, judging_date(on))
    for i in range(0, len(ids), _CHUNK):
        conn.execute(delete(StoredShareStatus).where(StoredShareStatus.target_id.in_(ids[i:i + _CHUNK])))
    for i in range(0, len(rows), _CHUNK):
        conn.execute(insert(StoredShareStatus), rows[i:i + _CHUNK])


def refresh(conn: Connection, indicator_ids: Iterable[int], on: dt.date | None = None,
            plan_ids: Iterable[int] = ()) -> None:
    """Judge these indicators again (today, unless `on` says) and replace their stored rows; count
    again the tallies of their plans and of `plan_ids`."""
    ids = sorted(set(indicator_ids))
    plans = set(plan_ids)
    if ids:
        rows = _judged(conn, ids, judging_date(on))
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            # The plans the indicators belong to now and those their old rows counted in.
            plans.update(conn.scalars(select(Indicator.plan_id).where(Indicator.id.in_(chunk)).distinct()))
            plans.update(conn.scalars(select(StoredStatus.plan_id)
                                      .where(StoredStatus.indicator_id.in_(chunk)).distinct()))
            conn.execute(delete(StoredStatus).where(StoredStatus.indicator_id.in_(chunk)))
        for i in range(0, len(rows), _CHUNK):
            conn.execute(insert(StoredStatus), rows[i:i + _CHUNK])
    if plans:
        refresh_tallies(conn, plans)


LED = ""  # the period and the status of a `StoredTally` row that counts the indicators led


def refresh_tallies(conn: Connection, plan_ids: Iterable[int] | None) -> None:
    """Count again, for these plans (None: every plan), the indicators each unit leads and how many
    of them hold each stored status per period, as `rollup.judged_subtree_tally` would count them."""
    lead = and_(Assignment.role == "lead", Assignment.item_type == "indicator")
    led = (select(Assignment.unit_id, literal(LED, String), Indicator.plan_id, literal(LED, String),
                  func.count())
           .join(Indicator, Indicator.id == Assignment.indicator_id).where(lead)
           .group_by(Assignment.unit_id, Indicator.plan_id))
    judged = (select(Assignment.unit_id, StoredStatus.period, Indicator.plan_id, StoredStatus.status,
                     func.count())
              .join(Indicator, Indicator.id == Assignment.indicator_id)
              .join(StoredStatus, StoredStatus.indicator_id == Assignment.indicator_id).where(lead)
              .group_by(Assignment.unit_id, StoredStatus.period, Indicator.plan_id, StoredStatus.status))
    columns = ["unit_id", "period", "plan_id", "status", "n"]
    if plan_ids is None:
        conn.execute(delete(StoredTally))
        conn.execute(insert(StoredTally).from_select(columns, led))
        conn.execute(insert(StoredTally).from_select(columns, judged))
        return
    ids = sorted(set(plan_ids))
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        conn.execute(delete(StoredTally).where(StoredTally.plan_id.in_(chunk)))
        conn.execute(insert(StoredTally).from_select(columns, led.where(Indicator.plan_id.in_(chunk))))
        conn.execute(insert(StoredTally).from_select(columns, judged.where(Indicator.plan_id.in_(chunk))))


def rebuild(conn: Connection) -> int:
    """Judge every indicator again, today (after a change of rules, or a bulk load that skipped the hook)."""
    stamped = conn.execute(update(StoredStatusRules).where(StoredStatusRules.id == 1)
                           .values(version=RULES_VERSION)).rowcount
    if not stamped:
        conn.execute(insert(StoredStatusRules).values(id=1, version=RULES_VERSION))
    return _rejudge_all(conn)


def _rejudge_all(conn: Connection) -> int:
    rows = _judged(conn, None, judging_date(None))
    conn.execute(delete(StoredStatus))
    for i in range(0, len(rows), _CHUNK):
        conn.execute(insert(StoredStatus), rows[i:i + _CHUNK])
    refresh_tallies(conn, None)
    share_rows = _judged_shares(conn, None, judging_date(None))
    conn.execute(delete(StoredShareStatus))
    for i in range(0, len(share_rows), _CHUNK):
        conn.execute(insert(StoredShareStatus), share_rows[i:i + _CHUNK])
    return len(rows) + len(share_rows)


def ensure_current(conn: Connection, period: Period | None = None, today: dt.date | None = None) -> None:
    """Make the stored statuses right for today: all of them when the rules changed (or were never
    applied), and those of `period` judged on a day that no longer gives today's verdict.

    Whoever rebuilds first claims the rules row (a conditional UPDATE, or the INSERT of the first
    row): of two workers that find it stale at once, the second waits on the row (or the key) and
    then finds it current, instead of judging everything a second time.
    """
    version = conn.scalar(select(StoredStatusRules.version).where(StoredStatusRules.id == 1))
    if version != RULES_VERSION:
        if version is None:
            claimed = _claim_first(conn)
        else:
            claimed = bool(conn.execute(
                update(StoredStatusRules)
                .where(StoredStatusRules.id == 1, StoredStatusRules.version != RULES_VERSION)
                .values(version=RULES_VERSION)).rowcount)
        if claimed:
            _rejudge_all(conn)
            return
    if period is None:
        return
    # Judged on day d, a row gives the verdict of every day with the same min(period end, day).
    holds_from = min(period.end, judging_date(today))
    stale = list(conn.scalars(select(StoredStatus.indicator_id).where(
        StoredStatus.period == period.code, StoredStatus.judged_on < holds_from)))
    refresh(conn, stale, today)
    stale_shares = list(conn.scalars(select(StoredShareStatus.target_id).where(
        StoredShareStatus.period == period.code, StoredShareStatus.judged_on < holds_from)))
    refresh_shares(conn, stale_shares, today)


def _claim_first(conn: Connection) -> bool:
    """Insert the rules row; False when another transaction inserted it first."""
    try:
        with conn.begin_nested():  # a failed INSERT must not abort the caller's transaction
            conn.execute(insert(StoredStatusRules).values(id=1, version=RULES_VERSION))
    except IntegrityError:
        return False
    return True


# --- reading ---------------------------------------------------------------------------------------

def tally_of(counts: Mapping[str, int], total: int) -> Tally:
    """A Tally from counts of stored statuses; the indicators without a row are "chưa có số liệu"."""
    missing = total - sum(counts.values())
    return tally_counts({**counts, NO_DATA: counts.get(NO_DATA, 0) + missing})


NO_DATA = Status.chua_co_so_lieu.value


# --- keeping them current --------------------------------------------------------------------------

def _was_or_is_approved(update_row: Update) -> bool:
    if update_row.state == "approved":
        return True
    history = sa_inspect(update_row).attrs.state.history
    return "approved" in (history.deleted or ())


def _touched(session: Session) -> tuple[set[int], set[int], set[int], set[int]]:
    """(indicator ids, target ids, plan ids) whose stored statuses this flush may have moved, and the
    plans whose tallies it may have moved besides (a lead given, moved or taken back, an indicator
    added or removed)."""
    indicators: set[int] = set()
    targets: set[int] = set()
    plans: set[int] = set()
    counted: set[int] = set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if isinstance(obj, Assignment | Indicator):
            counted.update(_now_and_before(obj, "plan_id"))
        if isinstance(obj, Update):
            if obj.target_id is not None and _was_or_is_approved(obj):
                targets.add(obj.target_id)
                old = sa_inspect(obj).attrs.target_id.history.deleted
                targets.update(t for t in old or () if t is not None)
        elif isinstance(obj, TargetShare):
            # A share moves its unit's figures off the target (or back onto it, when removed).
            targets.add(obj.target_id)
        elif isinstance(obj, Target):
            if obj.indicator_id is not None:
                indicators.add(obj.indicator_id)
            old = sa_inspect(obj).attrs.indicator_id.history.deleted
            indicators.update(i for i in old or () if i is not None)
        elif (isinstance(obj, Plan) and obj not in session.new
              and sa_inspect(obj).attrs.year_end.history.has_changes()):
            plans.add(obj.id)
    return indicators, targets, plans, counted


def _now_and_before(obj: Any, attribute: str) -> set[int]:
    """The attribute's value and the value this flush replaced (an id moved counts on both sides)."""
    history = sa_inspect(obj).attrs[attribute].history
    found = {getattr(obj, attribute), *(history.deleted or ())}
    return {value for value in found if value is not None}


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    indicators, targets, plans, counted = _touched(session)
    if not (indicators or targets or plans or counted):
        return
    conn = session.connection()
    if targets:
        ids = sorted(targets)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            indicators.update(conn.scalars(select(Target.indicator_id).where(Target.id.in_(chunk))))
    if plans:
        indicators.update(conn.scalars(select(Target.indicator_id).where(Target.plan_id.in_(sorted(plans)))))
        indicators.update(conn.scalars(select(StoredStatus.indicator_id)
                                       .where(StoredStatus.plan_id.in_(sorted(plans)))))
    refresh(conn, indicators, plan_ids=counted)
    # The shares of every target whose figures, rule or shares may have moved: a target edited
    # (its indicator is touched) or a plan's end year changed reaches its shares through them.
    share_targets = set(targets)
    found = sorted(indicators)
    for i in range(0, len(found), _CHUNK):
        chunk = found[i:i + _CHUNK]
        share_targets.update(conn.scalars(select(Target.id).where(Target.indicator_id.in_(chunk))))
    refresh_shares(conn, share_targets)
