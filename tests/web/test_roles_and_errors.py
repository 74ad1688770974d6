"""Navigation fitted to the role, and refusals shown as Vietnamese pages."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.conftest import PlanWorld


def _nav(html: str) -> str:
    start = html.index('aria-label="Chức năng chính"')
    return html[start : html.index("</nav>", start)]


def test_office_sees_approvals_but_not_my_work(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    nav = _nav(client.get("/").text)
    for label in ("Tổng quan", "Văn bản", "Chỉ tiêu", "Nhiệm vụ", "Đơn vị", "Phê duyệt"):
        assert label in nav
    assert "Việc của tôi" not in nav


def test_unit_user_sees_my_work_but_not_approvals(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("sokhdt")
    nav = _nav(client.get("/").text)
    assert "Việc của tôi" in nav and "Phê duyệt" not in nav


def test_leader_sees_neither(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("lanhdao")
    nav = _nav(client.get("/").text)
    assert "Việc của tôi" not in nav and "Phê duyệt" not in nav


def test_unit_user_gets_a_vietnamese_403_on_approvals(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("sokhdt")
    r = client.get("/phe-duyet")
    assert r.status_code == 403
    assert "Không có quyền truy cập" in r.text and "Chỉ Văn phòng" in r.text
    assert "Việc của tôi" in _nav(r.text)  # the error page keeps the role's navigation


def test_leader_cannot_approve(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("lanhdao")
    r = client.post("/phe-duyet/1/duyet", headers={"HX-Request": "true"})
    assert r.status_code == 403
    assert "Chỉ Văn phòng" in r.text


def test_office_has_no_my_work_page(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    r = client.get("/viec-cua-toi")
    assert r.status_code == 403 and "cán bộ báo cáo của đơn vị" in r.text


def test_missing_item_is_a_vietnamese_404(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    r = client.get("/chi-tieu/9999")
    assert r.status_code == 404 and "Không tìm thấy chỉ tiêu #9999" in r.text


def test_dashboard_shows_the_tally_as_text(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("vanphong")
    r = client.get(f"/?plan={plan_world.plan_id}")
    assert r.status_code == 200
    assert "0/1 chỉ tiêu hoàn thành" in r.text
    assert f"/api/v1/plans/{plan_world.plan_id}/report?period=2025&amp;format=docx" in r.text
