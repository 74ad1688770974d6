"""The reminder calendar and the reporting rates read every plan's reporting cadence in one query.

Each plan's document (where the cadence is written) was loaded one query at a time: a calendar of
40 plans cost 40 statements more than one of a single plan. Counted on SQLite and PostgreSQL for
3 and for 12 plans of the same shape; the counts must be equal.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from nghiquyet.documents.models import Document
from nghiquyet.reminders.rates import unit_rates
from nghiquyet.reminders.service import calendar
from nghiquyet.tracking.models import Assignment
from tests.factories import make_plan, make_unit

TODAY = dt.date(2024, 8, 1)


def _plans(db: Session, count: int) -> None:
    unit = make_unit(db, name="Sở Thử", kind="so")
    for i in range(count):
        document = Document(filename=f"ke-hoach-{i}.txt", sha256=f"{i:064d}", size=1, kind="txt",
                            stored_path=f"x/{i}", extraction={"reporting": {"cadence": ["quarter"]}})
        db.add(document)
        plan = make_plan(db, title=f"Kế hoạch {i}")
        plan.document = document
        db.flush()
        for indicator in plan.indicators:
            db.add(Assignment(plan_id=plan.id, item_type="indicator", indicator_id=indicator.id,
                              unit_id=unit.id, role="lead"))
    db.flush()
    db.expire_all()  # read as a new request reads: nothing already in the session


def _statements(db: Session, count: int) -> tuple[int, int, int]:
    _plans(db, count)
    engine: Engine = db.get_bind()  # type: ignore[assignment]
    seen = [0]

    def counted(*_: object) -> None:
        seen[0] += 1

    event.listen(engine, "before_cursor_execute", counted)
    try:
        entries = calendar(db, today=TODAY)
        after_calendar = seen[0]
        db.expire_all()
        rates = unit_rates(db, period="2024", today=TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", counted)
    # Not vacuous: two targets × four quarters per plan, owed by the one unit (two quarters due by now).
    assert len(entries) == 8 * count
    assert sum(r.expected for r in rates.values()) == 4 * count
    return after_calendar, seen[0] - after_calendar, len(entries)


def test_calendar_and_rates_cost_the_same_statements_for_3_or_12_plans(db: Session) -> None:
    short = _statements(db, 3)
    db.rollback()
    long = _statements(db, 12)
    print(f"calendar, rates statements for 3 vs 12 plans: {short[:2]} vs {long[:2]}")
    assert long[:2] == short[:2], (short, long)
