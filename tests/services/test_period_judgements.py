"""The charts' quarters and year judged from one read of the figures give what judging the whole plan
once per period gives (`plan_status_for`), figures withheld from a unit account alike."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Target
from nghiquyet.status import Period
from nghiquyet.tracking.period_judgements import judge_periods
from nghiquyet.tracking.visibility import figure_units, plan_status_for
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import approved

PERIODS = [*(Period.of(2024, "quarter", i) for i in range(1, 5)), Period.of(2024, "year")]


def _plan(db: Session, org: Org, office: User) -> list[int]:
    plan = make_plan(db, targets=[
        {"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0, "unit": "tỷ đồng", "year": 2024},
        {"metric": "Tỷ lệ hộ nghèo", "comparator": "lt", "value": 2.0, "unit": "%", "year": 2024},
        {"metric": "Tỷ lệ che phủ rừng", "comparator": "range", "value": 50.0, "value_max": 55.0,
         "unit": "%", "year": 2024},
        {"metric": "Số xã nông thôn mới", "comparator": "gte", "value": 12.0, "unit": "xã", "year": 2024},
    ])
    revenue, poverty, forest, _none = (ind.targets[0] for ind in plan.indicators)
    # Figures of months, quarters, a half and the year, by two units, one corrected by a later figure.
    for target, period, value, unit in (
            (revenue, "2024-Q1", 20, org.finance), (revenue, "2024-H1", 45, org.finance),
            (revenue, "2024-Q3", 80, org.commune), (revenue, "2024", 104, org.finance),
            (poverty, "2024-03", 2.4, org.commune), (poverty, "2024-Q2", 2.1, org.commune),
            (poverty, "2024-Q2", 1.9, org.finance), (forest, "2024-Q4", 56.0, org.commune)):
        approved(db, target=target, period=period, value=value, reporter=office, office=office,
                 unit_id=unit.id)
    return [t.id for ind in plan.indicators for t in ind.targets]


def test_every_period_is_judged_as_plan_status_judges_it(db: Session, org: Org, office: User) -> None:
    ids = _plan(db, org, office)
    plan_id = db.get_one(Target, ids[0]).plan_id
    for reader in (office, org.commune_user):
        for day in (dt.date(2024, 5, 10), dt.date(2024, 10, 1), dt.date(2025, 2, 1)):
            quick = judge_periods(db, plan_id=plan_id, target_ids=ids, periods=PERIODS, as_of=day,
                                  figure_units=figure_units(db, reader))
            for period in PERIODS:
                judged = plan_status_for(db, actor=reader, plan_id=plan_id, period=period.code, as_of=day)
                for t in (t for i in judged.indicators for t in i.targets):
                    got = quick[(t.id, period.code)]
                    assert (got.actual, got.expected, got.status) == (t.actual, t.expected, t.status), (
                        reader.username, day, period.code, t.metric)
    # Not vacuous: figures shown, one withheld from the commune, statuses of several kinds.
    year = judge_periods(db, plan_id=plan_id, target_ids=ids, periods=PERIODS, as_of=dt.date(2025, 2, 1),
                         figure_units=figure_units(db, org.commune_user))
    assert year[(ids[0], "2024")].actual is None and year[(ids[0], "2024-Q3")].actual == 80
    assert len({j.status for j in year.values()}) >= 3


def test_two_statements_whatever_the_periods(db: Session, org: Org, office: User) -> None:
    ids = _plan(db, org, office)
    plan_id = db.get_one(Target, ids[0]).plan_id
    seen: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(statement)

    engine = db.get_bind()
    counts = []
    for periods in (PERIODS[:1], PERIODS):
        seen.clear()
        event.listen(engine, "before_cursor_execute", count)
        try:
            judge_periods(db, plan_id=plan_id, target_ids=ids, periods=periods, as_of=dt.date(2024, 10, 1))
        finally:
            event.remove(engine, "before_cursor_execute", count)
        counts.append(len(seen))
    assert counts == [2, 2], seen
