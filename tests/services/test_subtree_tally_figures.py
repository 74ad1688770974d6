"""Which figure the province roll-up uses: the same one `plan_status` uses, whichever query finds it."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.tracking import rollup
from nghiquyet.tracking.rollup import subtree_tally
from nghiquyet.tracking.service import approve_update, assign, correct_update, plan_status, submit_update
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import approved

GTE_100 = {"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0, "unit": "tỷ đồng", "year": 2024}


def _plan_with_mixed_figures(db: Session, org: Org, office: User) -> int:
    """Four revenue targets: the year's own figure; only quarters; a half and a quarter; nothing."""
    plan = make_plan(db, targets=[dict(GTE_100) for _ in range(4)])
    own, quarters, half, nothing = (ind.targets[0] for ind in plan.indicators)
    for ind in plan.indicators:
        assign(db, item_type="indicator", item_id=ind.id, unit_id=org.finance.id, actor=office)
    for target, period, value in (
        (own, "2024-Q4", 150), (own, "2024", 90),  # the year's own figure stands: khong_dat
        (quarters, "2024-Q1", 30), (quarters, "2024-Q4", 104),  # Q4 ends last: vuot
        (half, "2024-H2", 99), (half, "2024-Q3", 120),  # H2 ends last: khong_dat
    ):
        approved(db, target=target, period=period, value=value, reporter=org.finance_user, office=office)
    assert nothing is not None
    return plan.id


@pytest.mark.parametrize("in_list_limit", [rollup.IN_LIST_LIMIT, 0])
def test_roll_up_takes_the_figures_plan_status_takes(
    db: Session, org: Org, office: User, monkeypatch: pytest.MonkeyPatch, in_list_limit: int
) -> None:
    monkeypatch.setattr(rollup, "IN_LIST_LIMIT", in_list_limit)  # 0: the sub-query form of the 2nd query
    plan_id = _plan_with_mixed_figures(db, org, office)
    for period in ("2024", "2024-H2", "2024-Q4", "2024-Q1"):
        expected = plan_status(db, plan_id=plan_id, period=period).by_unit[org.finance.id]
        result = subtree_tally(db, root_unit_id=org.root.id, period=period)
        assert result.by_unit[org.finance.id] == expected, period
        assert result.whole == expected
    year = subtree_tally(db, root_unit_id=org.root.id, period="2024").whole
    counts = year.by_status
    assert (year.total, counts["vuot"], counts["khong_dat"], counts["chua_co_so_lieu"]) == (4, 1, 2, 1)


def test_a_correction_replaces_the_figure_and_is_counted_once(db: Session, org: Org, office: User) -> None:
    plan = make_plan(db, targets=[dict(GTE_100)])
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.finance.id, actor=office)
    first = approved(db, target=target, period="2024", value=120, reporter=org.finance_user, office=office)
    fix = correct_update(db, update_id=first.id, actor=org.finance_user, value=90)
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 1  # draft: ignored
    submit_update(db, update_id=fix.id, actor=org.finance_user)
    approve_update(db, update_id=fix.id, actor=office)
    result = subtree_tally(db, root_unit_id=org.root.id, period="2024")
    assert (result.whole.total, result.whole.by_status["khong_dat"]) == (1, 1)
    assert result.whole == plan_status(db, plan_id=plan.id, period="2024").by_unit[org.finance.id]


def test_a_sibling_subtree_with_a_longer_path_is_left_out(db: Session, org: Org, office: User) -> None:
    # Paths "/1/2/" and "/1/20/" share a text prefix up to "/1/2": only the "/" closes a subtree.
    plan = make_plan(db, targets=[dict(GTE_100), dict(GTE_100)])
    first, second = (ind.targets[0] for ind in plan.indicators)
    assign(db, item_type="indicator", item_id=first.indicator_id, unit_id=org.commune.id, actor=office)
    assign(db, item_type="indicator", item_id=second.indicator_id, unit_id=org.health.id, actor=office)
    assert subtree_tally(db, root_unit_id=org.commune.id, period="2024").whole.total == 1
    assert subtree_tally(db, root_unit_id=org.health.id, period="2024").whole.total == 1
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.total == 2
