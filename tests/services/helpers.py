"""Small helpers shared by the tracking tests."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Plan, Target
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.service import approve_update, assign, create_update, submit_update
from tests.factories import make_plan
from tests.services.conftest import Org


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


def commune_and_finance_plans(db: Session, org: Org, office: User) -> tuple[Target, Target]:
    """Two plans over `org`: the commune's (revenue led by its cell, poverty by the commune itself,
    both approved for 2024: 120 ≥ 100 reached, 2,5 < 2 missed) and finance's (two targets, no figure).
    Returns the commune plan's (revenue, poverty) targets."""
    commune_plan = make_plan(db, title="Nghị quyết Đảng ủy xã")  # thu ngân sách ≥ 100; hộ nghèo < 2%
    finance_plan = make_plan(db, title="Kế hoạch Sở Tài chính")
    revenue, poverty = (ind.targets[0] for ind in commune_plan.indicators)
    assign(db, item_type="indicator", item_id=revenue.indicator_id, unit_id=org.cell.id, actor=office)
    assign(db, item_type="indicator", item_id=poverty.indicator_id, unit_id=org.commune.id, actor=office)
    for indicator in finance_plan.indicators:
        assign(db, item_type="indicator", item_id=indicator.id, unit_id=org.finance.id, actor=office)
    approved(db, target=revenue, period="2024", value=120, reporter=org.cell_user, office=office)
    approved(db, target=poverty, period="2024", value=2.5, reporter=org.commune_user, office=office)
    return revenue, poverty
