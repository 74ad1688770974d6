"""Bad input and lost races answer 4xx in Vietnamese, never a 500 (issue 11, point 9)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Plan

from .world import World


@pytest.mark.parametrize("field", ["title", "status"])
def test_null_for_a_required_plan_field_is_a_422_not_a_500(shared_world: tuple[World, TestClient],
                                                          field: str) -> None:
    world, client = shared_world
    response = client.patch(f"/api/v1/plans/{world.plan}", json={field: None},
                            headers=world.headers("office"))
    assert response.status_code == 422, response.text
    assert f"{field}: không được để trống" in response.json()["detail"]
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        plan = session.get(Plan, world.plan)
        assert plan is not None and plan.title and plan.status == "active"


def test_omitting_a_required_field_still_leaves_it_alone(shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    response = client.patch(f"/api/v1/plans/{world.plan}", json={"issuer": "Tỉnh ủy"},
                            headers=world.headers("office"))
    assert response.status_code == 200, response.text
    assert response.json()["title"] and response.json()["issuer"] == "Tỉnh ủy"


def test_the_documented_schema_does_not_offer_null_for_required_fields(
        shared_world: tuple[World, TestClient]) -> None:
    _, client = shared_world
    props = client.get("/openapi.json").json()["components"]["schemas"]["PlanUpdate"]["properties"]
    assert props["title"]["type"] == "string" and "anyOf" not in props["title"]
    assert "anyOf" in props["issuer"]  # a nullable column stays nullable


def test_a_unique_key_lost_to_a_concurrent_insert_is_a_409(shared_world: tuple[World, TestClient]) -> None:
    """Another request stores the same username between the service's check and its INSERT."""
    world, client = shared_world
    engine = client.app.state.engine  # type: ignore[attr-defined]
    raced: list[bool] = []

    def rival(_conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if not raced and statement.lstrip().upper().startswith("INSERT INTO USERS"):
            raced.append(True)
            with client.app.state.session_factory() as other:  # type: ignore[attr-defined]
                other.add(User(username="trungten", password_hash="!", role="office"))
                other.commit()  # its own connection and transaction, committed first

    event.listen(engine, "before_cursor_execute", rival)
    try:
        response = client.post("/api/v1/users", headers=world.headers("admin"), json={
            "username": "trungten", "password": "matkhau-dai-du-12", "role": "office"})
    finally:
        event.remove(engine, "before_cursor_execute", rival)
    assert raced
    assert response.status_code == 409, response.text
    assert "tải lại" in response.json()["detail"]
    with client.app.state.session_factory() as session:  # type: ignore[attr-defined]
        count = session.scalar(select(func.count()).select_from(User).where(User.username == "trungten"))
    assert count == 1  # the rival's row, and nothing half-written by the loser
