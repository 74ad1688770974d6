"""Sign-in for scripts and pages: the token comes back in the body and as an HttpOnly cookie."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.schemas import LoginIn, PasswordChange, TokenOut, UserRead
from nghiquyet.accounts.service import change_own_password, issue_token
from nghiquyet.accounts.throttle import TooManyAttempts, throttled_login
from nghiquyet.web.api.errors import ErrorOut
from nghiquyet.web.deps import (
    AppSettings,
    CurrentUser,
    DbSession,
    clear_session_cookie,
    client_address,
    revoke_current,
    set_session_cookie,
)

router = APIRouter(prefix="/auth", tags=["auth"])

THROTTLED: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorOut, "description": "Sai quá nhiều lần: chờ số giây trong Retry-After"}}


@router.post("/login", responses=THROTTLED)
def login(body: LoginIn, request: Request, response: Response, session: DbSession,
          settings: AppSettings) -> TokenOut:
    factory: sessionmaker[Session] = request.app.state.session_factory
    try:
        user = throttled_login(factory, session, username=body.username, password=body.password,
                               address=client_address(request))
    except TooManyAttempts as exc:
        raise HTTPException(429, exc.message, headers={"Retry-After": str(exc.retry_after)}) from exc
    token = issue_token(user, settings)
    set_session_cookie(response, request, settings, token)
    return TokenOut(token=token, token_type="bearer", user=UserRead.of(user))


@router.post("/logout", status_code=204)
def logout(request: Request, response: Response, session: DbSession, settings: AppSettings) -> None:
    # Revokes: the user's token version goes up, so this token and every copy of it (and the
    # user's other sessions) are refused from now on, not only forgotten by this browser.
    revoke_current(request, session, settings)
    clear_session_cookie(response, request, settings)


@router.post("/password")
def change_password(body: PasswordChange, request: Request, response: Response, user: CurrentUser,
                    session: DbSession, settings: AppSettings) -> TokenOut:
    """Đổi mật khẩu của chính mình: mọi phiên cũ kết thúc, phiên này nhận mã mới."""
    change_own_password(session, user=user, current=body.current_password, new=body.new_password)
    token = issue_token(user, settings)
    set_session_cookie(response, request, settings, token)
    return TokenOut(token=token, token_type="bearer", user=UserRead.of(user))


@router.get("/me")
def me(user: CurrentUser) -> UserRead:
    return UserRead.of(user)
