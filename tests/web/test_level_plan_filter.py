"""Theo cấp: the plan filter chooses which plan the level's tally counts; without it, every plan."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.plans.models import Plan
from tests.web.conftest import PlanWorld


def _other_plan(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        plan = Plan(title="về chuyển đổi số năm 2025", doc_type="ke_hoach", number="7-KH/TU",
                    year_start=2025, year_end=2025)
        session.add(plan)
        session.commit()
        return plan.id


def _tally(html: str) -> str | None:
    found = re.search(r'id="tally">([^<]*)<', html)
    return found.group(1) if found else None


def test_the_plan_filter_chooses_the_tally(client: TestClient, sign_in: Callable[[str], None],
                                          plan_world: PlanWorld,
                                          session_factory: sessionmaker[Session]) -> None:
    other = _other_plan(session_factory)
    sign_in("vanphong")
    every = client.get("/theo-cap?period=2025").text
    assert _tally(every) == "0/1 chỉ tiêu hoàn thành"
    assert "selected" not in every.split('id="f-plan"')[1].split("</select>")[0]  # every plan

    mine = client.get(f"/theo-cap?period=2025&plan={plan_world.plan_id}").text
    assert _tally(mine) == "0/1 chỉ tiêu hoàn thành"
    assert f'<option value="{plan_world.plan_id}" selected' in mine
    assert f"plan={plan_world.plan_id}" in mine.split('id="children"')[1]  # drilling down keeps the plan

    empty = client.get(f"/theo-cap?period=2025&plan={other}").text
    assert _tally(empty) is None and "Chưa có chỉ tiêu nào" in empty
    assert _tally(client.get("/theo-cap?period=2025&plan=999999").text) == "0/1 chỉ tiêu hoàn thành"
