"""A target broken down to the units below: each unit's share, judged as its target is, by its own figure.

The province's "thu ngân sách ≥ 100 tỷ đồng" led by Sở Tài chính; the commune must reach 30 of it and
the commune's cell 12. The year 2024 is over, so the statuses are final (vượt / đạt / không đạt).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, InputError, PermissionDenied
from nghiquyet.plans.models import Plan, Target
from nghiquyet.tracking.levels import level_tally
from nghiquyet.tracking.rollup import judged_subtree_tally, subtree_tally
from nghiquyet.tracking.service import assign, create_update, plan_status
from nghiquyet.tracking.shares import ShareSpec, ShareStatus, set_shares, share_statuses
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import approved

REVENUE = {"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0, "unit": "tỷ đồng", "year": 2024}
AFTER = dt.date(2025, 3, 1)


def _province_target(db: Session, org: Org, office: User) -> tuple[Plan, Target]:
    plan = make_plan(db, targets=[dict(REVENUE)])
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.finance.id, actor=office)
    set_shares(db, target_id=target.id, actor=office,
               shares=[ShareSpec(org.commune.id, 30.0), ShareSpec(org.cell.id, 12.0, note="Thôn 1")])
    return plan, target


def _by_unit(db: Session, target_id: int, actor: User | None = None) -> dict[int, ShareStatus]:
    return {s.unit_id: s for s in share_statuses(db, period="2024", target_ids=[target_id], as_of=AFTER,
                                                  actor=actor)}


def test_each_share_is_judged_against_its_own_value(db: Session, org: Org, office: User) -> None:
    _, target = _province_target(db, org, office)
    approved(db, target=target, period="2024", value=30.5, reporter=org.commune_user, office=office)
    approved(db, target=target, period="2024", value=9.0, reporter=org.cell_user, office=office)
    shares = _by_unit(db, target.id)
    assert shares[org.commune.id].status == "dat"  # 30,5 ≥ 30, within the 2 % margin of exceeding
    assert shares[org.commune.id].actual == 30.5
    assert shares[org.cell.id].status == "khong_dat"  # 9 < 12
    assert shares[org.cell.id].note == "Thôn 1"


def test_a_share_without_a_figure_has_no_data(db: Session, org: Org, office: User) -> None:
    _, target = _province_target(db, org, office)
    assert {s.status for s in _by_unit(db, target.id).values()} == {"chua_co_so_lieu"}


def test_a_quarter_stands_for_the_year_as_for_the_target(db: Session, org: Org, office: User) -> None:
    _, target = _province_target(db, org, office)
    approved(db, target=target, period="2024-Q2", value=40.0, reporter=org.commune_user, office=office)
    approved(db, target=target, period="2024-Q4", value=20.0, reporter=org.commune_user, office=office)
    commune = _by_unit(db, target.id)[org.commune.id]
    assert (commune.actual, commune.actual_period, commune.status) == (20.0, "2024-Q4", "khong_dat")


def test_a_share_figure_never_stands_for_the_target(db: Session, org: Org, office: User) -> None:
    plan, target = _province_target(db, org, office)
    approved(db, target=target, period="2024", value=150.0, reporter=org.commune_user, office=office)
    db.flush()
    judged = plan_status(db, plan_id=plan.id, period="2024", as_of=AFTER)
    assert judged.indicators[0].status == "chua_co_so_lieu"
    for tally in (subtree_tally(db, root_unit_id=org.root.id, period="2024"),
                  judged_subtree_tally(db, root_unit_id=org.root.id, period="2024")):
        assert tally.whole.complete == 0
    approved(db, target=target, period="2024", value=101.0, reporter=org.finance_user, office=office)
    db.flush()
    assert plan_status(db, plan_id=plan.id, period="2024", as_of=AFTER).indicators[0].status == "dat"
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 1


def test_giving_a_share_later_moves_the_units_figure_off_the_target(db: Session, org: Org,
                                                                     office: User) -> None:
    plan = make_plan(db, targets=[dict(REVENUE)])
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.finance.id, actor=office)
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.health.id, role="support",
           actor=office)
    approved(db, target=target, period="2024", value=120.0, reporter=org.health_user, office=office)
    db.flush()
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 1
    set_shares(db, target_id=target.id, shares=[ShareSpec(org.health.id, 20.0)], actor=office)
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 0
    set_shares(db, target_id=target.id, shares=[], actor=office)  # and back again
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 1


def test_a_share_lets_its_unit_report_the_target(db: Session, org: Org, office: User) -> None:
    _, target = _province_target(db, org, office)
    made = create_update(db, actor=org.cell_user, target_id=target.id, period="2024-Q1", value=3.0)
    assert made.unit_id == org.cell.id
    with pytest.raises(PermissionDenied):
        create_update(db, actor=org.health_user, target_id=target.id, period="2024-Q1", value=3.0)


def test_the_lead_unit_gets_no_share_and_a_unit_one_share(db: Session, org: Org, office: User) -> None:
    _, target = _province_target(db, org, office)
    with pytest.raises(ConflictError):
        set_shares(db, target_id=target.id, shares=[ShareSpec(org.finance.id, 50.0)], actor=office)
    with pytest.raises(InputError):
        set_shares(db, target_id=target.id, actor=office,
                   shares=[ShareSpec(org.health.id, 5.0), ShareSpec(org.health.id, 6.0)])
    with pytest.raises(PermissionDenied):
        set_shares(db, target_id=target.id, shares=[], actor=org.commune_user)


def test_a_unit_reads_its_own_subtrees_share_figures_only(db: Session, org: Org, office: User) -> None:
    _, target = _province_target(db, org, office)
    approved(db, target=target, period="2024", value=30.5, reporter=org.commune_user, office=office)
    approved(db, target=target, period="2024", value=9.0, reporter=org.cell_user, office=office)
    seen_by_cell = _by_unit(db, target.id, actor=org.cell_user)
    assert seen_by_cell[org.cell.id].actual == 9.0
    assert seen_by_cell[org.commune.id].actual is None  # the level above: its judgement only
    assert seen_by_cell[org.commune.id].status == "dat"
    seen_by_commune = _by_unit(db, target.id, actor=org.commune_user)
    assert seen_by_commune[org.cell.id].actual == 9.0


def test_each_level_row_counts_the_shares_its_units_hold(db: Session, org: Org, office: User) -> None:
    """The commune's row counts its own share and its cell's, judged from the stored statuses, apart
    from the indicators led there; the target itself stays its lead's, once."""
    _, target = _province_target(db, org, office)
    approved(db, target=target, period="2024", value=31.0, reporter=org.commune_user, office=office)
    approved(db, target=target, period="2024", value=5.0, reporter=org.cell_user, office=office)
    db.flush()
    stored = subtree_tally(db, root_unit_id=org.root.id, period="2024")
    assert stored.shares_by_unit == judged_subtree_tally(db, root_unit_id=org.root.id,
                                                         period="2024").shares_by_unit
    assert stored.shares_by_unit[org.commune.id].complete == 1
    assert stored.shares_by_unit[org.cell.id].by_status["khong_dat"] == 1
    level = level_tally(db, unit_id=org.root.id, period="2024", actor=office)
    commune = next(row for row in level.children if row.unit.id == org.commune.id)
    assert (commune.shares.complete, commune.shares.total) == (1, 2)
    assert (level.shares.total, level.whole.total) == (2, 1)
    finance = next(row for row in level.children if row.unit.id == org.finance.id)
    assert (finance.tally.total, finance.shares.total) == (1, 0)
    as_json = {c["unit"]["id"]: c["shares"] for c in level.to_dict()["children"]}
    assert (as_json[org.commune.id]["complete"], as_json[org.commune.id]["total"]) == (1, 2)
