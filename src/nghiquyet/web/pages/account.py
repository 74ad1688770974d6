"""Đổi mật khẩu (every user, their own) and Tài khoản (the administrator resets another's password).

A reset gives a temporary password: the user's sessions end at once, and at their next sign-in every
page leads here until they choose their own (`require_user` checks `must_change_password`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nghiquyet.accounts.models import User
from nghiquyet.accounts.permissions import require_role
from nghiquyet.accounts.service import (
    MIN_PASSWORD,
    PASSWORD_RULES,
    change_own_password,
    issue_token,
    list_users,
    reset_password,
)
from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.web.deps import AppSettings, DbSession, set_session_cookie
from nghiquyet.web.pages.common import PASSWORD_PAGE, PageRoute, render, require_signed_in, require_user

router = APIRouter(route_class=PageRoute)

ADMIN_ONLY = "Chỉ quản trị viên được quản lý mật khẩu của tài khoản khác."


def _password_form(request: Request, user: User, *, error: str | None = None, done: bool = False,
                   status_code: int = 200) -> HTMLResponse:
    return render(request, "auth/password.html", user, status_code=status_code, title="Đổi mật khẩu",
                  rules=PASSWORD_RULES, error=error, done=done, forced=bool(user.must_change_password))


@router.get(PASSWORD_PAGE, response_class=HTMLResponse)
def password_form(request: Request, done: int = 0, user: User = Depends(require_signed_in)) -> HTMLResponse:
    return _password_form(request, user, done=bool(done))


@router.post(PASSWORD_PAGE, response_class=HTMLResponse)
def change_password(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    again: Annotated[str, Form()] = "",
    user: User = Depends(require_signed_in),
) -> Response:
    try:
        if new != again:
            raise InputError("Hai lần nhập mật khẩu mới không giống nhau.")
        change_own_password(session, user=user, current=current, new=new)
    except InputError as exc:
        session.rollback()
        return _password_form(request, user, error=exc.message, status_code=400)
    # Every other session of this user has ended; this one goes on with a fresh token.
    response = RedirectResponse(f"{PASSWORD_PAGE}?done=1", status_code=303)
    set_session_cookie(response, request, settings, issue_token(user, settings))
    return response


@router.get("/tai-khoan", response_class=HTMLResponse)
def users_page(request: Request, session: DbSession, reset: int | None = None,
               user: User = Depends(require_user)) -> HTMLResponse:
    require_role(user, {"admin"}, ADMIN_ONLY)
    users = list_users(session, actor=user)
    done = next((u for u in users if u.id == reset), None) if reset else None
    return render(request, "auth/users.html", user, title="Tài khoản", active="users", users=users,
                  done=done, min_password=MIN_PASSWORD)


@router.post("/tai-khoan/{user_id}/dat-lai-mat-khau", response_class=HTMLResponse)
def reset(
    request: Request,
    user_id: int,
    session: DbSession,
    password: Annotated[str, Form()] = "",
    user: User = Depends(require_user),
) -> Response:
    require_role(user, {"admin"}, ADMIN_ONLY)
    try:
        reset_password(session, user_id=user_id, password=password, actor=user)
    except (InputError, NotFoundError) as exc:
        session.rollback()
        return render(request, "auth/users.html", user, status_code=400, title="Tài khoản", active="users",
                      users=list_users(session, actor=user), error=exc.message, error_for=user_id,
                      min_password=MIN_PASSWORD)
    return RedirectResponse(f"/tai-khoan?reset={user_id}", status_code=303)
