"""Việc của tôi sends the version it showed: a colleague's save in between is not overwritten silently."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.conftest import PlanWorld

HX = {"HX-Request": "true"}


def _save(client: TestClient, pw: PlanWorld, value: str, shown: str) -> str:
    r = client.post(f"/viec-cua-toi/chi-tieu/{pw.target_id}", headers=HX, data={
        "plan": str(pw.plan_id), "period": "2025", "value": value, "note": "", "action": "draft",
        "row_version": shown})
    assert r.status_code == 200, r.text
    return str(r.text)


def _shown_version(html: str) -> str:
    found = re.search(r'name="row_version" value="(\d+)"', html)
    assert found is not None
    return found.group(1)


def test_a_stale_form_is_refused_in_vietnamese_and_keeps_what_was_typed(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    page = client.get(f"/viec-cua-toi?plan={plan_world.plan_id}&period=2025").text
    assert _shown_version(page) == "0"  # nothing reported yet
    first = _save(client, plan_world, "100", "0")
    assert "Đã lưu nháp." in first
    # Two tabs (or two colleagues) now show version v; the first saves, the second is behind.
    shown = _shown_version(first)
    assert "Đã lưu nháp." in _save(client, plan_world, "200", shown)
    behind = _save(client, plan_world, "300", shown)
    assert "vừa được người khác thay đổi" in behind and "hãy xem lại rồi lưu lần nữa" in behind
    assert "<strong>200</strong>" in behind  # the stored figure is shown…
    assert 'value="300"' in behind  # …beside what this user typed, which is not lost
    # With the version the refusal showed, saving again is deliberate and goes through.
    again = _save(client, plan_world, "300", _shown_version(behind))
    assert "Đã lưu nháp." in again and "<strong>300</strong>" in again


def test_a_report_made_by_someone_else_meanwhile_is_not_overwritten(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    _save(client, plan_world, "100", "0")
    # A form opened before that first report still says "0": it would have replaced it.
    behind = _save(client, plan_world, "555", "0")
    assert "vừa được người khác thay đổi" in behind and "<strong>100</strong>" in behind
