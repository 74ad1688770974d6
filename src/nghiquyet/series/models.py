"""Series (one metric across plans and years), proposed updates from reported results, proposed tasks.

Nothing here changes a plan by itself: links, updates and tasks start as proposals that the office
confirms, edits or dismisses; every decision is audited and can be undone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.plans.models import Indicator

MEMBER_STATES = ("proposed", "confirmed", "rejected")
PROPOSAL_STATES = ("proposed", "accepted", "dismissed")


class Series(Base):
    __tablename__ = "series"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric: Mapped[str] = mapped_column(Text, default="")
    # The proposer's key (its first target): two parallel proposers of one cluster make one series.
    key: Mapped[str | None] = mapped_column(String(40), unique=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    members: Mapped[list[SeriesMember]] = relationship(
        back_populates="series", order_by="SeriesMember.id", cascade="all, delete-orphan")


class SeriesMember(Base):
    __tablename__ = "series_members"
    __table_args__ = (UniqueConstraint("series_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    target_ids: Mapped[list[int]] = mapped_column(JSON, default=list)  # the targets that matched
    state: Mapped[str] = mapped_column(String(10), default="proposed")
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    series: Mapped[Series] = relationship(back_populates="members")
    indicator: Mapped[Indicator] = relationship()


class Proposal(Base):
    """A result a document reports, proposed as the approved figure of a target for a period."""

    __tablename__ = "proposals"
    __table_args__ = (
        UniqueConstraint("document_id", "result_index", "target_id"),
        Index("ix_proposals_plan_state", "plan_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    result_index: Mapped[int] = mapped_column(Integer)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[float | None] = mapped_column(Float)  # in the target's unit (after any conversion)
    unit: Mapped[str | None] = mapped_column(String(80))
    reported_value: Mapped[float | None] = mapped_column(Float)  # as the document says it
    reported_unit: Mapped[str | None] = mapped_column(String(80))
    conversion: Mapped[str | None] = mapped_column(Text)  # "29,9% × 1.010 tỷ đồng = 302 tỷ đồng"
    metric: Mapped[str] = mapped_column(Text, default="")
    line: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="proposed")
    update_id: Mapped[int | None] = mapped_column(ForeignKey("updates.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class TaskProposal(Base):
    """A directive of a conclusion notice (or a task of a new resolution), proposed as a plan's task."""

    __tablename__ = "task_proposals"
    __table_args__ = (UniqueConstraint("document_id", "task_index", "plan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    task_index: Mapped[int] = mapped_column(Integer)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    label: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    line: Mapped[int | None] = mapped_column(Integer)
    line_end: Mapped[int | None] = mapped_column(Integer)
    lead_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    support_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(255))
    why: Mapped[str] = mapped_column(Text, default="")  # how the plan was chosen
    state: Mapped[str] = mapped_column(String(10), default="proposed")
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    @property
    def extra(self) -> dict[str, Any]:
        return {"lead": self.lead_names, "support": self.support_names}
