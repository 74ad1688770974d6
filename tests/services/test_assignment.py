"""Giving indicators and tasks to units; a unit account sees only its own (and its subtree's)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import InputError, NotFoundError, PermissionDenied
from nghiquyet.tracking.service import AssignmentSpec, assign, assign_many, list_assignments, unassign
from tests.factories import make_plan
from tests.services.conftest import Org


def test_assign_one_and_many(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db, tasks=[{"text": "Rà soát quy hoạch", "label": "1"}])
    first, second = plan.indicators
    a = assign(
        db,
        item_type="indicator",
        item_id=first.id,
        unit_id=org.finance.id,
        role="lead",
        deadline=dt.date(2024, 12, 31),
        actor=office,
    )
    assert (a.plan_id, a.item_id, a.role) == (plan.id, first.id, "lead")
    many = assign_many(
        db,
        actor=office,
        items=[
            AssignmentSpec("indicator", second.id, org.health.id, "lead"),
            AssignmentSpec("indicator", second.id, org.finance.id, "support"),
            AssignmentSpec("task", plan.tasks[0].id, org.cell.id, "lead", dt.date(2024, 6, 30)),
        ],
    )
    assert len(many) == 3
    assert len(list_assignments(db, actor=office, plan_id=plan.id)) == 4


def test_assigning_again_changes_the_assignment(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    item = plan.indicators[0].id
    a = assign(db, item_type="indicator", item_id=item, unit_id=org.finance.id, role="support", actor=office)
    b = assign(
        db,
        item_type="indicator",
        item_id=item,
        unit_id=org.finance.id,
        role="lead",
        deadline=dt.date(2024, 9, 30),
        actor=office,
    )
    assert a.id == b.id and b.role == "lead" and b.deadline == dt.date(2024, 9, 30)
    assert len(list_assignments(db, actor=office)) == 1


def test_bad_assignments(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    with pytest.raises(InputError):
        assign(
            db,
            item_type="indicator",
            item_id=plan.indicators[0].id,
            unit_id=org.finance.id,
            role="boss",
            actor=office,
        )
    with pytest.raises(NotFoundError):
        assign(db, item_type="task", item_id=999_999, unit_id=org.finance.id, actor=office)
    with pytest.raises(NotFoundError):
        assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=999_999, actor=office)


def test_unit_accounts_see_their_unit_and_units_below(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db, tasks=[{"text": "Việc của chi bộ"}])
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    assign(db, item_type="indicator", item_id=plan.indicators[1].id, unit_id=org.health.id, actor=office)
    assign(db, item_type="task", item_id=plan.tasks[0].id, unit_id=org.cell.id, actor=office)
    assert {a.unit_id for a in list_assignments(db, actor=org.finance_user)} == {org.finance.id}
    assert {a.unit_id for a in list_assignments(db, actor=org.commune_user)} == {org.cell.id}
    assert list_assignments(db, actor=org.cell_user)[0].unit_id == org.cell.id
    assert len(list_assignments(db, actor=org.leader)) == 3


def test_only_the_office_assigns(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    for actor in (org.finance_user, org.leader, org.inspector):
        with pytest.raises(PermissionDenied):
            assign(
                db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=actor
            )
    a = assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    with pytest.raises(PermissionDenied):
        unassign(db, assignment_id=a.id, actor=org.finance_user)
    unassign(db, assignment_id=a.id, actor=office)
    assert list_assignments(db, actor=office) == []
