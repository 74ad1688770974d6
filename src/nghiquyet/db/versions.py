"""Row versions for optimistic concurrency: every editable row carries `row_version`.

SQLAlchemy's `version_id_col` bumps it on every UPDATE and adds `WHERE row_version = <read>`, so two
writers that read the same version cannot both win, even racing between the check and the flush
(the loser's flush raises StaleDataError). Clients see it as an ETag and send it back in If-Match;
pages send it in a hidden field. (`Update.version` is something else: a correction's number.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from nghiquyet.errors import ConflictError


class Versioned:
    """Mixin: a row version the ORM keeps and checks on every UPDATE."""

    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.row_version}


class StaleVersion(ConflictError):
    """Someone else changed the row since the client read it; carries what is stored now."""

    def __init__(self, message: str, *, version: int, current: dict[str, Any] | None = None) -> None:
        super().__init__(message, hint="hãy xem nội dung mới nhất rồi sửa lại")
        self.version = version
        self.current = current


def stale_message(what_vi: str, version: int) -> str:
    """The Vietnamese sentence a user reads when their copy is out of date."""
    return (f"{what_vi} vừa được người khác thay đổi (nay là phiên bản {version}); "
            "thay đổi của bạn chưa được lưu")


def check_version(obj: Versioned, expected: int | None, what_vi: str) -> None:
    """Raise StaleVersion when the client's version is not the stored one (None: the client sent none)."""
    if expected is not None and expected != obj.row_version:
        raise StaleVersion(stale_message(what_vi, obj.row_version), version=obj.row_version)
