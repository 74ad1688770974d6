"""Unit: a node of the organisation tree (sở, ban, đảng ủy, UBND xã, chi bộ...)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.db.versions import Versioned

UNIT_KINDS = ("tinh_uy", "so", "ban", "nganh", "dang_uy", "ubnd", "ubnd_xa", "chi_bo", "mttq", "doan_the",
              "other")


class Unit(Versioned, Base):
    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(30), default="other")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    # Materialised path "/1/7/42/": a subtree is one indexed LIKE '/1/7/%' instead of a recursive query.
    path: Mapped[str] = mapped_column(String(1000), default="/", index=True)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Unit(id={self.id!r}, code={self.code!r}, name={self.name!r})"
