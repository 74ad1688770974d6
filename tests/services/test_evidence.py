"""Evidence files attach to open updates of one's own unit; approved updates are locked."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.errors import ConflictError, PermissionDenied
from nghiquyet.tracking.service import (
    approve_update,
    assign,
    attach_evidence,
    create_update,
    evidence_file,
    submit_update,
)
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import first_target


def test_attach_and_download(db: Session, office: User, org: Org, settings: Settings) -> None:
    plan = make_plan(db)
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    u = create_update(db, actor=org.finance_user, target_id=first_target(plan).id, period="2024", value=1.0)
    ev = attach_evidence(
        db,
        update_id=u.id,
        filename="bien-ban.pdf",
        data=b"%PDF-1.4 ...",
        actor=org.finance_user,
        settings=settings,
    )
    assert ev.size == 12 and ev.filename == "bien-ban.pdf"
    row, path = evidence_file(db, evidence_id=ev.id, actor=org.leader, settings=settings)
    assert path.read_bytes() == b"%PDF-1.4 ..." and row.id == ev.id
    with pytest.raises(PermissionDenied):
        attach_evidence(
            db, update_id=u.id, filename="x.pdf", data=b"x", actor=org.health_user, settings=settings
        )
    with pytest.raises(PermissionDenied):
        evidence_file(db, evidence_id=ev.id, actor=org.health_user, settings=settings)
    submit_update(db, update_id=u.id, actor=org.finance_user)
    approve_update(db, update_id=u.id, actor=office)
    with pytest.raises(ConflictError):
        attach_evidence(
            db, update_id=u.id, filename="y.pdf", data=b"y", actor=org.finance_user, settings=settings
        )
