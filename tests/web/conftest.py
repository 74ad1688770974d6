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
from nghiquyet.units.service import place
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
        tinh = Unit(code="tu", name="Tỉnh ủy Lâm Đồng", kind="tinh_uy")
        place(session, tinh, None)
        so = Unit(code="skhdt", name="Sở Kế hoạch và Đầu tư", kind="so")
        place(session, so, tinh)
        other = Unit(code="syt", name="Sở Y tế", kind="so")
        place(session, other, tinh)
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


@dataclass
class PlanWorld:
    plan_id: int
    indicator_id: int
    target_id: int
    task_id: int


@pytest.fixture
def plan_world(world: World) -> PlanWorld:
    """A 2025 plan with one target (≥ 1.200 tỷ đồng) and one task, both given to Sở Kế hoạch và Đầu tư."""
    from nghiquyet.plans.models import Indicator, Plan, Target, Task
    from nghiquyet.tracking.models import Assignment

    engine = make_engine(world.settings.resolved_database_url)
    with Session(engine) as session:
        plan = Plan(
            title="về nhiệm vụ năm 2025",
            doc_type="nghi_quyet",
            number="15-NQ/ĐU",
            year_start=2025,
            year_end=2025,
        )
        session.add(plan)
        session.flush()
        indicator = Indicator(
            plan_id=plan.id,
            position=0,
            label="1",
            group="kinh_te_xa_hoi",
            text="Thu ngân sách nhà nước trên địa bàn đạt từ 1.200 tỷ đồng trở lên.",
            line=17,
        )
        session.add(indicator)
        session.flush()
        target = Target(
            indicator_id=indicator.id,
            plan_id=plan.id,
            metric="Thu ngân sách nhà nước",
            comparator="gte",
            value=1200.0,
            unit="tỷ đồng",
            year=2025,
        )
        task = Task(plan_id=plan.id, position=0, label="1", text="Đẩy mạnh chuyển đổi số.", line=29)
        session.add_all([target, task])
        session.flush()
        for item_type in ("indicator", "task"):
            session.add(
                Assignment(
                    plan_id=plan.id,
                    item_type=item_type,
                    unit_id=world.unit_id,
                    role="lead",
                    indicator_id=indicator.id if item_type == "indicator" else None,
                    task_id=task.id if item_type == "task" else None,
                )
            )
        session.commit()
        result = PlanWorld(plan.id, indicator.id, target.id, task.id)
    engine.dispose()
    return result
