"""Every response carries the CSP, nosniff and a referrer policy; /docs starts Swagger UI from files."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from nghiquyet.web.app import create_app
from nghiquyet.web.headers import CONTENT_SECURITY_POLICY
from tests.web.conftest import World

PATHS = ["/", "/dang-nhap", "/docs", "/openapi.json", "/api/v1/health", "/api/v1/auth/me",
         "/static/app.css", "/static/htmx.min.js", "/khong-co-trang-nay", "/chi-tieu"]


def _assert_secure(headers: object, where: str) -> None:
    assert isinstance(headers, dict) or hasattr(headers, "get")
    csp = headers.get("content-security-policy", "")  # type: ignore[attr-defined]
    for directive in ("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                      "base-uri 'self'", "style-src 'self'"):
        assert directive in csp, (where, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, where
    assert headers.get("x-content-type-options") == "nosniff", where  # type: ignore[attr-defined]
    assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", where  # type: ignore[attr-defined]


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "office"])
def test_every_response_carries_the_security_headers(
    client: TestClient, sign_in: Callable[[str], None], signed_in: bool
) -> None:
    if signed_in:
        sign_in("vanphong")
    for path in PATHS:
        response = client.get(path)
        _assert_secure(response.headers, f"{path} → {response.status_code}")
    refused = client.post("/api/v1/updates", json={})
    _assert_secure(refused.headers, f"POST /api/v1/updates → {refused.status_code}")


def test_a_server_error_still_carries_the_security_headers(world: World) -> None:
    app = create_app(world.settings)

    def boom() -> None:
        raise RuntimeError("lỗi thử")

    app.add_api_route("/thu-loi", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/thu-loi")
    assert response.status_code == 500
    _assert_secure(response.headers, "500")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_swagger_ui_page_has_no_inline_script_or_foreign_host(client: TestClient) -> None:
    html = client.get("/docs").text
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert "http://" not in html and "https://" not in html
    assert client.get("/static/swagger/init.js").status_code == 200
