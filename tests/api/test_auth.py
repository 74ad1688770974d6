"""Sign-in: tokens, the cookie, the generic failure message and 401 without a valid token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from fastapi.testclient import TestClient

from nghiquyet.accounts.service import TokenError, decode_token, issue_token
from nghiquyet.config import Settings

from .conftest import PASSWORD, MakeUser, login


def test_health_answers_without_login(api_client: TestClient) -> None:
    assert api_client.get("/api/v1/health").status_code == 200


def test_login_returns_token_and_sets_httponly_cookie(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    response = api_client.post("/api/v1/auth/login", json={"username": "vanphong", "password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["token"]
    cookie = response.headers["set-cookie"]
    assert "nq_session=" in cookie and "HttpOnly" in cookie
    # The cookie alone signs the browser in.
    me = api_client.get("/api/v1/auth/me")
    assert me.status_code == 200 and me.json()["username"] == "vanphong"


def test_login_failure_does_not_say_whether_the_user_exists(api_client: TestClient,
                                                           make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    wrong_password = api_client.post("/api/v1/auth/login", json={"username": "vanphong", "password": "x"})
    unknown_user = api_client.post("/api/v1/auth/login", json={"username": "khongco", "password": "x"})
    assert wrong_password.status_code == unknown_user.status_code == 400
    assert wrong_password.json() == unknown_user.json()
    assert "mật khẩu" in wrong_password.json()["detail"]


def test_bearer_token_is_accepted(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("lanhdao", "leader")
    headers = login(api_client, "lanhdao")
    assert api_client.get("/api/v1/auth/me", headers=headers).json()["role"] == "leader"


@pytest.mark.parametrize("header", ["", "Bearer khong-hop-le", "Basic abc"])
def test_missing_or_bad_token_is_401(api_client: TestClient, header: str) -> None:
    headers = {"Authorization": header} if header else {}
    response = api_client.get("/api/v1/auth/me", headers=headers)
    assert response.status_code == 401
    assert response.json()["detail"]


def test_expired_token_is_401_with_reason(api_client: TestClient, make_user: MakeUser,
                                          settings: Settings) -> None:
    user = make_user("kiemtra", "inspector")
    old = issue_token(user, settings, now=datetime.now(UTC) - timedelta(hours=settings.token_hours + 1))
    response = api_client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {old}"})
    assert response.status_code == 401
    assert "hết hạn" in response.json()["detail"]


def test_token_signed_with_another_key_is_rejected(make_user: MakeUser, settings: Settings) -> None:
    user = make_user("quantri", "admin")
    other = settings.model_copy(update={"secret_key": "mot-khoa-khac-hoan-toan"})
    with pytest.raises(TokenError):
        decode_token(issue_token(user, other), settings)


def test_token_carries_user_id_and_role(make_user: MakeUser, settings: Settings) -> None:
    user = make_user("sotaichinh", "office")
    claims = decode_token(issue_token(user, settings), settings)
    assert (claims.user_id, claims.role) == (user.id, "office")
    raw = jwt.decode(issue_token(user, settings), options={"verify_signature": False})
    assert raw["exp"] - raw["iat"] == settings.token_hours * 3600


def test_logout_clears_the_cookie(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    api_client.post("/api/v1/auth/login", json={"username": "vanphong", "password": PASSWORD})
    response = api_client.post("/api/v1/auth/logout")
    assert response.status_code == 204
    assert api_client.get("/api/v1/auth/me").status_code == 401
