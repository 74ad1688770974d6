"""PATCH changes only what is sent; GET gives an ETag, writes honour If-Match (stale: 409 + stored state)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm.exc import StaleDataError

from nghiquyet.accounts.models import User
from nghiquyet.db import make_session_factory
from nghiquyet.tracking.updates import edit_update, get_update

from .world import World

API = "/api/v1"


def test_patch_with_only_a_note_keeps_the_figure(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    url, office = f"{API}/updates/{world.to_edit['admin']}", world.headers("office")
    before = client.get(url, headers=office).json()
    assert before["value"] == 250.0
    assert client.patch(url, json={"note": "Số liệu sơ bộ"}, headers=office).status_code == 200
    after = client.get(url, headers=office).json()
    assert (after["value"], after["note"]) == (250.0, "Số liệu sơ bộ")
    # A field sent as null is cleared: "omitted" and "null" differ.
    assert client.patch(url, json={"note": None}, headers=office).status_code == 200
    assert client.get(url, headers=office).json()["note"] is None


def test_get_gives_an_etag_and_each_write_a_new_one(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    url, office = f"{API}/updates/{world.to_edit['office']}", world.headers("office")
    first = client.get(url, headers=office)
    tag = first.headers["ETag"]
    assert tag == f'"v{first.json()["row_version"]}"'
    written = client.patch(url, json={"value": 260.0}, headers={**office, "If-Match": tag})
    assert written.status_code == 200
    assert written.headers["ETag"] not in (tag, None)
    assert client.get(url, headers=office).headers["ETag"] == written.headers["ETag"]


def test_two_clients_with_the_same_etag_first_wins_second_gets_409(
        shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    url = f"{API}/updates/{world.to_edit['unit_own']}"
    office, reporter = world.headers("office"), world.headers("unit_own")
    tag = client.get(url, headers=reporter).headers["ETag"]
    assert client.get(url, headers=office).headers["ETag"] == tag
    first = client.patch(url, json={"value": 300.0}, headers={**reporter, "If-Match": tag})
    assert first.status_code == 200
    second = client.patch(url, json={"value": 999.0}, headers={**office, "If-Match": tag})
    assert second.status_code == 409
    body = second.json()
    assert "người khác thay đổi" in body["detail"]
    assert body["current"]["value"] == 300.0 and body["current"]["id"] == world.to_edit["unit_own"]
    assert second.headers["ETag"] == first.headers["ETag"] == f'"v{body["version"]}"'
    assert client.get(url, headers=office).json()["value"] == 300.0
    # With the ETag the 409 gave, the second client's retry goes through.
    retry = client.patch(url, json={"value": 999.0}, headers={**office, "If-Match": second.headers["ETag"]})
    assert retry.status_code == 200


def test_approve_with_a_stale_etag_does_not_approve(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    update_id = world.to_approve["leader"]
    url, office = f"{API}/updates/{update_id}", world.headers("office")
    answer = client.post(f"{url}/approve", headers={**office, "If-Match": '"v1"'})
    assert answer.status_code == 409
    assert answer.json()["current"]["state"] == "submitted"
    assert client.get(url, headers=office).json()["state"] == "submitted"


def test_plan_patch_honours_if_match(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    url, office, admin = f"{API}/plans/{world.plan}", world.headers("office"), world.headers("admin")
    shown = client.get(url, headers=office)
    tag, title = shown.headers["ETag"], shown.json()["title"]
    first = client.patch(url, json={"issuer": "Tỉnh ủy"}, headers={**office, "If-Match": tag})
    assert first.status_code == 200
    stale = client.patch(url, json={"issuer": "Ban Thường vụ"}, headers={**admin, "If-Match": tag})
    assert stale.status_code == 409
    assert stale.json()["current"]["issuer"] == "Tỉnh ủy"
    assert client.get(url, headers=office).json()["title"] == title  # PATCH {"issuer"} kept the title


def test_a_malformed_if_match_is_a_400(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    answer = client.patch(f"{API}/updates/{world.to_edit['leader']}", json={"note": "x"},
                          headers={**world.headers("office"), "If-Match": "phien-ban-3"})
    assert answer.status_code == 400
    assert "If-Match" in answer.json()["detail"]


def test_units_and_assignments_carry_an_etag(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    office = world.headers("office")
    assert client.get(f"{API}/units/{world.unit_a}", headers=office).headers["ETag"].startswith('"v')
    first = client.get(f"{API}/assignments", headers=office).json()[0]
    shown = client.get(f"{API}/assignments/{first['id']}", headers=office)
    assert shown.headers["ETag"] == f'"v{first["row_version"]}"'


def test_a_write_that_read_an_old_version_loses_without_if_match(
        shared_world: tuple[World, TestClient], db_engine: Engine) -> None:
    # Both sessions read version N; the first commits N+1; the second's UPDATE ... WHERE row_version = N
    # matches nothing: the ORM refuses instead of overwriting (the API turns it into a 409).
    world, _ = shared_world
    update_id = world.to_edit["inspector"]
    factory = make_session_factory(db_engine)  # not the `session_factory` fixture: it would empty the world
    with factory() as first, factory() as second:
        office = first.query(User).filter_by(username="vanphong").one()
        office2 = second.query(User).filter_by(username="vanphong").one()
        get_update(first, update_id=update_id, actor=office)
        # Held: the identity map keeps only referenced objects, and the point is a copy read before.
        seen = get_update(second, update_id=update_id, actor=office2)
        edit_update(first, update_id=update_id, actor=office, value=1.0)
        first.commit()
        with pytest.raises(StaleDataError):
            edit_update(second, update_id=update_id, actor=office2, value=2.0)
        second.rollback()
        assert seen.id == update_id
