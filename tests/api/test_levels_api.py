"""GET /units/{id}/tally: a level's figures over the API, with the same rule of who reads what."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from .world import World


def _tally(client: TestClient, world: World, role: str, unit_id: int,
           period: str = "2024-Q1") -> httpx.Response:
    return client.get(f"/api/v1/units/{unit_id}/tally", params={"period": period},
                      headers=world.headers(role))


def test_the_office_reads_any_level_and_children_add_up(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    parent = client.get(f"/api/v1/units/{world.unit_a}", headers=world.headers("office")).json()["parent_id"]
    response = client.get(f"/api/v1/units/{parent}/tally", params={"period": "2024"},
                          headers=world.headers("office"))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["period"] == "2024" and body["whole"]["total"] == 1
    children = {row["unit"]["id"]: row for row in body["children"]}
    assert set(children) == {world.unit_a, world.unit_b, world.unit_c}
    # The one target is led by Sở Tài chính: lagging (0 complete of 1) comes before the empty ones.
    assert body["children"][0]["unit"]["id"] == world.unit_a
    assert sum(row["tally"]["total"] for row in body["children"]) == body["whole"]["total"]


def test_a_unit_reads_its_own_level_only(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    assert _tally(client, world, "unit_own", world.unit_a).status_code == 200
    refused = _tally(client, world, "unit_other", world.unit_a)
    assert refused.status_code == 403
    assert "đơn vị mình" in refused.json()["detail"]
    assert _tally(client, world, "anonymous", world.unit_a).status_code == 401


def test_a_bad_period_or_unit_is_answered_in_words(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    bad = _tally(client, world, "office", world.unit_a, period="quý 5")
    assert bad.status_code == 400 and "Kỳ báo cáo không hợp lệ" in bad.text
    missing = _tally(client, world, "office", 999_999)
    assert missing.status_code == 404


def test_reporting_rates_of_a_level(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    response = client.get(f"/api/v1/units/{world.unit_a}/reporting", params={"period": "2024"},
                          headers=world.headers("unit_own"))
    assert response.status_code == 200, response.text
    body = response.json()
    whole = body["whole"]
    assert whole["expected"] == whole["on_time"] + whole["late"] + whole["missing"]
    assert whole["received"] == whole["on_time"] + whole["late"]
    assert whole["expected"] + whole["not_due"] >= 2  # the target and the task each owe a 2024 report
    other = client.get(f"/api/v1/units/{world.unit_a}/reporting", params={"period": "2024"},
                       headers=world.headers("unit_other"))
    assert other.status_code == 403
