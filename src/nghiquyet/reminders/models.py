"""Đôn đốc storage: office settings and rules, in-app notifications, the email outbox, the sending lease."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nghiquyet.db.base import Base, UtcDateTime, utcnow


class ReminderSettings(Base):
    """One row (id 1): when reports are due and when nobody is disturbed."""

    __tablename__ = "reminder_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    due_day: Mapped[int] = mapped_column(Integer, default=15)  # day of the month after the period
    quiet_start: Mapped[int] = mapped_column(Integer, default=22)  # local hour, Asia/Ho_Chi_Minh
    quiet_end: Mapped[int] = mapped_column(Integer, default=6)


class ReminderRule(Base):
    __tablename__ = "reminder_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # before, on_day, after, escalate, returned
    days: Mapped[int] = mapped_column(Integer, default=0)
    channels: Mapped[str] = mapped_column(String(50), default="inapp,email")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Notification(Base):
    """One message to one person; `key` names what it is about, so it is made once (idempotent runs)."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        Index("ix_notifications_user_read", "user_id", "read_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    due: Mapped[dt.date | None] = mapped_column(Date)
    email: Mapped[bool] = mapped_column(Boolean, default=True)  # the rule asks for the email channel too
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    emailed_in: Mapped[int | None] = mapped_column(ForeignKey("email_messages.id", ondelete="SET NULL"))


class EmailMessage(Base):
    """The outbox: one digest a day per person; kept after sending so a second run sends nothing."""

    __tablename__ = "email_messages"
    __table_args__ = (UniqueConstraint("user_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    to_addr: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class UserContact(Base):
    """How a person is reached outside the app: an email address and the secret of their .ics feed."""

    __tablename__ = "user_contacts"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    email: Mapped[str | None] = mapped_column(String(255))
    ics_token: Mapped[str] = mapped_column(String(64), unique=True)


class Lease(Base):
    """A named lease with an expiry: among several workers only its holder sends reminders."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
