"""Login, logout and the login redirect of protected pages."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

PASSWORD = "matkhau-thu-nghiem"


def test_login_form_has_username_and_password_fields(client: TestClient) -> None:
    r = client.get("/dang-nhap")
    assert r.status_code == 200
    assert 'name="username"' in r.text and 'name="password"' in r.text
    assert '<html lang="vi">' in r.text


def test_protected_page_redirects_to_login_with_next(client: TestClient) -> None:
    r = client.get("/van-ban")
    assert r.status_code == 303
    assert r.headers["location"] == "/dang-nhap?next=/van-ban"


def test_wrong_password_shows_a_vietnamese_error(client: TestClient) -> None:
    r = client.post("/dang-nhap", data={"username": "vanphong", "password": "sai-mat-khau"})
    assert r.status_code == 400
    assert "flash-error" in r.text
    assert 'value="vanphong"' in r.text


def test_login_sets_httponly_cookie_and_follows_next(client: TestClient) -> None:
    r = client.post("/dang-nhap", data={"username": "vanphong", "password": PASSWORD, "next": "/van-ban"})
    assert r.status_code == 303
    assert r.headers["location"] == "/van-ban"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("nq_session=") and "HttpOnly" in cookie


def test_login_never_redirects_to_another_site(client: TestClient) -> None:
    r = client.post(
        "/dang-nhap", data={"username": "vanphong", "password": PASSWORD, "next": "//evil.example/"}
    )
    assert r.headers["location"] == "/"


def test_logout_clears_the_cookie(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    r = client.post("/dang-xuat")
    assert r.status_code == 303 and r.headers["location"] == "/dang-nhap"
    assert client.get("/van-ban").status_code == 303
