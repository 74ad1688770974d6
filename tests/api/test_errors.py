"""Typed errors become HTTP statuses with a Vietnamese `detail`; a failed request writes nothing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.audit.models import AuditEvent
from nghiquyet.config import Settings

from .world import World, build_world


@pytest.fixture
def world(session_factory: sessionmaker[Session], settings: Settings) -> World:
    return build_world(session_factory, settings)


def test_missing_object_is_404_with_reason(api_client: TestClient, world: World) -> None:
    response = api_client.get("/api/v1/plans/999999", headers=world.headers("office"))
    assert response.status_code == 404
    assert "Không tìm thấy kế hoạch" in response.json()["detail"]


def test_approving_twice_is_409(api_client: TestClient, world: World) -> None:
    url = f"/api/v1/updates/{world.submitted}/approve"
    assert api_client.post(url, headers=world.headers("office")).status_code == 200
    again = api_client.post(url, headers=world.headers("office"))
    assert again.status_code == 409
    assert "đã duyệt" in again.json()["detail"]


def test_approved_data_is_locked(api_client: TestClient, world: World) -> None:
    api_client.post(f"/api/v1/updates/{world.submitted}/approve", headers=world.headers("office"))
    edit = api_client.patch(f"/api/v1/updates/{world.submitted}", headers=world.headers("unit_own"),
                            json={"value": 1})
    assert edit.status_code == 409


def test_return_needs_a_reason(api_client: TestClient, world: World) -> None:
    url = f"/api/v1/updates/{world.submitted}/return"
    missing = api_client.post(url, headers=world.headers("office"), json={})
    assert missing.status_code == 422
    assert "reason" in missing.json()["detail"]
    returned = api_client.post(url, headers=world.headers("office"), json={"reason": "Thiếu minh chứng"})
    assert returned.json()["state"] == "returned"
    shown = api_client.get(f"/api/v1/updates/{world.submitted}", headers=world.headers("unit_own")).json()
    assert shown["return_reason"] == "Thiếu minh chứng"


def test_bad_period_is_400_in_vietnamese(api_client: TestClient, world: World) -> None:
    response = api_client.get(f"/api/v1/plans/{world.plan}/status", params={"period": "quy-1"},
                              headers=world.headers("leader"))
    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.json()["detail"]


def test_failed_request_writes_nothing(api_client: TestClient, world: World,
                                       session_factory: sessionmaker[Session]) -> None:
    def events() -> int:
        with session_factory() as session:
            return session.scalar(select(func.count()).select_from(AuditEvent)) or 0

    before = events()
    response = api_client.post("/api/v1/assignments", headers=world.headers("office"), json={
        "item_type": "task", "item_id": world.task, "unit_id": 999999, "role": "lead"})
    assert response.status_code == 404
    assert events() == before


def test_status_tallies_the_plan(api_client: TestClient, world: World) -> None:
    office = world.headers("office")
    api_client.post(f"/api/v1/updates/{world.submitted}/approve", headers=office)
    body = api_client.get(f"/api/v1/plans/{world.plan}/status?period=2024-08", headers=office).json()
    assert body["period"] == "2024-08" and body["total"] == len(body["indicators"])
    indicator = {i["id"]: i for i in body["indicators"]}[world.indicator]
    assert indicator["rule"]
    assert indicator["targets"][0]["actual"] == 250
