"""Login and logout pages: the form posts `username` and `password`; the token goes in an HttpOnly cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nghiquyet.accounts.service import authenticate, issue_token
from nghiquyet.errors import InputError
from nghiquyet.web.deps import SESSION_COOKIE, AppSettings, DbSession, OptionalUser
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
    try:
        user = authenticate(session, username=username, password=password)
    except InputError as exc:
        return render(
            request,
            "auth/login.html",
            None,
            status_code=400,
            error=exc.message,
            username=username,
            next_url=_safe_next(next),
            title="Đăng nhập",
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        issue_token(user, settings),
        httponly=True,
        samesite="lax",
        max_age=settings.token_hours * 3600,
        path="/",
    )
    return response


@router.post("/dang-xuat")
def logout() -> Response:
    response = RedirectResponse("/dang-nhap", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/login", include_in_schema=False)
def login_alias() -> Response:
    return RedirectResponse("/dang-nhap", status_code=307)
