"""Login and logout pages: the form posts `username` and `password`; the token goes in an HttpOnly cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.service import issue_token
from nghiquyet.accounts.throttle import TooManyAttempts, throttled_login
from nghiquyet.errors import InputError
from nghiquyet.web.deps import (
    AppSettings,
    DbSession,
    OptionalUser,
    clear_session_cookie,
    client_address,
    revoke_current,
    set_session_cookie,
)
from nghiquyet.web.pages.common import PageRoute, render

router = APIRouter(route_class=PageRoute)


def _safe_next(value: str | None) -> str:
    """Only a path on this site: never send the browser elsewhere after login."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


@router.get("/dang-nhap", response_class=HTMLResponse)
def login_form(request: Request, user: OptionalUser, next: str | None = None) -> Response:
    if user is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "auth/login.html", None, next_url=_safe_next(next), title="Đăng nhập")


@router.post("/dang-nhap", response_class=HTMLResponse)
def login(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    factory: sessionmaker[Session] = request.app.state.session_factory
    try:
        user = throttled_login(factory, session, username=username, password=password,
                               address=client_address(request))
    except (InputError, TooManyAttempts) as exc:
        throttled = isinstance(exc, TooManyAttempts)
        page = render(
            request,
            "auth/login.html",
            None,
            status_code=429 if throttled else 400,
            error=exc.message,
            username=username,
            next_url=_safe_next(next),
            title="Đăng nhập",
        )
        if isinstance(exc, TooManyAttempts):
            page.headers["Retry-After"] = str(exc.retry_after)
        return page
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(response, request, settings, issue_token(user, settings))
    return response


@router.post("/dang-xuat")
def logout(request: Request, session: DbSession, settings: AppSettings) -> Response:
    revoke_current(request, session, settings)  # a copied cookie stops working too
    response = RedirectResponse("/dang-nhap", status_code=303)
    clear_session_cookie(response, request, settings)
    return response


@router.get("/login", include_in_schema=False)
def login_alias() -> Response:
    return RedirectResponse("/dang-nhap", status_code=307)
