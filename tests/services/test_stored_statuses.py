"""Stored statuses equal judging from scratch after any sequence of writes (issue 15 point 4).

Random sequences (seeded, so a failure replays) of submissions, approvals, returns, corrections,
target edits, targets added and removed, a plan's end year moved, shares of a target given to,
changed for or taken from a unit that already reports it, leads given, turned into support or taken
back, and indicators added and removed (the stored counts per unit follow all of them); after
every step the tally read from the stored statuses must equal the tally judged afresh from the
figures, for the whole tree and a subtree (and the roll-up of the top units at once), for a year,
its halves, quarters and a month, and every share's status must be its target's rule applied to
the share's value and its unit's own standing figure. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, PermissionDenied
from nghiquyet.plans.items import remove_indicator
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.status import Period, judge, spec_for
from nghiquyet.tracking.models import Assignment, StoredStatus, StoredStatusRules, TargetShare, Update
from nghiquyet.tracking.rollup import forest_tally, judged_subtree_tally, subtree_tally, sum_tallies
from nghiquyet.tracking.service import (
    approve_update,
    assign,
    correct_update,
    create_update,
    return_update,
    submit_update,
    unassign,
)
from nghiquyet.tracking.shares import ShareSpec, set_shares, share_statuses
from nghiquyet.tracking.stored_status import RULES_VERSION, covering
from nghiquyet.units.models import Unit
from tests.factories import make_plan
from tests.services.conftest import Org

PERIODS = ("2024", "2024-H1", "2024-H2", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-03", "2024-11")
SPECS = [
    {"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0, "unit": "tỷ đồng", "year": 2024},
    {"metric": "Tỷ lệ hộ nghèo", "comparator": "lt", "value": 2.0, "unit": "%", "year": 2024},
    {
        "metric": "Tăng trưởng GRDP",
        "comparator": "range",
        "value": 7.0,
        "value_max": 7.5,
        "unit": "%",
        "year": 2024,
    },
    {"metric": "Trường đạt chuẩn", "comparator": "gte", "value": 12.0, "unit": "trường", "year": 2024},
]


def _same(db: Session, org: Org, periods: tuple[str, ...] = PERIODS) -> None:
    db.flush()
    for root in (org.root, org.commune):
        for period in periods:
            stored = subtree_tally(db, root_unit_id=root.id, period=period)
            judged = judged_subtree_tally(db, root_unit_id=root.id, period=period)
            assert stored.by_unit == judged.by_unit, (root.name, period)
            assert stored.shares_by_unit == judged.shares_by_unit, (root.name, period)
            assert stored.whole == judged.whole, (root.name, period)
            assert stored.plans == judged.plans
    # The national roll-up reads every top unit's counts at once: the same figures.
    roots = list(db.scalars(select(Unit).where(Unit.parent_id.is_(None))))
    for period in periods:
        forest = forest_tally(db, roots=roots, period=period)
        summed = forest_tally(db, roots=roots, period=period, per_unit=False)
        for top in roots:
            judged = judged_subtree_tally(db, root_unit_id=top.id, period=period)
            assert forest[top.id] == judged, period
            assert summed[top.id].whole == judged.whole, period
            assert summed[top.id].plans == judged.plans, period
            assert sum_tallies(summed[top.id].shares_by_unit.values()) == sum_tallies(
                judged.shares_by_unit.values()), period
        _shares_judged_by_their_targets_rule(db, period)


def _shares_judged_by_their_targets_rule(db: Session, period: str) -> None:
    """Each share against an oracle written from the rule itself: the unit's approved figure of the
    period, else of the sub-period ending last (newest decision, then version, then id, breaking ties),
    judged by the pure `judge` with the target's wording and the share's value."""
    wanted = Period.parse(period)
    on = dt.date.today()
    for share in share_statuses(db, period=period):
        target = db.get(Target, share.target_id)
        assert target is not None
        figures = [u for u in db.scalars(select(Update).where(
            Update.target_id == target.id, Update.unit_id == share.unit_id, Update.state == "approved"))
            if wanted.contains(Period.parse(u.period))]
        never = dt.datetime.min.replace(tzinfo=dt.UTC)
        figures.sort(key=lambda u: (u.period == wanted.code, Period.parse(u.period).end,
                                    u.decided_at or never, u.version, u.id))
        standing = figures[-1] if figures else None
        spec = spec_for(comparator=target.comparator, value=share.value, value_max=share.value_max,
                        unit=target.unit, change=target.change, metric=target.metric,
                        direction=target.direction, year=target.year)
        plan = db.get(Plan, target.plan_id)
        assert plan is not None
        plan_end = dt.date(plan.year_end, 12, 31) if plan.year_end else wanted.end
        expected = judge(spec, standing.value if standing else None,
                         period=Period.parse(standing.period) if standing else wanted, plan_end=plan_end,
                         as_of=on)
        assert share.status == expected.status.value, (share, period)
        assert share.update_id == (standing.id if standing else None)


def _step(db: Session, rng: random.Random, org: Org, office: User, plan: Plan) -> str:
    reporters = {org.finance.id: org.finance_user, org.cell.id: org.cell_user}
    targets = list(db.scalars(select(Target).where(Target.plan_id == plan.id)))
    updates = list(db.scalars(select(Update).where(Update.plan_id == plan.id)))
    move = rng.choice(
        ["send", "send", "send", "approve", "approve", "return", "correct", "edit", "end", "add", "remove",
         "share", "lead", "indicator"]
    )
    if move == "send" and targets:
        target = rng.choice(targets)
        unit_id = rng.choice(list(reporters))
        try:
            made = create_update(
                db,
                actor=reporters[unit_id],
                target_id=target.id,
                period=rng.choice(PERIODS),
                value=round(rng.uniform(0, 150), 1),
            )
        except ConflictError:
            return "send: already reported"
        except PermissionDenied:
            return "send: the unit was unassigned"
        submit_update(db, update_id=made.id, actor=reporters[unit_id])
        if rng.random() < 0.6:
            approve_update(db, update_id=made.id, actor=office)
    elif move == "approve":
        waiting = [u for u in updates if u.state == "submitted"]
        if waiting:
            approve_update(db, update_id=rng.choice(waiting).id, actor=office)
    elif move == "return":
        waiting = [u for u in updates if u.state == "submitted"]
        if waiting:
            return_update(db, update_id=rng.choice(waiting).id, reason="Số liệu chưa khớp", actor=office)
    elif move == "correct":
        done = [u for u in updates if u.state == "approved" and u.target_id is not None]
        if done:
            old = rng.choice(done)
            try:
                fix = correct_update(
                    db, update_id=old.id, actor=reporters[old.unit_id], value=round(rng.uniform(0, 150), 1)
                )
            except ConflictError:
                return "correct: a correction is already open"
            except PermissionDenied:
                return "correct: the unit was unassigned"
            submit_update(db, update_id=fix.id, actor=reporters[old.unit_id])
            approve_update(db, update_id=fix.id, actor=office)
    elif move == "edit" and targets:
        target = rng.choice(targets)
        target.value = rng.choice([1.5, 2.0, 50.0, 100.0, 140.0])
        target.comparator = rng.choice(["gte", "lt", "lte", "eq"])
    elif move == "end":
        plan.year_end = rng.choice([2024, 2025])
    elif move == "add":
        indicator = rng.choice(plan.indicators)
        spec = dict(rng.choice(SPECS), metric=f"Mức bổ sung {len(targets)}")
        db.add(Target(plan=plan, indicator=indicator, position=len(indicator.targets), **spec))
    elif move == "remove" and len(targets) > 1:
        db.delete(rng.choice(targets))
    elif move == "share" and targets:
        # The unit that does not lead the target's indicator (it supports it, so it may have reported
        # already): a share moves its figures off the target, taking the share back moves them on again.
        target = rng.choice(targets)
        leads = set(db.scalars(select(Assignment.unit_id).where(
            Assignment.indicator_id == target.indicator_id, Assignment.role == "lead")))
        others = [u for u in reporters if u not in leads]
        kept = [ShareSpec(s.unit_id, s.value, s.value_max) for s in db.scalars(
            select(TargetShare).where(TargetShare.target_id == target.id)) if s.unit_id not in others]
        given = [ShareSpec(u, rng.choice([10.0, 40.0, 80.0])) for u in others if rng.random() < 0.7]
        set_shares(db, target_id=target.id, shares=kept + given, actor=office)
    elif move == "lead":
        # A unit takes the lead of an indicator, leads it no more (support), or is unassigned.
        indicator = rng.choice(plan.indicators)
        unit_id = rng.choice(list(reporters))
        held = db.scalars(select(Assignment).where(Assignment.indicator_id == indicator.id,
                                                   Assignment.unit_id == unit_id)).first()
        if held is not None and rng.random() < 0.4:
            unassign(db, assignment_id=held.id, actor=office)
        else:
            role = "support" if held is not None and held.role == "lead" else "lead"
            assign(db, item_type="indicator", item_id=indicator.id, unit_id=unit_id, role=role, actor=office)
    elif move == "indicator":
        fresh = [i for i in plan.indicators if i.label == "(mới)"]
        if fresh and rng.random() < 0.5:
            remove_indicator(db, indicator_id=fresh[0].id, actor=office)
            db.expire(plan, ["indicators"])
        else:
            made = Indicator(plan=plan, position=20 + len(plan.indicators), label="(mới)",
                             text="Chỉ tiêu bổ sung")
            made.targets.append(Target(plan=plan, position=0, **dict(rng.choice(SPECS))))
            db.add(made)
            db.flush()
            assign(db, item_type="indicator", item_id=made.id, unit_id=rng.choice(list(reporters)),
                   actor=office)
    return move


@pytest.mark.parametrize("seed", range(6))
def test_stored_statuses_equal_judging_from_scratch(db: Session, org: Org, office: User, seed: int) -> None:
    rng = random.Random(seed)
    plan = make_plan(db, targets=[dict(s) for s in SPECS])
    for i, indicator in enumerate(plan.indicators):
        # The cell lies in the commune's subtree; the other unit supports, so both may send figures.
        lead, support = (org.finance, org.cell) if i % 2 == 0 else (org.cell, org.finance)
        assign(db, item_type="indicator", item_id=indicator.id, unit_id=lead.id, actor=office)
        assign(
            db, item_type="indicator", item_id=indicator.id, unit_id=support.id, role="support", actor=office
        )
    # A qualitative indicator (counted as "chưa có số liệu") and a plan of another year (not counted
    # in 2024), both led in the tree, so the stored tally must count exactly what judging counts.
    bare = Indicator(plan=plan, position=9, label="(9)", text="Giữ vững quốc phòng, an ninh")
    db.add(bare)
    later = make_plan(db, title="Kế hoạch năm 2026", year_start=2026, year_end=2026,
                      targets=[dict(SPECS[0], year=2026)])
    db.flush()
    assign(db, item_type="indicator", item_id=bare.id, unit_id=org.cell.id, actor=office)
    # Both units may send figures for any target a step adds to it.
    assign(db, item_type="indicator", item_id=bare.id, unit_id=org.finance.id, role="support", actor=office)
    assign(db, item_type="indicator", item_id=later.indicators[0].id, unit_id=org.finance.id, actor=office)
    _same(db, org)
    for _ in range(30):
        _step(db, rng, org, office, plan)
        _same(db, org, tuple(rng.sample(PERIODS, 3)))  # every period is checked at the end
    _same(db, org)


def test_a_change_of_rules_judges_everything_again(db: Session, org: Org, office: User) -> None:
    """Rows judged by other rules (here: made stale by hand) are rebuilt by the next tally."""
    plan = make_plan(db, targets=[dict(SPECS[0])])
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.finance.id, actor=office)
    made = create_update(db, actor=org.finance_user, target_id=target.id, period="2024", value=120)
    submit_update(db, update_id=made.id, actor=org.finance_user)
    approve_update(db, update_id=made.id, actor=office)
    db.flush()
    before = subtree_tally(db, root_unit_id=org.root.id, period="2024").whole
    assert before.complete == 1  # 120 ≥ 100
    db.execute(update(StoredStatus).values(status="khong_dat"))
    db.execute(update(StoredStatusRules).values(version="rules of an older release"))
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole == before
    assert db.scalar(select(StoredStatusRules.version)) == RULES_VERSION


def test_a_figure_counts_for_the_periods_around_it() -> None:
    assert covering("2024-03") == ("2024", "2024-H1", "2024-Q1", "2024-03")
    assert covering("2024-Q3") == ("2024", "2024-H2", "2024-Q3")
    assert covering("2024") == ("2024",)


def test_a_running_period_is_judged_again_on_a_later_day(db: Session, org: Org, office: User) -> None:
    """This year is still running: its rows hold for the day they were judged on, no longer."""
    year = dt.date.today().year
    plan = make_plan(db, year_start=year, year_end=year, targets=[dict(SPECS[0], year=year)])
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.finance.id, actor=office)
    made = create_update(db, actor=org.finance_user, target_id=target.id, period=str(year), value=60)
    submit_update(db, update_id=made.id, actor=org.finance_user)
    approve_update(db, update_id=made.id, actor=office)
    db.flush()
    today = subtree_tally(db, root_unit_id=org.root.id, period=str(year)).whole
    yesterday = dt.date.today() - dt.timedelta(days=1)
    db.execute(update(StoredStatus).values(status="vuot", judged_on=yesterday))  # yesterday's verdict
    assert subtree_tally(db, root_unit_id=org.root.id, period=str(year)).whole == today
    assert (
        db.scalar(select(StoredStatus.judged_on).where(StoredStatus.period == str(year))) == dt.date.today()
    )
