"""Request dependencies: one database session per request, and the signed-in user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
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


def current_user(request: Request, session: DbSession, settings: AppSettings) -> User:
    """The signed-in user; 401 when there is no valid token."""
    token = token_from_request(request)
    if not token:
        raise HTTPException(401, "Chưa đăng nhập: hãy đăng nhập để tiếp tục.",
                            headers={"WWW-Authenticate": "Bearer"})
    try:
        return user_from_token(session, token=token, settings=settings)
    except TokenError as exc:
        raise HTTPException(401, exc.message, headers={"WWW-Authenticate": "Bearer"}) from exc


CurrentUser = Annotated[User, Depends(current_user, scope="function")]
OptionalUser = Annotated[User | None, Depends(current_user_optional, scope="function")]
