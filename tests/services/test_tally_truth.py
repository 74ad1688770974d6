"""A unit's level tally counts what the plan's own tally counts (issue 10 point 1: one truth for tallies).

The plan's tally counts every indicator, a qualitative one (no numeric target) as "chưa có số liệu",
so its total matches the document; the roll-up behind the level pages left such indicators out, so
the same unit led 3 indicators on the plan's dashboard and 2 on its level page.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Indicator
from nghiquyet.tracking.rollup import subtree_tally
from nghiquyet.tracking.service import assign, plan_status
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import approved

DAY = dt.date(2025, 1, 15)


def test_level_tally_counts_a_qualitative_indicator_as_the_plan_does(db: Session, org: Org,
                                                                    office: User) -> None:
    plan = make_plan(db)  # thu ngân sách ≥ 100 tỷ đồng; hộ nghèo < 2%
    plan.indicators.append(Indicator(position=2, label="(3)", group="xay_dung_dang", line=3,
                                     text="Nâng cao chất lượng sinh hoạt chi bộ"))
    db.flush()
    for indicator in plan.indicators:
        assign(db, item_type="indicator", item_id=indicator.id, unit_id=org.finance.id, actor=office)
    approved(db, target=plan.indicators[0].targets[0], period="2024", value=120, reporter=office,
             office=office, unit_id=org.finance.id)

    own = plan_status(db, plan_id=plan.id, period="2024", as_of=DAY).by_unit[org.finance.id]
    assert (own.total, own.complete, own.by_status["chua_co_so_lieu"]) == (3, 1, 2)
    rolled = subtree_tally(db, root_unit_id=org.root.id, period="2024", as_of=DAY)
    assert rolled.by_unit[org.finance.id] == own
    assert rolled.whole == own and rolled.plans == 1


def test_level_tally_of_a_year_leaves_out_plans_of_other_years(db: Session, org: Org, office: User) -> None:
    # The 2024 level page counted a 2026 plan's indicators as "chưa có số liệu"; no 2024 dashboard does.
    this_year = make_plan(db, title="Nghị quyết năm 2024")
    later = make_plan(db, title="Nghị quyết năm 2026", year_start=2026, year_end=2026)
    for indicator in [*this_year.indicators, *later.indicators]:
        assign(db, item_type="indicator", item_id=indicator.id, unit_id=org.finance.id, actor=office)
    rolled = subtree_tally(db, root_unit_id=org.root.id, period="2024", as_of=DAY)
    assert rolled.by_unit[org.finance.id] == plan_status(db, plan_id=this_year.id, period="2024",
                                                          as_of=DAY).by_unit[org.finance.id]
    assert (rolled.whole.total, rolled.plans) == (2, 1)
    assert subtree_tally(db, root_unit_id=org.root.id, period="2026-Q1", as_of=DAY).whole.total == 2
