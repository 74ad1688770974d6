"""A target's shares over the API: the office sets them, a share's unit reports, everyone reads the
judgement, and a unit reads no other unit's figure (on SQLite and PostgreSQL)."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

from .world import World


def _put(client: TestClient, world: World, role: str, shares: list[dict[str, object]]) -> httpx.Response:
    return client.put(f"/api/v1/targets/{world.target}/shares", params={"period": "2024"}, json=shares,
                      headers=world.headers(role))


def test_shares_set_reported_and_read(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    refused = _put(client, world, "unit_own", [{"unit_id": world.unit_b, "value": 300}])
    assert refused.status_code == 403
    lead = _put(client, world, "office", [{"unit_id": world.unit_a, "value": 300}])
    assert lead.status_code == 409 and "chủ trì" in lead.json()["detail"]
    made = _put(client, world, "office", [{"unit_id": world.unit_b, "value": 300, "note": "Phần của Sở Y tế"},
                                          {"unit_id": world.unit_c, "value": 200}])
    assert made.status_code == 200, made.text
    assert [(s["unit_id"], s["status"]) for s in made.json()] == [
        (world.unit_b, "chua_co_so_lieu"), (world.unit_c, "chua_co_so_lieu")]

    # Unit B holds nothing but its share, and may now report the target; the office approves.
    sent = client.post("/api/v1/updates", json={"target_id": world.target, "period": "2024", "value": 310},
                       headers=world.headers("unit_other"))
    assert sent.status_code == 200, sent.text
    update_id = sent.json()["id"]
    assert client.post(f"/api/v1/updates/{update_id}/submit",
                       headers=world.headers("unit_other")).status_code == 200
    assert client.post(f"/api/v1/updates/{update_id}/approve",
                       headers=world.headers("office")).status_code == 200

    def read(role: str) -> dict[int, dict[str, object]]:
        got = client.get(f"/api/v1/targets/{world.target}/shares", params={"period": "2024"},
                         headers=world.headers(role))
        assert got.status_code == 200, got.text
        return {s["unit_id"]: s for s in got.json()}

    office = read("office")
    assert office[world.unit_b]["actual"] == 310 and office[world.unit_b]["status"] in ("dat", "vuot",
                                                                                          "dung_tien_do")
    assert read("unit_other")[world.unit_b]["actual"] == 310  # its own figure
    seen_by_a = read("unit_own")[world.unit_b]
    assert seen_by_a["actual"] is None and seen_by_a["status"] == office[world.unit_b]["status"]
    plan_wide = client.get(f"/api/v1/plans/{world.plan}/shares", params={"period": "2024"},
                           headers=world.headers("leader"))
    assert plan_wide.status_code == 200 and len(plan_wide.json()) == 2
    # The share's figure is unit B's part: the target itself still has only unit A's figures.
    status = client.get(f"/api/v1/plans/{world.plan}/status", params={"period": "2024"},
                        headers=world.headers("office")).json()
    assert status["indicators"][0]["targets"][0]["actual"] != 310
    assert client.get(f"/api/v1/targets/{world.target}/shares",
                      headers=world.headers("anonymous")).status_code == 401


def test_bad_shares_are_refused_in_words(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    twice = _put(client, world, "office", [{"unit_id": world.unit_c, "value": 1},
                                           {"unit_id": world.unit_c, "value": 2}])
    assert twice.status_code == 400 and "một phần" in twice.json()["detail"]
    upside_down = _put(client, world, "office", [{"unit_id": world.unit_c, "value": 5, "value_max": 1}])
    assert upside_down.status_code == 400
    assert client.get("/api/v1/targets/999999/shares", headers=world.headers("office")).status_code == 404
    assert _put(client, world, "office", [{"unit_id": 999_999, "value": 1}]).status_code == 404
