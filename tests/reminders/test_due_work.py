"""The overdue and due-soon list (reminders/due.py) on the real database: what counts as late or soon,
one line per item and unit with the periods it owes, a unit's own only."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Task
from nghiquyet.reminders.due import due_work
from nghiquyet.reminders.service import ensure_defaults
from nghiquyet.tracking.assignments import assign
from nghiquyet.units.models import Unit
from tests.factories import make_plan, make_unit, make_user

TODAY = dt.date(2026, 5, 20)


def _world(db: Session) -> tuple[User, Unit, User, int]:
    office = make_user(db, role="office")
    unit, other = make_unit(db, name="Sở A"), make_unit(db, name="Sở B")
    plan = make_plan(db, year_start=2025, year_end=2026, targets=[
        {"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0, "unit": "tỷ đồng", "year": 2026}],
        tasks=[{"label": "1", "title": "Việc trễ", "text": "Việc trễ",
                "deadline": TODAY - dt.timedelta(days=4)},
               {"label": "2.", "title": "Việc sắp tới", "text": "Việc sắp tới",
                "deadline": TODAY + dt.timedelta(days=2)},
               {"label": "3", "title": "Việc còn xa", "text": "Việc còn xa",
                "deadline": TODAY + dt.timedelta(days=60)},
               {"label": "4", "title": "Việc của sở B", "text": "Việc của sở B",
                "deadline": TODAY - dt.timedelta(days=1)}])
    ensure_defaults(db)  # the "before" rule: 7 days
    tasks: list[Task] = list(plan.tasks)
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=unit.id, actor=office)
    for task in tasks[:3]:
        assign(db, item_type="task", item_id=task.id, unit_id=unit.id, actor=office)
    assign(db, item_type="task", item_id=tasks[3].id, unit_id=other.id, actor=office)
    return office, unit, make_user(db, role="unit", unit=unit), plan.id


def test_late_and_soon_for_the_office_and_for_a_unit(db: Session) -> None:
    office, _unit, reporter, plan_id = _world(db)
    seen = due_work(db, actor=office, today=TODAY, plan_id=plan_id)
    late = {(i.kind, i.title): i for i in seen.overdue}
    assert late[("task", "1. Việc trễ")].days == 4
    assert late[("task", "4. Việc của sở B")].unit_name == "Sở B"
    # The 2025 yearly report of the indicator was due on 15/01/2026: one line, the periods owed.
    report = late[("report", "(1) Thu ngân sách")]
    assert report.periods == ["Năm 2025"] and report.due == dt.date(2026, 1, 15) and report.days == 125
    assert report.report_href == f"/viec-cua-toi?plan={plan_id}&period=2025"
    assert [(i.kind, i.title, i.days) for i in seen.soon] == [("task", "2. Việc sắp tới", 2)]
    assert seen.horizon == 7
    # A task late on its deadline is not listed again for its period reports.
    assert ("report", "1. Việc trễ") not in late

    own = due_work(db, actor=reporter, today=TODAY)
    assert {i.title for i in own.overdue} >= {"1. Việc trễ", "(1) Thu ngân sách"}
    assert all(i.unit_name == "Sở A" for i in own.overdue + own.soon)


def test_a_unit_account_without_a_unit_owes_nothing(db: Session) -> None:
    _world(db)
    lost = make_user(db, role="unit")
    seen = due_work(db, actor=lost, today=TODAY)
    assert seen.overdue == [] and seen.soon == []
