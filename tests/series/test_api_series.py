"""/api/v1/series and /api/v1/proposals: the pinned shapes, the office's decisions, OpenAPI."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.config import Settings
from nghiquyet.plans.models import Task
from nghiquyet.series.service import refresh
from tests.api.conftest import login, password_hash
from tests.factories import SEEDS, make_user
from tests.series.conftest import SeedWorld, build_seed_world


@pytest.fixture
def world(settings: Settings, session_factory: sessionmaker[Session]) -> SeedWorld:
    with session_factory() as session:
        built = build_seed_world(session, settings, password_hash=password_hash())
        make_user(session, role="leader", username="lanhdao", password_hash=password_hash())
        refresh(session, actor=built.office)  # what the web's imports and confirmations propose
        session.commit()
        return built


@pytest.fixture
def client(web_client: TestClient, world: SeedWorld) -> TestClient:
    return web_client


def test_series_and_proposals_come_in_the_pinned_shapes(client: TestClient, world: SeedWorld) -> None:
    office = login(client, "vanphong")
    series = client.get("/api/v1/series", headers=office)
    assert series.status_code == 200, series.text
    budget = next(s for s in series.json() if any(m["line"] == 187 and m["doc"] == f"{SEEDS['000']}.txt"
                                                   for m in s["members"]))
    assert set(budget) == {"id", "metric", "members", "confirmed"} and budget["confirmed"] is False
    assert {(m["doc"][:3], m["line"]) for m in budget["members"]} == {("000", 187), ("002", 166)}
    plan = world.plans["000"].id
    rows = client.get(f"/api/v1/proposals?plan_id={plan}", headers=office).json()
    assert {r["text"] for r in rows} == {"Tăng trưởng kinh tế đạt 3%", "tăng 2,7% so với cùng kỳ",
                                         "thu ngân sách nhà nước đạt 29,9% dự toán địa phương"}
    assert all(set(r) == {"id", "indicator_id", "target_id", "period", "value", "unit", "doc", "line",
                          "text", "state"} for r in rows)


def test_office_decides_and_a_leader_may_only_read(client: TestClient, world: SeedWorld) -> None:
    office, leader = login(client, "vanphong"), login(client, "lanhdao")
    first = client.get("/api/v1/series", headers=leader).json()[0]
    assert client.post(f"/api/v1/series/{first['id']}/confirm", headers=leader).status_code == 403
    confirmed = client.post(f"/api/v1/series/{first['id']}/confirm", headers=office)
    assert confirmed.status_code == 200 and confirmed.json()["confirmed"] is True
    undone = client.post(f"/api/v1/series/{first['id']}/undo", headers=office)
    assert undone.json()["confirmed"] is False
    proposal = client.get(f"/api/v1/proposals?plan_id={world.plans['000'].id}", headers=office).json()[0]
    accepted = client.post(f"/api/v1/proposals/{proposal['id']}/accept", headers=office, json={"value": 3.1})
    assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
    again = client.post(f"/api/v1/proposals/{proposal['id']}/dismiss", headers=office)
    assert again.status_code == 409
    back = client.post(f"/api/v1/proposals/{proposal['id']}/undo", headers=office)
    assert back.json()["state"] == "proposed"
    warnings = client.get(f"/api/v1/series/{first['id']}/warnings", headers=leader)
    assert warnings.status_code == 200 and isinstance(warnings.json(), list)


def test_routes_are_in_the_openapi(client: TestClient, world: SeedWorld) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/series", "/api/v1/series/{series_id}/confirm", "/api/v1/proposals",
                 "/api/v1/proposals/{proposal_id}/accept"):
        assert path in paths


def test_directives_and_judgements_under_the_api(client: TestClient, world: SeedWorld) -> None:
    office = login(client, "vanphong")
    found = client.get("/api/v1/directives", headers=office).json()
    assert [d["label"] for d in found] == ["2.1", "2.2", "2.3", "2.4"]
    # The file for programs (as every citation), the notice's own name for people.
    assert found[2]["doc"] == f"{SEEDS['004']}.txt" and found[2]["source"].startswith("Kết luận của đồng chí")
    assert SEEDS["004"] not in found[2]["source"] and isinstance(found[2]["doc_id"], int)
    into = world.plans["000"].id
    added = client.post(f"/api/v1/directives/{found[2]['id']}/accept", headers=office, json={"plan_id": into})
    assert added.status_code == 200 and added.json()["plan_id"] == into and added.json()["task_id"]
    judged = client.get("/api/v1/judgements", headers=office).json()
    assert any(j["said_done"] == 16 and j["said_total"] == 19 and j["differs"] for j in judged)


# Accepting a directive whose deadline has passed (issue 10, point 7): added all the same, and the
# answer says so in Vietnamese instead of a silent success.
def test_a_directive_past_its_deadline_is_accepted_with_a_warning(
        client: TestClient, session_factory: sessionmaker[Session]) -> None:
    office = login(client, "vanphong")
    found = {d["label"]: d for d in client.get("/api/v1/directives", headers=office).json()}
    late = found["2.3"]  # "cuối tháng 4/2024"
    assert late["deadline"] == "2024-04-30"
    accepted = client.post(f"/api/v1/directives/{late['id']}/accept", headers=office)
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert body["state"] == "accepted" and body["task_id"]
    days = (dt.date.today() - dt.date(2024, 4, 30)).days
    [warning] = body["warnings"]
    assert warning["code"] == "deadline_past"
    assert warning["message"].startswith(f"Thời hạn 30/04/2024 đã qua {days} ngày")
    assert "nhiệm vụ vừa thêm được tính là quá hạn ngay" in warning["message"]
    with session_factory() as session:
        task = session.get(Task, body["task_id"])
        assert task is not None and task.deadline == dt.date(2024, 4, 30)  # kept as the notice set it
    listed = {d["id"]: d for d in client.get("/api/v1/directives", headers=office).json()}
    assert listed[late["id"]]["warnings"] == []  # said once, when accepting; the list stays plain


def test_a_directive_without_a_deadline_is_accepted_without_a_word(client: TestClient) -> None:
    office = login(client, "vanphong")
    found = {d["label"]: d for d in client.get("/api/v1/directives", headers=office).json()}
    plain = found["2.1"]
    assert plain["deadline"] is None
    accepted = client.post(f"/api/v1/directives/{plain['id']}/accept", headers=office)
    assert accepted.status_code == 200 and accepted.json()["warnings"] == []
