"""The acceptance flow, as a script would drive it: sign in, upload a seed, confirm it into a plan,
add a unit and its reporter, assign an indicator, report, submit, approve, read the plan's status.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from nghiquyet.demo import seeds_dir

from .conftest import PASSWORD, MakeUser, login

SEED_2024 = "003_80d04959fc9a9e21.txt"  # Nghị quyết of the provincial Party committee on 2024's tasks


def _first_target(plan: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    for indicator in plan["indicators"]:
        for target in indicator["targets"]:
            if target["value"] is not None:
                return indicator, target
    raise AssertionError("the 2024 resolution has numbered targets; none was extracted")


def test_acceptance_flow(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    office = login(api_client, "vanphong")
    api = "/api/v1"
    assert api_client.get(f"{api}/health").status_code == 200

    seed = Path(seeds_dir()) / SEED_2024
    uploaded = api_client.post(f"{api}/documents", headers=office,
                               files={"file": (seed.name, seed.read_bytes(), "text/plain")})
    assert uploaded.status_code == 200, uploaded.text
    body = uploaded.json()
    assert body["extraction"]["schema"] == "nghiquyet.extraction/v1"
    document_id = body["id"]

    confirmed = api_client.post(f"{api}/documents/{document_id}/plan", headers=office)
    assert confirmed.status_code == 200, confirmed.text
    plan_id = confirmed.json()["plan_id"]
    plan = api_client.get(f"{api}/plans/{plan_id}", headers=office).json()
    assert plan["indicators"] and "tasks" in plan
    indicator, target = _first_target(plan)
    assert {"id", "value", "comparator"} <= set(target)

    unit = api_client.post(f"{api}/units", headers=office, json={"name": "Sở Tài chính", "parent_id": None})
    assert unit.status_code == 200, unit.text
    unit_id = unit.json()["id"]
    user = api_client.post(f"{api}/users", headers=office, json={
        "username": "sotaichinh", "password": PASSWORD, "role": "unit", "unit_id": unit_id})
    assert user.status_code == 200, user.text
    assignment = api_client.post(f"{api}/assignments", headers=office, json={
        "item_type": "indicator", "item_id": indicator["id"], "unit_id": unit_id, "role": "lead",
        "deadline": "2024-12-31"})
    assert assignment.status_code == 200, assignment.text
    assert assignment.json()["id"]

    reporter = login(api_client, "sotaichinh")
    good = target["value"] if target["comparator"] in ("lt", "lte") else target["value"] * 1.1
    created = api_client.post(f"{api}/updates", headers=reporter, json={
        "target_id": target["id"], "period": "2024", "value": good, "progress": None,
        "note": "Số liệu cả năm"})
    assert created.status_code == 200, created.text
    update = created.json()
    assert update["state"] == "draft"
    submitted = api_client.post(f"{api}/updates/{update['id']}/submit", headers=reporter)
    assert submitted.json() == {"id": update["id"], "state": "submitted"}
    approved = api_client.post(f"{api}/updates/{update['id']}/approve", headers=office)
    assert approved.json() == {"id": update["id"], "state": "approved"}

    status = api_client.get(f"{api}/plans/{plan_id}/status", params={"period": "2024"}, headers=office)
    assert status.status_code == 200, status.text
    tally = status.json()
    assert tally["total"] == len(plan["indicators"])
    assert sum(tally["by_status"].values()) == tally["total"]
    judged = {i["id"]: i for i in tally["indicators"]}[indicator["id"]]
    assert {"id", "status", "rule", "targets"} <= set(judged)
    ours = {t["id"]: t for t in judged["targets"]}[target["id"]]
    assert ours["actual"] == good and ours["status"] in ("dat", "vuot"), ours

    events = api_client.get(f"{api}/audit", headers=office)
    assert events.status_code == 403  # the office does not read the trail; inspectors and admins do
    make_user("kiemtra", "inspector")
    trail = api_client.get(f"{api}/audit", headers=login(api_client, "kiemtra")).json()
    actions = {e["action"] for e in trail}
    assert {"document.import", "plan.confirm", "unit.create", "user.create", "assignment.create",
            "update.create", "update.submit", "update.approve"} <= actions
