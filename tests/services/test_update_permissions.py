"""A unit account writes only its own unit's updates; readers read; only the office decides."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import PermissionDenied
from nghiquyet.tracking.service import (
    approve_update,
    assign,
    correct_update,
    create_update,
    edit_update,
    get_update,
    list_updates,
    return_update,
    submit_update,
)
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import first_target


def _finance_update(db: Session, office: User, org: Org) -> int:
    plan = make_plan(db)
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    assign(
        db,
        item_type="indicator",
        item_id=plan.indicators[0].id,
        unit_id=org.cell.id,
        role="support",
        actor=office,
    )
    u = create_update(
        db, actor=org.finance_user, target_id=first_target(plan).id, period="2024-Q1", value=5.0
    )
    return u.id


def test_unit_cannot_touch_another_units_update(db: Session, office: User, org: Org) -> None:
    update_id = _finance_update(db, office, org)
    intruder = org.health_user
    actions: list[Callable[[], object]] = [
        lambda: get_update(db, update_id=update_id, actor=intruder),
        lambda: edit_update(db, update_id=update_id, actor=intruder, value=1.0),
        lambda: submit_update(db, update_id=update_id, actor=intruder),
    ]
    for action in actions:
        with pytest.raises(PermissionDenied) as caught:
            action()
        assert "yte" in caught.value.message
    assert list_updates(db, actor=intruder) == []


def test_unit_cannot_approve_return_or_correct_others(db: Session, office: User, org: Org) -> None:
    update_id = _finance_update(db, office, org)
    submit_update(db, update_id=update_id, actor=org.finance_user)
    with pytest.raises(PermissionDenied, match="Văn phòng"):
        approve_update(db, update_id=update_id, actor=org.finance_user)
    with pytest.raises(PermissionDenied):
        return_update(db, update_id=update_id, reason="x", actor=org.leader)
    approve_update(db, update_id=update_id, actor=office)
    with pytest.raises(PermissionDenied):
        correct_update(db, update_id=update_id, actor=org.health_user, value=9.0)


def test_unit_cannot_report_an_item_it_was_not_given(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    with pytest.raises(PermissionDenied, match="chưa được giao"):
        create_update(db, actor=org.health_user, target_id=first_target(plan).id, period="2024", value=1.0)
    with pytest.raises(PermissionDenied):
        create_update(
            db,
            actor=org.health_user,
            target_id=first_target(plan).id,
            period="2024",
            value=1.0,
            unit_id=org.finance.id,
        )


def test_readers_read_but_do_not_write(db: Session, office: User, org: Org) -> None:
    update_id = _finance_update(db, office, org)
    for reader in (org.leader, org.inspector):
        assert get_update(db, update_id=update_id, actor=reader).id == update_id
        with pytest.raises(PermissionDenied, match="chỉ được xem"):
            edit_update(db, update_id=update_id, actor=reader, value=2.0)


def test_parent_unit_reads_its_cells_but_does_not_write_for_them(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    target = first_target(plan)
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.cell.id, actor=office)
    u = create_update(db, actor=org.cell_user, target_id=target.id, period="2024-Q1", value=1.0)
    assert [x.id for x in list_updates(db, actor=org.commune_user)] == [u.id]
    assert get_update(db, update_id=u.id, actor=org.commune_user).id == u.id
    with pytest.raises(PermissionDenied):
        edit_update(db, update_id=u.id, actor=org.commune_user, value=2.0)
    with pytest.raises(PermissionDenied):
        get_update(db, update_id=u.id, actor=org.finance_user)


def test_inactive_account_may_do_nothing(db: Session, office: User, org: Org) -> None:
    update_id = _finance_update(db, office, org)
    org.finance_user.active = False
    with pytest.raises(PermissionDenied, match="khóa"):
        submit_update(db, update_id=update_id, actor=org.finance_user)
