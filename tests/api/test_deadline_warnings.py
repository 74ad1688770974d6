"""A deadline already past is accepted, and the answer says so (issue 10, point 7)."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.config import Settings

from .world import World, build_world


@pytest.fixture
def world(session_factory: sessionmaker[Session], settings: Settings) -> World:
    return build_world(session_factory, settings)


def test_a_past_deadline_is_accepted_with_a_vietnamese_warning(api_client: TestClient, world: World) -> None:
    past = dt.date.today() - dt.timedelta(days=40)
    response = api_client.post("/api/v1/assignments", headers=world.headers("office"), json={
        "item_type": "task", "item_id": world.task, "unit_id": world.unit_b, "role": "lead",
        "deadline": past.isoformat()})
    assert response.status_code == 200
    body = response.json()
    assert [w["code"] for w in body["warnings"]] == ["deadline_past"]
    message = body["warnings"][0]["message"]
    assert f"{past:%d/%m/%Y} đã qua 40 ngày" in message and "quá hạn" in message
    stored = api_client.get(f"/api/v1/assignments/{body['id']}", headers=world.headers("office")).json()
    assert stored["deadline"] == past.isoformat()


def test_a_deadline_today_or_later_has_no_warning(api_client: TestClient, world: World) -> None:
    for days, unit in ((0, world.unit_b), (30, world.unit_c)):
        response = api_client.post("/api/v1/assignments", headers=world.headers("office"), json={
            "item_type": "task", "item_id": world.task, "unit_id": unit, "role": "support",
            "deadline": (dt.date.today() + dt.timedelta(days=days)).isoformat()})
        assert response.status_code == 200 and response.json()["warnings"] == []
