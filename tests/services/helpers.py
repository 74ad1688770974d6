"""Small helpers shared by the tracking tests."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Plan, Target
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.service import approve_update, create_update, submit_update


def approved(
    db: Session,
    *,
    target: Target,
    period: str,
    value: float,
    reporter: User,
    office: User,
    unit_id: int | None = None,
) -> Update:
    """Create, submit and approve one figure."""
    update = create_update(
        db, actor=reporter, target_id=target.id, period=period, value=value, unit_id=unit_id
    )
    submit_update(db, update_id=update.id, actor=reporter)
    return approve_update(db, update_id=update.id, actor=office)


def first_target(plan: Plan) -> Target:
    return plan.indicators[0].targets[0]
