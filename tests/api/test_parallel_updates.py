"""Issue 11 point 5: parallel reports for one (target, unit, period) store one row; the others get 409."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.config import Settings
from nghiquyet.tracking.models import Update
from nghiquyet.web.app import create_app

from .world import build_world


def test_parallel_posts_store_one_update(settings: Settings, session_factory: sessionmaker[Session]) -> None:
    world = build_world(session_factory, settings)
    app = create_app(settings)
    body = {"target_id": world.target, "unit_id": world.unit_a, "period": "2025", "value": 1.0}
    headers = world.headers("office")
    with TestClient(app) as client, ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda _: client.post("/api/v1/updates", json=body, headers=headers),
                                range(24)))
    app.state.engine.dispose()
    codes = sorted(r.status_code for r in answers)
    assert codes.count(201) + codes.count(200) == 1, codes
    assert set(codes) <= {200, 201, 409}, [r.text for r in answers if r.status_code not in (200, 201, 409)]
    winner = next(r.json()["id"] for r in answers if r.status_code in (200, 201))
    assert {r.json()["existing_id"] for r in answers if r.status_code == 409} == {winner}
    with session_factory() as session:
        stored = session.scalar(select(func.count()).select_from(Update).where(
            Update.target_id == world.target, Update.unit_id == world.unit_a, Update.period == "2025"))
    assert stored == 1
