"""Accepting a directive whose deadline has passed (issue 10, point 7): the task is added all the same,
and the answer says so in Vietnamese instead of a silent success."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.plans.models import Task

from tests.api.conftest import login
from tests.series.test_api_series import client, world  # noqa: F401  (the seed world's fixtures)


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
