"""A province's roll-up: every indicator led by a unit of a subtree, across plans, judged for a period."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.tracking.rollup import subtree_tally
from nghiquyet.tracking.service import assign
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import approved, commune_and_finance_plans


def test_subtree_counts_only_units_below_the_root(db: Session, org: Org, office: User) -> None:
    commune_and_finance_plans(db, org, office)

    commune = subtree_tally(db, root_unit_id=org.commune.id, period="2024")
    assert (commune.whole.total, commune.whole.complete) == (2, 1)
    assert commune.whole.by_status.get("vuot", 0) + commune.whole.by_status.get("dat", 0) == 1
    assert commune.whole.by_status["khong_dat"] == 1
    assert set(commune.by_unit) == {org.commune.id, org.cell.id}
    assert commune.plans == 1

    province = subtree_tally(db, root_unit_id=org.root.id, period="2024")
    assert province.whole.total == 4 and province.plans == 2
    assert province.by_unit[org.finance.id].by_status["chua_co_so_lieu"] == 2


def test_subtree_uses_the_latest_quarter_inside_the_year(db: Session, org: Org, office: User) -> None:
    plan = make_plan(db, targets=[{"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0,
                                   "unit": "tỷ đồng", "year": 2024}])
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.finance.id, actor=office)
    approved(db, target=target, period="2024-Q1", value=10, reporter=org.finance_user, office=office)
    approved(db, target=target, period="2024-Q4", value=101, reporter=org.finance_user, office=office)
    result = subtree_tally(db, root_unit_id=org.root.id, period="2024")
    assert result.whole.complete == 1


def test_subtree_rejects_unknown_unit_and_bad_period(db: Session, org: Org) -> None:
    with pytest.raises(NotFoundError):
        subtree_tally(db, root_unit_id=999_999, period="2024")
    with pytest.raises(InputError):
        subtree_tally(db, root_unit_id=org.root.id, period="quý 5")
