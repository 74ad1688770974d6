"""Giải trình and vướng mắc over HTTP (TestClient): the API, the item panel, the errors people get."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.db import make_engine
from nghiquyet.units.models import Unit
from tests.web.conftest import PlanWorld, World


def _parent_of(world: World) -> int:
    engine = make_engine(world.settings.resolved_database_url)
    with Session(engine) as s:
        parent = s.scalar(select(Unit.parent_id).where(Unit.id == world.unit_id))
    engine.dispose()
    assert parent is not None
    return parent


def test_ask_answer_raise_and_close_through_the_api(
    client: TestClient, sign_in: Callable[[str], None], world: World, plan_world: PlanWorld
) -> None:
    due = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    sign_in("lanhdao")
    ask = {
        "item_type": "indicator",
        "item_id": plan_world.indicator_id,
        "unit_id": world.unit_id,
        "question": "Giải trình vì sao thu ngân sách đạt thấp",
        "due": due,
    }
    r = client.post("/api/v1/explanations", json=ask)
    assert r.status_code == 201, r.text
    request_id = r.json()["id"]
    wrong_unit = client.post("/api/v1/explanations", json={**ask, "unit_id": world.other_unit_id})
    assert wrong_unit.status_code == 400 and "chưa được giao" in wrong_unit.text
    past = client.post("/api/v1/explanations", json={**ask, "due": "2020-01-01"})
    assert past.status_code == 400 and "đã qua" in past.text

    sign_in("sokhdt")
    assert "Thông báo: 1 chưa đọc" in client.get("/thong-bao/chuong").text
    panel = client.get(f"/chi-tieu/{plan_world.indicator_id}/giai-trinh")
    assert panel.status_code == 200 and "vì sao thu ngân sách đạt thấp" in panel.text
    assert "Gửi giải trình" in panel.text and "Nêu khó khăn, vướng mắc" in panel.text
    r = client.post(
        f"/api/v1/explanations/{request_id}/answer", json={"answer": "Do giãn thuế theo Nghị định"}
    )
    assert r.status_code == 200 and r.json()["state"] == "answered"
    again = client.post(f"/api/v1/explanations/{request_id}/answer", json={"answer": "Lần hai"})
    assert again.status_code == 409
    listed = client.get(
        "/api/v1/explanations", params={"item_type": "indicator", "item_id": plan_world.indicator_id}
    )
    assert [e["answer"] for e in listed.json()] == ["Do giãn thuế theo Nghị định"]

    raise_ = {
        "item_type": "task",
        "item_id": plan_world.task_id,
        "unit_id": world.unit_id,
        "to": "office",
        "title": "Thiếu kinh phí chuyển đổi số",
    }
    assert client.post("/api/v1/blockers", json=raise_).status_code == 201
    up = client.post(
        "/api/v1/blockers", json={**raise_, "to": str(_parent_of(world)), "title": "Chưa có nhân lực"}
    )
    assert up.status_code == 201, up.text
    sideways = client.post("/api/v1/blockers", json={**raise_, "to": str(world.other_unit_id)})
    assert sideways.status_code == 400 and "cấp trên" in sideways.text

    sign_in("vanphong")
    open_ = client.get("/api/v1/blockers").json()
    assert sorted(b["title"] for b in open_) == ["Chưa có nhân lực", "Thiếu kinh phí chuyển đổi số"]
    page = client.get("/kho-khan", params={"unit": world.unit_id})
    assert page.status_code == 200 and "Thiếu kinh phí chuyển đổi số" in page.text
    blocker_id = next(b["id"] for b in open_ if b["to_unit_id"] is None)
    closed = client.post(f"/api/v1/blockers/{blocker_id}/close", json={"decision": "Bổ sung dự toán quý III"})
    assert closed.status_code == 200 and closed.json()["state"] == "closed"
    assert [b["decision"] for b in client.get("/api/v1/blockers", params={"state": "closed"}).json()] == [
        "Bổ sung dự toán quý III"
    ]
    huge = client.get("/api/v1/explanations", params={"item_type": "task", "item_id": 10**12})
    assert huge.status_code == 422


def test_a_bad_due_date_in_the_form_gets_a_vietnamese_error(
    client: TestClient, sign_in: Callable[[str], None], world: World, plan_world: PlanWorld
) -> None:
    sign_in("vanphong")
    r = client.post(
        "/giai-trinh",
        data={
            "item_type": "task",
            "item_id": plan_world.task_id,
            "unit_id": world.unit_id,
            "question": "?",
            "due": "31/02/2025",
        },
    )
    assert r.status_code == 400 and "Hạn giải trình phải là một ngày" in r.text
