"""Page tests: a migrated SQLite database with a few units and one account per role, served by TestClient."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import hash_password
from nghiquyet.config import Settings, load_settings
from nghiquyet.db import make_engine, make_session_factory, migrate
from nghiquyet.units.models import Unit
from nghiquyet.web.app import create_app

PASSWORD = "matkhau-thu-nghiem"


@dataclass
class World:
    settings: Settings
    unit_id: int
    other_unit_id: int


@pytest.fixture
def world(tmp_path: Path) -> World:
    settings = load_settings(data_dir=tmp_path, secret_key="khoa-thu-nghiem-du-dai-cho-hs256-32b")
    migrate(settings.resolved_database_url)
    engine = make_engine(settings.resolved_database_url)
    with Session(engine) as session:
        tinh = Unit(code="tu", name="Tỉnh ủy Lâm Đồng", kind="tinh_uy", path="/", depth=0)
        so = Unit(code="skhdt", name="Sở Kế hoạch và Đầu tư", kind="so", path="/", depth=1)
        other = Unit(code="syt", name="Sở Y tế", kind="so", path="/", depth=1)
        session.add_all([tinh, so, other])
        session.flush()
        for username, role, unit in (
            ("vanphong", "office", tinh),
            ("sokhdt", "unit", so),
            ("lanhdao", "leader", tinh),
            ("syte", "unit", other),
        ):
            session.add(
                User(
                    username=username,
                    password_hash=hash_password(PASSWORD),
                    role=role,
                    unit_id=unit.id,
                    full_name=f"Cán bộ {username}",
                )
            )
        session.commit()
        world = World(settings=settings, unit_id=so.id, other_unit_id=other.id)
    engine.dispose()
    return world


@pytest.fixture
def client(world: World) -> Iterator[TestClient]:
    with TestClient(create_app(world.settings), follow_redirects=False) as c:
        yield c


def _sign_in(client: TestClient, username: str) -> None:
    r = client.post("/dang-nhap", data={"username": username, "password": PASSWORD})
    assert r.status_code == 303, r.text


@pytest.fixture
def sign_in(client: TestClient) -> Callable[[str], None]:
    """Log the test client in as one of the world's accounts."""
    return lambda username: _sign_in(client, username)


@pytest.fixture
def session_factory(world: World) -> Iterator[object]:
    engine = make_engine(world.settings.resolved_database_url)
    yield make_session_factory(engine)
    engine.dispose()
