"""The demo's five seeds imported and confirmed as plans (machine extraction, as `nghiquyet demo` does)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.service import import_document
from nghiquyet.plans.models import Plan
from nghiquyet.plans.service import confirm_plan
from nghiquyet.units.models import Unit
from nghiquyet.web.app import create_app
from tests.factories import SEEDS, make_unit, make_user, seed_text_path


@dataclass
class SeedWorld:
    office: User
    office_unit: Unit
    plans: dict[str, Plan]  # by seed number: "000" … "004"


def build_seed_world(session: Session, settings: Settings, password_hash: str = "") -> SeedWorld:
    unit = make_unit(session, name="Văn phòng Tỉnh ủy", code="VPTU", kind="ban")
    office = make_user(session, role="office", unit=unit, username="vanphong", password_hash=password_hash)
    plans = {}
    for seed in sorted(SEEDS):
        path = seed_text_path(seed)
        doc = import_document(session, filename=path.name, data=path.read_bytes(), actor=office,
                              settings=settings)
        plans[seed] = confirm_plan(session, document_id=doc.id, actor=office)
    return SeedWorld(office, unit, plans)


@pytest.fixture
def seed_world(db: Session, settings: Settings) -> SeedWorld:
    return build_seed_world(db, settings)


@pytest.fixture
def web_client(settings: Settings) -> Iterator[TestClient]:
    """The app on the test database (build the world first: the client only serves it)."""
    app = create_app(settings)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()
