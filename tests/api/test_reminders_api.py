"""Đôn đốc API: the office reads and replaces the reminder rules; a unit may not."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import MakeUser, login


def test_office_replaces_rules_and_a_unit_is_refused(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    make_user("donvi", "unit")
    office = login(api_client, "vanphong")
    current = api_client.get("/api/v1/reminders/settings", headers=office).json()
    assert current["due_day"] == 15 and [r["kind"] for r in current["rules"]] == [
        "before",
        "on_day",
        "after",
        "escalate",
        "returned",
    ]
    body = {
        "due_day": 10,
        "quiet_start": 21,
        "quiet_end": 7,
        "rules": [{"kind": "before", "days": 5, "channels": ["email"]}],
    }
    saved = api_client.put("/api/v1/reminders/settings", json=body, headers=office)
    assert saved.status_code == 200, saved.text
    assert saved.json()["rules"] == [{"kind": "before", "days": 5, "channels": ["email"], "active": True}]
    bad = api_client.put(
        "/api/v1/reminders/settings", json={**body, "rules": [{"kind": "never"}]}, headers=office
    )
    assert bad.status_code == 400
    assert api_client.get("/api/v1/reminders/settings", headers=office).json()["due_day"] == 10
    unit = login(api_client, "donvi")
    assert api_client.put("/api/v1/reminders/settings", json=body, headers=unit).status_code == 403
    assert api_client.get("/api/v1/notifications", headers=unit).json() == []
