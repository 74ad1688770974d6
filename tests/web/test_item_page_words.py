"""The item pages explain a status in words: no rule code ("gte.missed", "no_data") a person must decode."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.conftest import PlanWorld

RULE_CODE = re.compile(r"\b(?:[a-z]+\.(?:reached|exceeded|missed|on_track|behind|no_targets|chua_co_so_lieu)"
                       r"|no_data|no_value)\b")


def test_indicator_page_without_figures_names_no_rule_code(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("vanphong")
    html = client.get(f"/chi-tieu/{plan_world.indicator_id}?period=2025-Q2").text
    assert "Chưa có số liệu thực hiện 6 tháng" not in html  # the quarter, not another period
    assert "Chưa có số liệu thực hiện quý II/2025" in html
    assert not RULE_CODE.search(html) and "quy tắc:" not in html


def test_task_page_names_no_rule_code(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("vanphong")
    html = client.get(f"/nhiem-vu/{plan_world.task_id}").text
    assert "Tiến độ" in html
    assert not RULE_CODE.search(html) and "quy tắc:" not in html
