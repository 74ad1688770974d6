"""Unknown addresses, wrong methods and crashes answer a Vietnamese page; /api/ keeps JSON."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from nghiquyet.web.app import create_app
from tests.web.conftest import World


def _heading(html: str) -> str:
    start = html.index('<h1 id="err-title">') + len('<h1 id="err-title">')
    return html[start:html.index("</h1>", start)]


def test_unknown_page_is_a_vietnamese_html_404(client: TestClient) -> None:
    r = client.get("/trang-khong-co")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert _heading(r.text) == "Không tìm thấy trang"
    assert "Hãy kiểm tra lại đường dẫn" in r.text
    assert "Not Found" not in r.text and '"detail"' not in r.text


def test_unknown_page_keeps_the_signed_in_menu(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("sokhdt")
    r = client.get("/trang-khong-co")
    assert r.status_code == 404 and "Việc của tôi" in r.text and "Cán bộ sokhdt" in r.text


def test_malformed_id_in_a_page_address_is_a_404_page(
    client: TestClient, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    r = client.get("/chi-tieu/abc")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert _heading(r.text) == "Không tìm thấy trang"


def test_wrong_method_on_a_page_is_a_vietnamese_405(client: TestClient) -> None:
    r = client.delete("/tim-kiem")
    assert r.status_code == 405 and r.headers["content-type"].startswith("text/html")
    assert _heading(r.text) == "Thao tác không được hỗ trợ"
    assert "Method Not Allowed" not in r.text


def test_htmx_gets_the_reason_as_a_fragment(client: TestClient) -> None:
    r = client.delete("/tim-kiem", headers={"HX-Request": "true"})
    assert r.status_code == 405 and r.headers["HX-Retarget"] == "#htmx-error"
    assert r.text.startswith('<p class="flash flash-error"') and "<html" not in r.text


def test_api_keeps_json_with_a_vietnamese_detail(client: TestClient) -> None:
    r = client.get("/api/v1/khong-co")
    assert r.status_code == 404 and r.headers["content-type"] == "application/json"
    assert r.json() == {"detail": "Không tìm thấy địa chỉ này trong API (xem /docs)."}
    r = client.get("/api/v1/plans")  # the API's own reasons are kept
    assert r.status_code == 401 and r.json()["detail"].startswith("Chưa đăng nhập")
    r = client.get("/api/v1/plans/abc", headers={"Authorization": "Bearer x"})
    assert r.headers["content-type"] == "application/json"


def test_a_crash_is_a_vietnamese_500_page_and_json_under_api(world: World) -> None:
    app = create_app(world.settings)

    def broken() -> None:
        raise RuntimeError("boom")

    app.add_api_route("/hong", broken)
    app.add_api_route("/api/v1/hong", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        page = c.get("/hong")
        api = c.get("/api/v1/hong")
    assert page.status_code == 500 and _heading(page.text) == "Lỗi hệ thống"
    assert "boom" not in page.text and "Internal Server Error" not in page.text
    assert api.status_code == 500
    assert api.json() == {"detail": "Lỗi hệ thống khi xử lý yêu cầu; hãy thử lại sau."}
