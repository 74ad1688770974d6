"""Request dependencies: one database session per request, and the signed-in user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import TokenError, user_from_token
from nghiquyet.config import Settings
from nghiquyet.db.engine import transaction

SESSION_COOKIE = "nq_session"


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def db_session(request: Request) -> Iterator[Session]:
    """Services only flush; the request commits once when the route succeeded, else rolls back."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with transaction(factory) as session:
        yield session


# scope="function": commit before the response leaves, so a 200 always means the data is stored.
DbSession = Annotated[Session, Depends(db_session, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings)]


def token_from_request(request: Request) -> str | None:
    """The bearer token of a script, or the HttpOnly cookie the login page set."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(SESSION_COOKIE) or None


def current_user_optional(request: Request, session: DbSession, settings: AppSettings) -> User | None:
    """The signed-in user, or None (pages show the login form instead of an error)."""
    token = token_from_request(request)
    if not token:
        return None
    try:
        return user_from_token(session, token=token, settings=settings)
    except TokenError:
        return None


MUST_CHANGE = "Mật khẩu của bạn là mật khẩu tạm do quản trị viên đặt: hãy đổi mật khẩu trước khi tiếp tục."
PASSWORD_CHANGE_OPEN = "/api/v1/auth/"


def current_user(request: Request, session: DbSession, settings: AppSettings) -> User:
    """The signed-in user; 401 when there is no valid token."""
    token = token_from_request(request)
    if not token:
        raise HTTPException(401, "Chưa đăng nhập: hãy đăng nhập để tiếp tục.",
                            headers={"WWW-Authenticate": "Bearer"})
    try:
        user = user_from_token(session, token=token, settings=settings)
    except TokenError as exc:
        raise HTTPException(401, exc.message, headers={"WWW-Authenticate": "Bearer"}) from exc
    # A temporary password (an administrator's reset) opens only the sign-in routes, where it is changed.
    if user.must_change_password and not request.url.path.startswith(PASSWORD_CHANGE_OPEN):
        raise HTTPException(403, MUST_CHANGE)
    return user


CurrentUser = Annotated[User, Depends(current_user, scope="function")]
OptionalUser = Annotated[User | None, Depends(current_user_optional, scope="function")]


def is_https(request: Request, settings: Settings) -> bool:
    """Served over HTTPS: the setting says so, or the request came in as https (uvicorn has already
    applied X-Forwarded-Proto when the peer is one of NGHIQUYET_TRUSTED_PROXIES)."""
    return settings.cookie_secure or request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, settings: Settings, token: str) -> None:
    """The HttpOnly, SameSite=Lax session cookie; Secure whenever the site is served over HTTPS."""
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=is_https(request, settings), max_age=settings.token_hours * 3600, path="/")


def clear_session_cookie(response: Response, request: Request, settings: Settings) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=is_https(request, settings))


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def revoke_current(request: Request, session: Session, settings: Settings) -> None:
    """Logout: the token this request carries, and every other of its user, stops working."""
    from nghiquyet.accounts.service import revoke_tokens

    user = current_user_optional(request, session, settings)
    if user is not None:
        revoke_tokens(user)
