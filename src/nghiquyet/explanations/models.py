"""ExplanationRequest (yêu cầu giải trình) and Blocker (khó khăn, vướng mắc), each about one plan item."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.units.models import Unit

_ONE_ITEM = (
    "(item_type = 'indicator' AND indicator_id IS NOT NULL AND task_id IS NULL) OR "
    "(item_type = 'task' AND task_id IS NOT NULL AND indicator_id IS NULL)"
)


class AboutItem:
    """The columns both tables share: the plan item (a chỉ tiêu or a nhiệm vụ) and the unit concerned."""

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    item_type: Mapped[str] = mapped_column(String(10))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))

    @property
    def item_id(self) -> int:
        item = self.indicator_id if self.item_type == "indicator" else self.task_id
        assert item is not None
        return item


class ExplanationRequest(AboutItem, Base):
    """A leader or the office asks a unit why an item lags; the unit's answer is kept on the same row."""

    __tablename__ = "explanation_requests"
    __table_args__ = (
        CheckConstraint(_ONE_ITEM, name="one_item"),
        Index("ix_explanation_requests_indicator", "indicator_id"),
        Index("ix_explanation_requests_task", "task_id"),
        Index("ix_explanation_requests_unit_state", "unit_id", "state"),
    )

    period: Mapped[str | None] = mapped_column(String(10))
    question: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(10), default="open")  # open, answered
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    unit: Mapped[Unit] = relationship(lazy="joined")


class Blocker(AboutItem, Base):
    """A difficulty a unit raises on an item, addressed to the office (to_unit_id NULL) or a parent unit."""

    __tablename__ = "blockers"
    __table_args__ = (
        CheckConstraint(_ONE_ITEM, name="one_item"),
        Index("ix_blockers_state_unit", "state", "unit_id"),
        Index("ix_blockers_to_unit", "to_unit_id"),
        Index("ix_blockers_indicator", "indicator_id"),
        Index("ix_blockers_task", "task_id"),
    )

    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(255))
    detail: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="open")  # open, closed
    raised_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    raised_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    decision: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    unit: Mapped[Unit] = relationship(lazy="joined", foreign_keys="Blocker.unit_id")
    to_unit: Mapped[Unit | None] = relationship(lazy="joined", foreign_keys="Blocker.to_unit_id")
