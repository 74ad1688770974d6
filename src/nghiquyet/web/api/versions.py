"""ETag and If-Match over row versions (`nghiquyet.db.versions`): GET tells the version, writes check it.

An ETag is `"v<row_version>"`. A write whose If-Match names another version answers 409 with the
stored state (`current`) and its ETag, so the client can show the other person's change and retry.
If-Match is optional: a client that sends none writes as before, still protected by the ORM's
version check against a write that races it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Header, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nghiquyet.db.versions import StaleVersion, Versioned, stale_message
from nghiquyet.errors import InputError

_TAG = re.compile(r'^\s*(?:W/)?"v(\d{1,9})"\s*$')

V = TypeVar("V", bound=Versioned)

IfMatch = Annotated[str | None, Header(alias="If-Match", description='ETag đã đọc, ví dụ "v3"',
                                       max_length=200)]


class StaleOut(BaseModel):
    # A 409 is either a stale If-Match (version and current given) or a plain conflict (detail only).
    detail: str = Field(description="Lý do, bằng tiếng Việt")
    version: int | None = Field(default=None, description="Phiên bản đang lưu (khi If-Match không khớp)")
    current: dict[str, Any] | None = Field(default=None, description="Nội dung đang lưu (như GET trả về)")
    existing_id: int | None = Field(default=None, description="409: mã của bản ghi đã có")


STALE_RESPONSES: dict[int | str, dict[str, Any]] = {
    409: {"model": StaleOut,
          "description": "Người khác đã sửa trước (If-Match không khớp) hoặc trái với trạng thái hiện có"},
}


def etag(version: int) -> str:
    return f'"v{version}"'


def tag(response: Response, obj: Versioned) -> None:
    """Put the row's ETag on a response."""
    response.headers["ETag"] = etag(obj.row_version)


def expected_version(if_match: str | None) -> int | None:
    """The version an If-Match header names; None when absent or `*` (any version will do)."""
    if if_match is None or if_match.strip() in ("", "*"):
        return None
    match = _TAG.match(if_match.split(",")[0])
    if match is None:
        raise InputError(f'If-Match không hợp lệ: {if_match[:40]!r}; gửi lại ETag đã nhận, ví dụ "v3"')
    return int(match.group(1))


def require_fresh(obj: Versioned, if_match: str | None, what_vi: str,
                  current: Callable[[], BaseModel]) -> None:
    """Refuse a write based on another version than the stored one, telling what is stored."""
    expected = expected_version(if_match)
    if expected is not None and expected != obj.row_version:
        raise StaleVersion(stale_message(what_vi, obj.row_version), version=obj.row_version,
                           current=current().model_dump(mode="json"))


def guarded_write(session: Session, what_vi: str, reload: Callable[[], tuple[Versioned, BaseModel]],
                  action: Callable[[], V]) -> V:
    """Run a write; one that lost a race to another (both read the same version) is a 409 too."""
    try:
        return action()
    except StaleDataError as exc:
        session.rollback()
        obj, shown = reload()
        raise StaleVersion(stale_message(what_vi, obj.row_version), version=obj.row_version,
                           current=shown.model_dump(mode="json")) from exc
