"""A plan carried out below: `parent_plan_id` links a district's and a commune's plans to the province's,
and the roll-up of the province's plan counts them with it (and no unrelated plan)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, NotFoundError, PermissionDenied
from nghiquyet.plans.models import Plan
from nghiquyet.plans.schemas import PlanUpdate
from nghiquyet.plans.service import plan_family, update_plan
from nghiquyet.tracking.levels import level_tally
from nghiquyet.tracking.rollup import judged_subtree_tally, subtree_tally
from nghiquyet.tracking.service import assign
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import approved

REVENUE = {"metric": "Thu ngân sách", "comparator": "gte", "value": 100.0, "unit": "tỷ đồng", "year": 2024}


def _plans(db: Session, org: Org, office: User) -> tuple[Plan, Plan, Plan, Plan]:
    """Province (led by finance), its commune's plan, the cell's plan under that, and an unrelated one."""
    province = make_plan(db, title="Nghị quyết của Tỉnh ủy", targets=[dict(REVENUE)])
    commune = make_plan(db, title="Nghị quyết của Đảng ủy xã", targets=[dict(REVENUE, value=10.0)])
    cell = make_plan(db, title="Nghị quyết của Chi bộ", targets=[dict(REVENUE, value=2.0)])
    other = make_plan(db, title="Kế hoạch chuyên đề", targets=[dict(REVENUE, value=5.0)])
    for plan, unit in ((province, org.finance), (commune, org.commune), (cell, org.cell), (other, org.cell)):
        assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=unit.id, actor=office)
    update_plan(db, plan_id=commune.id, changes=PlanUpdate(parent_plan_id=province.id), actor=office)
    update_plan(db, plan_id=cell.id, changes=PlanUpdate(parent_plan_id=commune.id), actor=office)
    return province, commune, cell, other


def test_the_family_reaches_every_level_below(db: Session, org: Org, office: User) -> None:
    province, commune, cell, other = _plans(db, org, office)
    assert plan_family(db, plan_id=province.id) == sorted([province.id, commune.id, cell.id])
    assert plan_family(db, plan_id=commune.id) == sorted([commune.id, cell.id])
    assert plan_family(db, plan_id=other.id) == [other.id]


def test_the_roll_up_of_a_plan_counts_its_family_only(db: Session, org: Org, office: User) -> None:
    province, commune, cell, _ = _plans(db, org, office)
    approved(db, target=cell.indicators[0].targets[0], period="2024", value=2.0, reporter=org.cell_user,
             office=office)
    db.flush()
    for tally in (subtree_tally, judged_subtree_tally):
        everything = tally(db, root_unit_id=org.root.id, period="2024")
        family = tally(db, root_unit_id=org.root.id, period="2024", plan_id=province.id)
        below = tally(db, root_unit_id=org.root.id, period="2024", plan_id=commune.id)
        assert (everything.whole.total, family.whole.total, below.whole.total) == (4, 3, 2)
        assert (family.plans, family.whole.complete) == (3, 1)
        assert set(family.by_unit) == {org.finance.id, org.commune.id, org.cell.id}
    level = level_tally(db, unit_id=org.root.id, period="2024", actor=office, plan_id=commune.id)
    assert {row.unit.id: row.tally.total for row in level.children if row.tally.total} == {org.commune.id: 2}


def test_no_plan_carries_out_itself_or_a_plan_below_it(db: Session, org: Org, office: User) -> None:
    province, commune, cell, _ = _plans(db, org, office)
    for parent in (province.id, cell.id):
        with pytest.raises(ConflictError):
            update_plan(db, plan_id=province.id, changes=PlanUpdate(parent_plan_id=parent), actor=office)
    with pytest.raises(NotFoundError):
        update_plan(db, plan_id=province.id, changes=PlanUpdate(parent_plan_id=999_999), actor=office)
    with pytest.raises(PermissionDenied):
        update_plan(db, plan_id=cell.id, changes=PlanUpdate(parent_plan_id=None), actor=org.cell_user)
    update_plan(db, plan_id=cell.id, changes=PlanUpdate(parent_plan_id=None), actor=office)  # unlinked
    assert plan_family(db, plan_id=province.id) == sorted([province.id, commune.id])
