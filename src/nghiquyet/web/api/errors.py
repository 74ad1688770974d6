"""Typed errors → HTTP status with a Vietnamese `detail`, so every client reads failures the same way."""

from __future__ import annotations

import logging
from pathlib import PurePath
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from nghiquyet.db.versions import StaleVersion
from nghiquyet.errors import (
    ConflictError,
    InputError,
    LimitExceeded,
    NghiquyetError,
    NotFoundError,
    PermissionDenied,
    TooComplex,
    ValidationFailed,
)

STATUS_OF: tuple[tuple[type[NghiquyetError], int], ...] = (
    (PermissionDenied, 403),
    (NotFoundError, 404),
    (ConflictError, 409),
    (ValidationFailed, 422),  # before InputError, its base: typed values that fail their checks
    (LimitExceeded, 413),  # a file past a size, inflated-size or page limit
    (TooComplex, 422),  # a file whose reading overran its time or memory allowance
    (InputError, 400),
)

# Pydantic's English messages, by error type, for the fields a form or script most often gets wrong.
_VALIDATION_VI = {
    "missing": "thiếu trường bắt buộc",
    "int_parsing": "phải là số nguyên",
    "float_parsing": "phải là số",
    "literal_error": "giá trị không thuộc danh sách cho phép",
    "enum": "giá trị không thuộc danh sách cho phép",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "string_too_short": "quá ngắn",
    "string_too_long": "quá dài",
    "value_error": "giá trị không hợp lệ",
    "json_invalid": "nội dung JSON không hợp lệ",
    "model_attributes_type": "phải là một đối tượng JSON",
    "dict_type": "phải là một đối tượng JSON",
}


log = logging.getLogger(__name__)

RACE_MESSAGE = ("Dữ liệu vừa bị thay đổi cùng lúc hoặc trùng với một bản ghi đã có, nên thay đổi của bạn "
                "chưa được lưu — hãy tải lại để xem dữ liệu mới nhất rồi thử lại")


def status_for(exc: NghiquyetError) -> int:
    for cls, status in STATUS_OF:
        if isinstance(exc, cls):
            return status
    return 400


def public_message(exc: NghiquyetError) -> str:
    """The error as a client may see it: a file is named by its base name, never by a server path."""
    if isinstance(exc, InputError) and exc.path:
        where = PurePath(exc.path).name + (f":{exc.line}" if exc.line else "")
        return f"{where}: {NghiquyetError.__str__(exc)}"
    return str(exc)


def _problem(problem: dict[str, object]) -> dict[str, object]:
    """A service's problem (row, field, message) in the shape of the documented 422 items (loc, msg, type)."""
    field = str(problem.get("field") or "body")
    row = problem.get("row")
    loc: list[object] = ["body", "rows", row - 1, field] if isinstance(row, int) else ["body", field]
    return {"loc": loc, "msg": str(problem.get("message") or ""), "type": "value_error", **problem}


def _domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, NghiquyetError)
    body: dict[str, object] = {"detail": public_message(exc)}
    if isinstance(exc, ConflictError) and exc.existing_id is not None:
        body["existing_id"] = exc.existing_id
    if isinstance(exc, ValidationFailed):
        body["errors"] = [_problem(p) for p in exc.problems]
    headers = {}
    if isinstance(exc, StaleVersion):  # If-Match was stale: what is stored now, and its ETag
        body["version"], headers["ETag"] = exc.version, f'"v{exc.version}"'
        if exc.current is not None:
            body["current"] = exc.current
    return JSONResponse(body, status_code=status_for(exc), headers=headers)


def describe_validation(errors: list[Any]) -> str:
    """One Vietnamese sentence naming each bad field (the raw list stays in `errors`)."""
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "form")]
        field = ".".join(loc) or "dữ liệu"
        reason = _VALIDATION_VI.get(err.get("type", ""), err.get("msg", "không hợp lệ"))
        if err.get("type") == "value_error" and err.get("ctx", {}).get("error"):
            reason = str(err["ctx"]["error"])  # our validators already speak Vietnamese
        parts.append(f"{field}: {reason}")
    return "Dữ liệu gửi lên không hợp lệ — " + "; ".join(parts)


def validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    safe = [{"loc": list(e.get("loc", ())), "type": e.get("type"), "msg": e.get("msg")} for e in errors]
    return JSONResponse({"detail": describe_validation(errors), "errors": safe}, status_code=422)


class ErrorOut(BaseModel):
    detail: str = Field(description="Lý do, bằng tiếng Việt")
    existing_id: int | None = Field(default=None, description="409: mã của bản ghi đã có")


# Documented on every API route, so clients (and Schemathesis) know the failure bodies.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Dữ liệu không dùng được"},
    401: {"model": ErrorOut, "description": "Chưa đăng nhập hoặc phiên đã hết hạn"},
    403: {"model": ErrorOut, "description": "Không có quyền (kèm lý do)"},
    404: {"model": ErrorOut, "description": "Không tìm thấy"},
    409: {"model": ErrorOut, "description": "Trái với trạng thái hiện có"},
    413: {"model": ErrorOut, "description": "Tệp vượt giới hạn (dung lượng, nội dung giải nén, số trang)"},
}
_VALIDATION_SCHEMA = {
    "title": "HTTPValidationError", "type": "object", "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "title": "Detail"},
        "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}},
    },
}


def _out_of_range(_request: Request, _exc: Exception) -> JSONResponse:
    # A number the database cannot hold (an id past 32 bits in a body, a text past a column's
    # length on PostgreSQL): the client's value is wrong, not the server.
    return JSONResponse({"detail": "Giá trị vượt quá giới hạn lưu trữ (số quá lớn hoặc chuỗi quá dài)."},
                        status_code=400)


def _race_lost(request: Request, exc: Exception) -> JSONResponse:
    # A constraint or row-version check the services did not foresee, lost to a concurrent write
    # (two inserts of one unique key, an UPDATE of a row another request changed first). The
    # transaction was rolled back; the client can reload and retry: a conflict, not a server fault.
    log.warning("409 on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return JSONResponse({"detail": RACE_MESSAGE}, status_code=409)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(NghiquyetError, _domain_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(OverflowError, _out_of_range)
    app.add_exception_handler(DataError, _out_of_range)
    app.add_exception_handler(IntegrityError, _race_lost)
    app.add_exception_handler(StaleDataError, _race_lost)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        # Our 422 body is {"detail": "<câu tiếng Việt>", "errors": [...]}, not FastAPI's list.
        schema = generate()
        components = schema.get("components", {}).get("schemas", {})
        if "HTTPValidationError" in components:
            components["HTTPValidationError"] = _VALIDATION_SCHEMA
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
