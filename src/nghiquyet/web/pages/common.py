"""What every page shares: templates, the role's navigation, login guard, and errors shown as HTML."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from nghiquyet.accounts.models import User
from nghiquyet.documents.service import citation_names
from nghiquyet.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from nghiquyet.web.deps import current_user_optional
from nghiquyet.web.format import install_filters

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
install_filters(templates.env)

OFFICE_ROLES = frozenset({"office", "admin"})


def compile_templates() -> int:
    """Compile every page template now (about 0.3 s): a server's worker does it as it starts, so its
    first users do not wait for Jinja to compile the page they asked for. Returns how many."""
    names = templates.env.list_templates(filter_func=lambda name: name.endswith(".html"))
    for name in names:
        templates.env.get_template(name)
    return len(names)


@dataclass(frozen=True, slots=True)
class NavEntry:
    key: str
    label: str
    href: str


def role_of(user: User) -> str:
    return str(getattr(user.role, "value", user.role))


def is_office(user: User) -> bool:
    return role_of(user) in OFFICE_ROLES


def nav_for(user: User | None) -> list[NavEntry]:
    """The navigation a role sees; approvals for the office, "my work" for unit reporters."""
    if user is None:
        return []
    entries = [
        NavEntry("dashboard", "Tổng quan", "/"),
        NavEntry("documents", "Văn bản", "/van-ban"),
        NavEntry("indicators", "Chỉ tiêu", "/chi-tieu"),
        NavEntry("tasks", "Nhiệm vụ", "/nhiem-vu"),
        NavEntry("units", "Đơn vị", "/don-vi"),
        NavEntry("levels", "Theo cấp", "/theo-cap"),
        NavEntry("assistant", "Trợ lý", "/tro-ly"),
        NavEntry("calendar", "Lịch báo cáo", "/lich-bao-cao"),
        NavEntry("blockers", "Vướng mắc", "/kho-khan"),
        NavEntry("handbook", "Sổ tay", "/so-tay"),
    ]
    role = role_of(user)
    if role in OFFICE_ROLES:
        entries.append(NavEntry("approvals", "Phê duyệt", "/phe-duyet"))
        entries.append(NavEntry("rules", "Nhắc việc", "/nhac-viec"))
        entries.append(NavEntry("proposals", "Đề xuất", "/de-xuat"))
    if role == "unit":
        entries.append(NavEntry("mine", "Việc của tôi", "/viec-cua-toi"))
    if role == "admin":
        entries.append(NavEntry("users", "Tài khoản", "/tai-khoan"))
    return entries


class LoginRequired(Exception):
    """Raised by `require_user` so the page route can send the browser to the login form."""


class PasswordChangeRequired(Exception):
    """Raised by `require_user` for a temporary password: every page leads to the password form."""


PASSWORD_PAGE = "/doi-mat-khau"


def require_signed_in(request: Request, user: User | None = Depends(current_user_optional)) -> User:
    """Signed in, even with a temporary password (the password form itself needs no more)."""
    if user is None:
        raise LoginRequired
    request.state.user = user  # so an error page can still show the role's navigation
    return user


def require_user(request: Request, user: User = Depends(require_signed_in)) -> User:
    if user.must_change_password:
        raise PasswordChangeRequired
    return user


def require_office(user: User = Depends(require_user)) -> User:
    if not is_office(user):
        raise PermissionDenied("Chỉ Văn phòng mới được thực hiện chức năng này.")
    return user


def require_unit_user(user: User = Depends(require_user)) -> User:
    if role_of(user) != "unit" or getattr(user, "unit_id", None) is None:
        raise PermissionDenied("Trang này dành cho cán bộ báo cáo của đơn vị.")
    return user


@pass_context
def source_name(context: Any, key: int | str | None) -> str:
    """A cited document (by id or by the file name services cite) as pages name it: its number or title.

    Read once per request, on first use, so no route has to pass the names along.
    """
    request = context.get("request")
    names = getattr(request.state, "source_names", None) if request is not None else None
    if names is None and request is not None:
        with request.app.state.session_factory() as session:
            names = citation_names(session)
        request.state.source_names = names
    return (names or {}).get(key, "văn bản") if key is not None else "văn bản"


templates.env.globals["source_name"] = source_name


def user_context(user: User | None) -> dict[str, Any]:
    if user is None:
        return {"user": None, "nav": [], "user_name": "", "unit_name": ""}
    unit = getattr(user, "unit", None)
    return {
        "user": user,
        "nav": nav_for(user),
        "user_name": getattr(user, "full_name", None) or user.username,
        "unit_name": getattr(unit, "name", "") if unit is not None else "",
        "office": is_office(user),
    }


def render(
    request: Request, name: str, user: User | None, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """Render a template with the user's navigation and whatever the handler passes."""
    return templates.TemplateResponse(
        request, name, {**user_context(user), **context}, status_code=status_code
    )


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


_ERRORS: tuple[tuple[type[Exception], int, str], ...] = (
    (PermissionDenied, 403, "Không có quyền truy cập"),
    (NotFoundError, 404, "Không tìm thấy"),
    (ConflictError, 409, "Không thực hiện được"),
    (InputError, 400, "Dữ liệu không hợp lệ"),
)


def error_page(request: Request, exc: Exception) -> Response:
    for kind, status, heading in _ERRORS:
        if isinstance(exc, kind):
            message = getattr(exc, "message", None) or str(exc)
            if is_htmx(request):  # a fragment swap: show the reason in place
                return htmx_error(message, status)
            user = getattr(request.state, "user", None)
            return render(
                request, "errors/error.html", user, status_code=status, heading=heading, message=message
            )
    raise exc


def htmx_error(message: str, status: int) -> HTMLResponse:
    """The reason of a refused HTMX request, swapped into the page's alert area."""
    return HTMLResponse(f'<p class="flash flash-error" role="alert">{_escape(message)}</p>',
                        status_code=status, headers={"HX-Retarget": "#htmx-error", "HX-Reswap": "innerHTML"})


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


class PageRoute(APIRoute):
    """Turns the typed errors of services into Vietnamese HTML pages, and a missing login into a redirect."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                if is_htmx(request):
                    return Response(status_code=204, headers={"HX-Redirect": "/dang-nhap"})
                return RedirectResponse(f"/dang-nhap?next={quote(target)}", status_code=303)
            except PasswordChangeRequired:
                if is_htmx(request):  # a fragment (the bell on the password page itself): refused, no loop
                    return htmx_error("Hãy đổi mật khẩu trước khi tiếp tục.", 403)
                return RedirectResponse(PASSWORD_PAGE, status_code=303)
            except (PermissionDenied, NotFoundError, ConflictError, InputError) as exc:
                return error_page(request, exc)

        return route
