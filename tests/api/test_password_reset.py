"""An administrator's password reset through the API: admin only, the user's tokens stop at once, and
the temporary password opens nothing but the sign-in routes until the user has changed it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .conftest import PASSWORD, MakeUser, login


def test_a_reset_ends_the_users_tokens_and_forces_a_change_first(api_client: TestClient,
                                                                 make_user: MakeUser) -> None:
    make_user("quantri", "admin")
    user = make_user("canbo", "office")
    admin, old = login(api_client, "quantri"), login(api_client, "canbo")
    assert api_client.get("/api/v1/plans", headers=old).status_code == 200
    reset = api_client.post(f"/api/v1/users/{user.id}/password", headers=admin,
                            json={"new_password": "tam-thoi-1"})
    assert reset.status_code == 200, reset.text
    assert reset.json()["must_change_password"] is True
    stale = api_client.get("/api/v1/plans", headers=old)
    assert stale.status_code == 401 and "đăng nhập lại" in stale.json()["detail"]
    assert api_client.post("/api/v1/auth/login",
                           json={"username": "canbo", "password": PASSWORD}).status_code == 400
    temporary = login(api_client, "canbo", "tam-thoi-1")
    refused = api_client.get("/api/v1/plans", headers=temporary)
    assert refused.status_code == 403 and "đổi mật khẩu" in refused.json()["detail"]
    me = api_client.get("/api/v1/auth/me", headers=temporary)
    assert me.status_code == 200 and me.json()["must_change_password"] is True
    changed = api_client.post("/api/v1/auth/password", headers=temporary,
                              json={"current_password": "tam-thoi-1", "new_password": "cua-toi-22"})
    assert changed.status_code == 200, changed.text
    fresh = {"Authorization": f"Bearer {changed.json()['token']}"}
    assert changed.json()["user"]["must_change_password"] is False
    assert api_client.get("/api/v1/plans", headers=fresh).status_code == 200


def test_only_an_administrator_resets_and_never_their_own(api_client: TestClient,
                                                          make_user: MakeUser) -> None:
    admin_user = make_user("quantri", "admin")
    make_user("vanphong", "office")
    user = make_user("canbo", "unit")
    office, admin = login(api_client, "vanphong"), login(api_client, "quantri")
    denied = api_client.post(f"/api/v1/users/{user.id}/password", headers=office,
                             json={"new_password": "x" * 8})
    assert denied.status_code == 403 and "quản trị viên" in denied.json()["detail"]
    own = api_client.post(f"/api/v1/users/{admin_user.id}/password", headers=admin,
                          json={"new_password": "y" * 8})
    assert own.status_code == 400 and "Đổi mật khẩu" in own.json()["detail"]
    short = api_client.post(f"/api/v1/users/{user.id}/password", headers=admin, json={"new_password": "abc"})
    assert short.status_code == 400 and "ít nhất 6 ký tự" in short.json()["detail"]
    missing = api_client.post("/api/v1/users/999999/password", headers=admin, json={"new_password": "z" * 8})
    assert missing.status_code == 404
