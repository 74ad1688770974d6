"""Overdue tasks: past the (assignment's or task's) deadline and not reported done."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.tracking.service import (
    approve_update,
    assign,
    create_update,
    overdue_tasks,
    submit_update,
)
from tests.factories import make_plan
from tests.services.conftest import Org

AS_OF = dt.date(2024, 7, 1)


def test_overdue_tasks(db: Session, office: User, org: Org) -> None:
    plan = make_plan(
        db,
        tasks=[
            {"label": "1", "text": "Ban hành đề án", "deadline": dt.date(2024, 3, 31)},
            {"label": "2", "text": "Tổng kết", "deadline": dt.date(2024, 12, 31)},
            {"label": "3", "text": "Chưa giao cho ai", "deadline": dt.date(2024, 5, 31)},
            {"label": "4", "text": "Không có hạn"},
        ],
    )
    t1, t2, t3, t4 = plan.tasks
    assign(db, item_type="task", item_id=t1.id, unit_id=org.finance.id, actor=office)
    assign(db, item_type="task", item_id=t1.id, unit_id=org.health.id, role="support", actor=office)
    # The assignment's own deadline wins over the task's.
    assign(
        db,
        item_type="task",
        item_id=t2.id,
        unit_id=org.finance.id,
        deadline=dt.date(2024, 6, 15),
        actor=office,
    )
    assign(db, item_type="task", item_id=t4.id, unit_id=org.health.id, actor=office)

    rows = overdue_tasks(db, as_of=AS_OF)
    assert [(r.task_id, r.unit_id) for r in rows] == [
        (t1.id, org.finance.id),
        (t1.id, org.health.id),
        (t3.id, None),
        (t2.id, org.finance.id),
    ]
    assert rows[0].days_overdue == 92 and rows[-1].deadline == dt.date(2024, 6, 15)

    done = create_update(db, actor=org.finance_user, task_id=t1.id, period="2024-Q2", progress=100)
    submit_update(db, update_id=done.id, actor=org.finance_user)
    assert len(overdue_tasks(db, as_of=AS_OF)) == 4  # submitted is not yet done
    approve_update(db, update_id=done.id, actor=office)
    rows = overdue_tasks(db, as_of=AS_OF)
    assert (t1.id, org.finance.id) not in [(r.task_id, r.unit_id) for r in rows]

    mine = overdue_tasks(db, as_of=AS_OF, actor=org.health_user)
    assert [(r.task_id, r.unit_id) for r in mine] == [(t1.id, org.health.id)]
    assert overdue_tasks(db, as_of=dt.date(2024, 1, 1)) == []
    assert all(r.plan_id == plan.id for r in overdue_tasks(db, as_of=AS_OF, plan_id=plan.id))
