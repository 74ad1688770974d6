"""User: a person who signs in; belongs to a unit; one role decides what they may do."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.units.models import Unit

ROLES = ("admin", "office", "unit", "leader", "inspector")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    full_name: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(20), default="unit")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Every token carries the version it was issued under; logout and a password change bump it,
    # so every token issued before stops working at once (accounts/service.py).
    token_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Set by an administrator's reset: the temporary password works once, to choose one's own.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    unit: Mapped[Unit | None] = relationship(lazy="joined")

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, username={self.username!r}, role={self.role!r})"


class LoginThrottle(Base):
    """Failed sign-ins counted per account ("tk:<name>") and per address ("ip:<addr>").

    In the database, not in memory, so every worker of `serve --workers N` sees the same count.
    """

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_attempt: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Compare-and-set: a write names the version it read, so two workers never both take a try.
    version: Mapped[int] = mapped_column(Integer, default=0)
