"""One read rule for units (docs/permissions.md): another unit's figures reach a unit account nowhere.

Unit A (`unit_own`) reported and the office approved; unit B (`unit_other`) sees the judgement and
the tallies of A's target, never its figure — in the status API, the pages, the search and the exports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .world import APPROVE_PERIODS, World

API = "/api/v1"
PERIOD = APPROVE_PERIODS["unit_other"]  # unit A's submitted figure for this month (250)
NOTE = "Giải trình: tăng thu nhờ chống thất thu xăng dầu"


@pytest.fixture(scope="module")
def reported(shared_world: tuple[World, TestClient]) -> Iterator[tuple[World, TestClient]]:
    world, client = shared_world
    office = world.headers("office")
    update_id = world.to_approve["unit_other"]
    assert client.post(f"{API}/updates/{update_id}/approve", headers=office).status_code == 200
    assert client.patch(f"{API}/updates/{world.to_edit['anonymous']}", json={"note": NOTE},
                        headers=office).status_code == 200
    yield world, client


def _status(client: TestClient, world: World, role: str) -> dict[str, Any]:
    answer = client.get(f"{API}/plans/{world.plan}/status?period={PERIOD}", headers=world.headers(role))
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _reported(status: dict[str, Any], world: World) -> tuple[dict[str, Any], dict[str, Any]]:
    """The indicator and the target unit A reported on, as `status` shows them."""
    indicator = next(i for i in status["indicators"] if i["id"] == world.indicator)
    return indicator, next(t for t in indicator["targets"] if t["id"] == world.target)


def test_own_unit_and_readers_see_the_figure(reported: tuple[World, TestClient]) -> None:
    world, client = reported
    for role in ("unit_own", "office", "leader", "inspector"):
        _, target = _reported(_status(client, world, role), world)
        assert (target["actual"], target["update_id"]) == (250.0, world.to_approve["unit_other"]), role


def test_another_unit_sees_the_judgement_and_tallies_but_no_figure(
        reported: tuple[World, TestClient]) -> None:
    world, client = reported
    own, other = _status(client, world, "unit_own"), _status(client, world, "unit_other")
    (indicator, seen), (_, full) = _reported(other, world), _reported(own, world)
    assert [seen[k] for k in ("actual", "actual_period", "update_id", "ratio")] == [None] * 4
    assert "250" not in seen["explanation_vi"]
    assert "không xem số liệu của đơn vị khác" in seen["explanation_vi"]
    assert "250" not in indicator["explanation_vi"]
    assert seen["status"] == full["status"] and seen["rule"] == full["rule"]
    for key in ("total", "complete", "by_status", "by_group", "by_unit"):
        assert other[key] == own[key], key


def test_the_indicator_page_and_dashboard_follow_the_same_rule(reported: tuple[World, TestClient]) -> None:
    world, client = reported
    page = f"/chi-tieu/{world.indicator}?period={PERIOD}"
    own = client.get(page, headers=world.headers("unit_own"))
    other = client.get(page, headers=world.headers("unit_other"))
    assert own.status_code == other.status_code == 200
    assert "không xem số liệu của đơn vị khác" in other.text
    assert "không xem số liệu của đơn vị khác" not in own.text
    board = client.get(f"/?plan={world.plan}&period={PERIOD}", headers=world.headers("unit_other"))
    assert board.status_code == 200 and "/report?" not in board.text  # the export is not offered
    office_board = client.get(f"/?plan={world.plan}&period={PERIOD}", headers=world.headers("office"))
    assert "/report?" in office_board.text


def test_search_shows_a_note_only_to_those_who_read_its_unit(reported: tuple[World, TestClient]) -> None:
    world, client = reported

    def notes(role: str) -> list[int]:
        answer = client.get(f"{API}/search", params={"q": "that thu xang dau"}, headers=world.headers(role))
        assert answer.status_code == 200, answer.text
        return [h["item_id"] for h in answer.json()["hits"] if h["kind"] == "update"]

    assert notes("unit_own") == notes("leader") == [world.to_edit["anonymous"]]
    assert notes("unit_other") == []
    page = client.get("/tim-kiem", params={"q": "that thu xang dau"}, headers=world.headers("unit_other"))
    assert page.status_code == 200 and "xăng dầu" not in page.text


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_unit_accounts_cannot_export_the_plan(reported: tuple[World, TestClient], fmt: str) -> None:
    world, client = reported
    for role in ("unit_own", "unit_other"):
        answer = client.get(f"{API}/plans/{world.plan}/report", params={"period": PERIOD, "format": fmt},
                            headers=world.headers(role))
        assert answer.status_code == 403
        assert "số liệu của mọi đơn vị" in answer.json()["detail"]
