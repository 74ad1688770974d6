"""Every write leaves an audit event with before/after; only inspectors and admins read the trail."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.audit.service import list_events
from nghiquyet.errors import PermissionDenied
from nghiquyet.tracking.service import approve_update, assign, create_update, return_update, submit_update
from nghiquyet.units.service import create_unit
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import first_target


def test_workflow_is_audited_with_before_and_after(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    a = assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    u = create_update(db, actor=org.finance_user, target_id=first_target(plan).id, period="2024", value=7.0)
    submit_update(db, update_id=u.id, actor=org.finance_user)
    return_update(db, update_id=u.id, reason="Số liệu chưa khớp", actor=office)

    events = list_events(db, actor=org.inspector)
    actions = [e.action for e in reversed(events)]
    assert actions[-4:] == ["assignment.create", "update.create", "update.submit", "update.return"]
    ret = events[0]
    assert (ret.actor_id, ret.object_type, ret.object_id) == (office.id, "update", u.id)
    assert ret.before is not None and ret.after is not None
    assert ret.before["state"] == "submitted" and ret.after["state"] == "returned"
    assert ret.after["return_reason"] == "Số liệu chưa khớp"
    created = list_events(db, actor=org.admin, object_type="assignment", object_id=a.id)
    assert created[0].after is not None and created[0].after["unit_id"] == org.finance.id


def test_audit_records_approval_and_unit_creation(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    u = create_update(
        db, actor=office, target_id=first_target(plan).id, period="2024", value=1.0, unit_id=org.health.id
    )
    submit_update(db, update_id=u.id, actor=office)
    approve_update(db, update_id=u.id, actor=office)
    unit = create_unit(db, name="Ban Dân vận", actor=office)
    assert list_events(db, actor=org.admin, action="update.approve")[0].after["state"] == "approved"  # type: ignore[index]
    assert list_events(db, actor=org.admin, object_type="unit", object_id=unit.id)[0].action == "unit.create"


@pytest.mark.parametrize("who", ["office", "leader", "unit"])
def test_others_cannot_read_the_trail(db: Session, office: User, org: Org, who: str) -> None:
    actor = {"office": office, "leader": org.leader, "unit": org.finance_user}[who]
    with pytest.raises(PermissionDenied, match="nhật ký"):
        list_events(db, actor=actor)
