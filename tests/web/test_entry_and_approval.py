"""Việc của tôi reads Vietnamese numbers; the office approves or returns with a reason."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.conftest import PlanWorld

HX = {"HX-Request": "true"}


def _enter(client: TestClient, pw: PlanWorld, value: str, action: str = "submit") -> str:
    r = client.post(
        f"/viec-cua-toi/chi-tieu/{pw.target_id}",
        headers=HX,
        data={"plan": str(pw.plan_id), "period": "2025", "value": value, "note": "", "action": action},
    )
    assert r.status_code == 200, r.text
    return str(r.text)


def test_my_work_lists_the_units_items(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    r = client.get("/viec-cua-toi")
    assert r.status_code == 200
    assert "Thu ngân sách nhà nước" in r.text and "Đẩy mạnh chuyển đổi số." in r.text
    assert "≥ 1.200 tỷ đồng" in r.text
    assert "Các kỳ báo cáo:" in r.text and "Quý IV/2025" in r.text and "Chưa báo cáo" in r.text


def test_an_english_style_number_is_refused_with_a_clear_message(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    html = _enter(client, plan_world, "1,234,5")
    assert "“1,234,5” không phải là số" in html and "ví dụ 1.234,5" in html
    assert 'aria-invalid="true"' in html and 'value="1,234,5"' in html


def test_words_are_refused(client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld) -> None:
    sign_in("sokhdt")
    assert "không phải là số" in _enter(client, plan_world, "một nghìn")


def test_empty_figure_is_asked_for(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    assert "Hãy nhập số liệu thực hiện." in _enter(client, plan_world, "  ")


def test_progress_over_100_is_refused(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    r = client.post(
        f"/viec-cua-toi/nhiem-vu/{plan_world.task_id}",
        headers=HX,
        data={"plan": str(plan_world.plan_id), "period": "2025", "progress": "120", "action": "submit"},
    )
    assert "Tiến độ phải từ 0 đến 100%" in r.text


def test_vietnamese_number_is_stored_and_approval_moves_the_tally(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    html = _enter(client, plan_world, "1.234,5")
    assert "Chờ duyệt" in html and "1.234,5" in html and "Đã gửi duyệt." in html
    sign_in("vanphong")
    queue = client.get("/phe-duyet").text
    update_id = int(re.search(r'id="u-(\d+)"', queue).group(1))  # type: ignore[union-attr]
    r = client.post(f"/phe-duyet/{update_id}/duyet", headers=HX)
    assert r.status_code == 200 and "Đã duyệt" in r.text and r.text.lstrip().startswith("<tr")
    assert "1/1 chỉ tiêu hoàn thành" in client.get(f"/?plan={plan_world.plan_id}&period=2025").text


def test_return_needs_a_reason_and_the_unit_sees_it(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    _enter(client, plan_world, "900")
    sign_in("vanphong")
    update_id = int(re.search(r'id="u-(\d+)"', client.get("/phe-duyet").text).group(1))  # type: ignore[union-attr]
    r = client.post(f"/phe-duyet/{update_id}/tra-lai", data={"reason": " "}, headers=HX)
    assert "Phải ghi lý do trả lại" in r.text and "Chờ duyệt" not in r.text
    r = client.post(f"/phe-duyet/{update_id}/tra-lai", data={"reason": "Thiếu minh chứng"}, headers=HX)
    assert "Bị trả lại" in r.text
    sign_in("sokhdt")
    page = client.get(f"/viec-cua-toi?plan={plan_world.plan_id}&period=2025").text
    assert "Lý do trả lại: Thiếu minh chứng" in page and "Báo cáo bị trả lại" in page


def test_saving_a_draft_keeps_the_form_open(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    html = _enter(client, plan_world, "7,5", action="draft")
    assert "Đã lưu nháp." in html and "Nháp" in html and 'value="7,5"' in html


def test_a_second_approval_is_refused_in_place(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    _enter(client, plan_world, "1.500")
    sign_in("vanphong")
    update_id = int(re.search(r'id="u-(\d+)"', client.get("/phe-duyet").text).group(1))  # type: ignore[union-attr]
    assert client.post(f"/phe-duyet/{update_id}/duyet", headers=HX).status_code == 200
    r = client.post(f"/phe-duyet/{update_id}/duyet", headers=HX)
    assert r.status_code == 409
    assert r.headers["HX-Retarget"] == "#htmx-error"
    assert "Chỉ duyệt được báo cáo đã gửi" in r.text


def test_evidence_is_attached_and_downloadable(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    r = client.post(
        f"/viec-cua-toi/chi-tieu/{plan_world.target_id}",
        headers=HX,
        data={"plan": str(plan_world.plan_id), "period": "2025", "value": "1.300", "action": "submit"},
        files=[("evidence", ("bien-ban.txt", "Biên bản kiểm tra số liệu".encode(), "text/plain"))],
    )
    assert "bien-ban.txt" in r.text
    evidence_id = re.search(r'href="/minh-chung/(\d+)"', r.text).group(1)  # type: ignore[union-attr]
    download = client.get(f"/minh-chung/{evidence_id}")
    assert download.status_code == 200 and download.text == "Biên bản kiểm tra số liệu"
    sign_in("syte")  # another unit may not read it
    assert client.get(f"/minh-chung/{evidence_id}").status_code == 403
