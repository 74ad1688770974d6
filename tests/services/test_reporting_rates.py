"""Reporting rates: owed reports counted on time, late, missing or not yet due, per unit and level."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import PermissionDenied
from nghiquyet.reminders.rates import level_rates, outcome, unit_rates
from nghiquyet.tracking.service import assign, create_update, submit_update
from tests.factories import make_plan
from tests.services.conftest import Org

DUE = dt.date(2025, 1, 15)  # a yearly report for 2024, due on the 15th of the next month


def test_outcome_of_one_owed_report() -> None:
    assert outcome(due=DUE, today=dt.date(2025, 3, 1), first_sent=dt.date(2025, 1, 15)) == "on_time"
    assert outcome(due=DUE, today=dt.date(2025, 3, 1), first_sent=dt.date(2025, 1, 16)) == "late"
    assert outcome(due=DUE, today=dt.date(2025, 1, 16), first_sent=None) == "missing"
    assert outcome(due=DUE, today=DUE, first_sent=None) == "not_due"  # the due day itself is still in time


def _owed(db: Session, org: Org, office: User) -> None:
    """The commune owes two yearly reports for 2024 (revenue by its cell, poverty by itself); finance two."""
    commune_plan = make_plan(db, title="Nghị quyết Đảng ủy xã", year_start=2024, year_end=2024)
    finance_plan = make_plan(db, title="Kế hoạch Sở Tài chính", year_start=2024, year_end=2024)
    revenue, poverty = (ind.targets[0] for ind in commune_plan.indicators)
    assign(db, item_type="indicator", item_id=revenue.indicator_id, unit_id=org.cell.id, actor=office)
    assign(db, item_type="indicator", item_id=poverty.indicator_id, unit_id=org.commune.id, actor=office)
    for indicator in finance_plan.indicators:
        assign(db, item_type="indicator", item_id=indicator.id, unit_id=org.finance.id, actor=office)
    on_time = create_update(db, actor=org.cell_user, target_id=revenue.id, period="2024", value=120)
    submit_update(db, update_id=on_time.id, actor=org.cell_user)
    on_time.submitted_at = dt.datetime(2025, 1, 10, 9, tzinfo=dt.UTC)
    late = create_update(db, actor=org.finance_user, target_id=finance_plan.indicators[0].targets[0].id,
                         period="2024", value=1)
    submit_update(db, update_id=late.id, actor=org.finance_user)
    late.submitted_at = dt.datetime(2025, 2, 2, 9, tzinfo=dt.UTC)
    db.flush()


def test_rates_per_unit_and_rolled_up_worst_first(db: Session, org: Org, office: User) -> None:
    _owed(db, org, office)
    today = dt.date(2025, 3, 1)
    per_unit = unit_rates(db, period="2024", today=today)
    assert (per_unit[org.cell.id].on_time, per_unit[org.commune.id].missing) == (1, 1)
    assert (per_unit[org.finance.id].late, per_unit[org.finance.id].missing) == (1, 1)

    level = level_rates(db, unit_id=org.root.id, period="2024", actor=office, today=today)
    assert level.whole.to_dict() == {"expected": 4, "received": 2, "on_time": 1, "late": 1, "missing": 2,
                                     "not_due": 0}
    rows = {r.name: r.rate for r in level.children}
    assert (rows["Đảng ủy xã Lạc Dương"].on_time, rows["Đảng ủy xã Lạc Dương"].missing) == (1, 1)
    # Finance (0 of 2 on time) before the commune (1 of 2); health owes nothing and goes last.
    assert [r.name for r in level.children] == ["Sở Tài chính", "Đảng ủy xã Lạc Dương", "Sở Y tế"]

    before_due = level_rates(db, unit_id=org.root.id, period="2024", actor=office, today=dt.date(2025, 1, 5))
    assert before_due.whole.not_due == 2 and before_due.whole.missing == 0  # two sent early, two not due
    assert level_rates(db, unit_id=None, period="2024", actor=office, today=today).whole.expected == 4


def test_a_unit_reads_the_rates_of_its_own_subtree_only(db: Session, org: Org, office: User) -> None:
    _owed(db, org, office)
    own = level_rates(db, unit_id=None, period="2024", actor=org.commune_user, today=dt.date(2025, 3, 1))
    assert own.unit_id == org.commune.id and own.whole.expected == 2
    with pytest.raises(PermissionDenied):
        level_rates(db, unit_id=org.root.id, period="2024", actor=org.commune_user, today=dt.date(2025, 3, 1))
