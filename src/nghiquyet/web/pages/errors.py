"""Errors outside any page handler (an unknown address, a wrong method, a crash) as Vietnamese pages.

A browser that asks for an address no route serves gets the site's own 404 page, with the navigation
of whoever is signed in; scripts under /api/ keep a JSON body (with a Vietnamese `detail`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from nghiquyet.accounts.service import TokenError, user_from_token
from nghiquyet.web.api.errors import validation_error
from nghiquyet.web.deps import token_from_request
from nghiquyet.web.pages.common import htmx_error, is_htmx, render

log = logging.getLogger(__name__)

# Paths whose clients are programs: they keep JSON answers.
API_PREFIXES = ("/api/", "/openapi.json", "/docs")

# (heading, what happened and what to do) for each status a page may end in.
PAGE_ERRORS: dict[int, tuple[str, str]] = {
    400: ("Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không dùng được. Hãy quay lại và thử lại."),
    401: ("Chưa đăng nhập", "Hãy đăng nhập để tiếp tục."),
    403: ("Không có quyền truy cập", "Tài khoản của bạn không được xem trang này."),
    404: ("Không tìm thấy trang", "Địa chỉ này không có trên hệ thống. Hãy kiểm tra lại đường dẫn "
                                  "hoặc chọn một mục trong thanh chức năng."),
    405: ("Thao tác không được hỗ trợ",
          "Trang này không nhận thao tác vừa gửi. Hãy mở trang từ thanh chức năng rồi thực hiện lại."),
    500: ("Lỗi hệ thống", "Hệ thống gặp lỗi khi xử lý yêu cầu. Hãy thử lại sau ít phút; "
                          "nếu vẫn lỗi, báo cho quản trị hệ thống."),
}
# What an API client reads for Starlette's own English reasons ("Not Found", "Method Not Allowed").
API_DETAILS: dict[int, str] = {
    404: "Không tìm thấy địa chỉ này trong API (xem /docs).",
    405: "Địa chỉ này không nhận phương thức vừa dùng (xem /docs).",
    500: "Lỗi hệ thống khi xử lý yêu cầu; hãy thử lại sau.",
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIXES)


def error_response(request: Request, status: int, message: str | None = None) -> Response:
    """The Vietnamese error page for `status` (a fragment when HTMX asked), signed-in user's menu kept."""
    heading, default = PAGE_ERRORS.get(status, PAGE_ERRORS[400 if status < 500 else 500])
    text = message or default
    if is_htmx(request):
        return htmx_error(text, status)
    factory = getattr(request.app.state, "session_factory", None)
    token = token_from_request(request)
    if factory is None or not token:
        return render(request, "errors/error.html", None, status_code=status, heading=heading, message=text)
    with factory() as session:  # the menu reads the user's unit: render while the session is open
        try:
            user = user_from_token(session, token=token, settings=request.app.state.settings)
        except TokenError:
            user = None
        return render(request, "errors/error.html", user, status_code=status, heading=heading, message=text)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    if is_api(request):
        detail = exc.detail
        if status in API_DETAILS and detail in (None, "", _starlette_phrase(status)):
            detail = API_DETAILS[status]
        return JSONResponse({"detail": detail}, status_code=status, headers=exc.headers)
    # A page route's own HTTPException carries a Vietnamese reason; Starlette's English ones do not.
    own = exc.detail if exc.detail and exc.detail != _starlette_phrase(status) else None
    response = error_response(request, status, own)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


def _starlette_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _validation(request: Request, exc: Exception) -> Response:
    if is_api(request):
        return validation_error(request, exc)
    assert isinstance(exc, RequestValidationError)
    # A malformed path (/chi-tieu/abc) names no page; a malformed form or query is a bad request.
    in_path = any(err.get("loc", ("",))[0] == "path" for err in exc.errors())
    return error_response(request, 404 if in_path else 400)


def _crash(request: Request, exc: Exception) -> Response:
    log.error("Lỗi không xử lý được: %s %s", request.method, request.url.path, exc_info=exc)
    if is_api(request):
        return JSONResponse({"detail": API_DETAILS[500]}, status_code=500)
    return error_response(request, 500)


def install_page_errors(app: FastAPI) -> None:
    """Register after the API's handlers: these answer pages in HTML and hand /api/ back to JSON."""
    handlers: dict[type[Exception], Callable[[Request, Exception], Response | Awaitable[Response]]] = {
        StarletteHTTPException: _http_error,
        RequestValidationError: _validation,
        Exception: _crash,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)
