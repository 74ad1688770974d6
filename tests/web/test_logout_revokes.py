"""Logout and a password change end the session for real: a token copied before stops working."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from nghiquyet.accounts.service import REVOKED
from nghiquyet.config import Settings
from nghiquyet.web.app import create_app
from nghiquyet.web.deps import SESSION_COOKIE
from tests.web.conftest import PASSWORD, World


def _token(client: TestClient, username: str, password: str = PASSWORD) -> str:
    r = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert r.status_code == 200, r.text
    client.cookies.clear()
    return str(r.json()["token"])


def _me(client: TestClient, token: str) -> int:
    return client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code


def test_a_token_copied_before_logout_fails_after_it(client: TestClient) -> None:
    token = _token(client, "sokhdt")
    copy = str(token)
    assert _me(client, copy) == 200
    assert client.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}).status_code == 204
    refused = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {copy}"})
    assert refused.status_code == 401 and refused.json()["detail"] == REVOKED
    assert _me(client, _token(client, "sokhdt")) == 200  # signing in again gives a working token


def test_a_cookie_copied_before_the_logout_button_fails_after_it(
    client: TestClient, sign_in: Callable[[str], None], world: World
) -> None:
    sign_in("vanphong")
    stolen = client.cookies[SESSION_COOKIE]
    assert client.get("/chi-tieu").status_code == 200
    out = client.post("/dang-xuat")
    assert out.status_code == 303 and out.headers["location"] == "/dang-nhap"
    with TestClient(create_app(world.settings), follow_redirects=False) as thief:
        thief.cookies.set(SESSION_COOKIE, stolen)
        assert thief.get("/api/v1/auth/me").status_code == 401
        assert thief.get("/chi-tieu").status_code == 303  # back to the login form


def test_changing_the_password_ends_every_other_session(client: TestClient) -> None:
    phone, desk = _token(client, "syte"), _token(client, "syte")
    r = client.post("/api/v1/auth/password", headers={"Authorization": f"Bearer {desk}"},
                    json={"current_password": PASSWORD, "new_password": "mat-khau-moi-2025"})
    assert r.status_code == 200, r.text
    fresh = r.json()["token"]
    assert _me(client, phone) == 401 and _me(client, desk) == 401
    assert _me(client, fresh) == 200
    old = client.post("/api/v1/auth/login", json={"username": "syte", "password": PASSWORD})
    assert old.status_code == 400
    assert _me(client, _token(client, "syte", "mat-khau-moi-2025")) == 200


def test_a_wrong_current_password_changes_nothing(client: TestClient) -> None:
    token = _token(client, "lanhdao")
    r = client.post("/api/v1/auth/password", headers={"Authorization": f"Bearer {token}"},
                    json={"current_password": "sai", "new_password": "mat-khau-moi-2025"})
    assert r.status_code == 400 and r.json()["detail"] == "Mật khẩu hiện tại không đúng."
    assert _me(client, token) == 200


def _cookie_line(client: TestClient) -> str:
    r = client.post("/dang-nhap", data={"username": "vanphong", "password": PASSWORD})
    assert r.status_code == 303
    return str(r.headers["set-cookie"])


def test_the_cookie_is_secure_when_the_setting_says_https(world: World) -> None:
    with TestClient(create_app(world.settings), follow_redirects=False) as plain:
        assert "secure" not in _cookie_line(plain).lower()
    settings: Settings = world.settings.model_copy(update={"cookie_secure": True})
    with TestClient(create_app(settings), follow_redirects=False) as secure:
        line = _cookie_line(secure).lower()
        assert "; secure" in line and "httponly" in line and "samesite=lax" in line


def test_the_cookie_is_secure_behind_a_trusted_proxy_that_says_https(world: World) -> None:
    # What `serve` runs: uvicorn believes X-Forwarded-Proto only from NGHIQUYET_TRUSTED_PROXIES.
    https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}
    trusted = ProxyHeadersMiddleware(create_app(world.settings), trusted_hosts="testclient")
    with TestClient(trusted, follow_redirects=False) as c:
        c.headers.update(https)
        assert "; secure" in _cookie_line(c).lower()
    stranger = ProxyHeadersMiddleware(create_app(world.settings), trusted_hosts="192.0.2.1")
    with TestClient(stranger, follow_redirects=False) as c:
        c.headers.update(https)
        assert "secure" not in _cookie_line(c).lower()
