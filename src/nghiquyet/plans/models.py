"""Plan, Indicator (chỉ tiêu), Target (mức chỉ tiêu) and Task (nhiệm vụ) — each keeps its source lines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.db.versions import Versioned
from nghiquyet.documents.models import Document

PLAN_STATUSES = ("active", "closed")


class Plan(Versioned, Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One plan per document: confirming again returns the same plan.
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    doc_type: Mapped[str] = mapped_column(String(40), default="other")
    number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(255))
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="active")
    # 1: the office approves every figure; 2: a figure of a unit whose parent unit has reporters is
    # approved by that parent first ("đã duyệt ở cấp dưới"), then by the office ("ở cấp trên").
    approval_levels: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # A commune's or district's plan that carries out a plan of the level above ("kế hoạch thực hiện
    # nghị quyết của Tỉnh ủy"): the roll-up of a plan counts the plans below it with it.
    parent_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"),
                                                       index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    document: Mapped[Document | None] = relationship()
    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="plan", order_by="Indicator.position", cascade="all, delete-orphan")
    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", order_by="Task.position", cascade="all, delete-orphan")

    @property
    def end_date(self) -> dt.date | None:
        return dt.date(self.year_end, 12, 31) if self.year_end else None

    def __repr__(self) -> str:
        return f"Plan(id={self.id!r}, title={self.title[:40]!r})"


class Indicator(Versioned, Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str | None] = mapped_column(String(40))
    group: Mapped[str] = mapped_column(String(40), default="other")
    section: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    line: Mapped[int | None] = mapped_column(Integer)
    line_end: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[Plan] = relationship(back_populates="indicators")
    targets: Mapped[list[Target]] = relationship(
        back_populates="indicator", order_by="Target.position", cascade="all, delete-orphan")


class Target(Versioned, Base):
    __tablename__ = "targets"
    __table_args__ = (Index("ix_targets_plan_indicator", "plan_id", "indicator_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    # Denormalised from the indicator so a plan's targets load in one indexed query.
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    metric: Mapped[str] = mapped_column(Text, default="")
    comparator: Mapped[str] = mapped_column(String(10), default="eq")
    value: Mapped[float | None] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(80))
    change: Mapped[str | None] = mapped_column(String(10))
    baseline: Mapped[str | None] = mapped_column(String(255))
    year: Mapped[int | None] = mapped_column(Integer)
    direction: Mapped[str | None] = mapped_column(String(4))  # up | down; None: infer from the wording
    text: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship(back_populates="targets")
    plan: Mapped[Plan] = relationship()  # sets the denormalised plan_id on insert


class Task(Versioned, Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str | None] = mapped_column(String(40))
    section: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    line: Mapped[int | None] = mapped_column(Integer)
    line_end: Mapped[int | None] = mapped_column(Integer)
    domain: Mapped[str | None] = mapped_column(String(40))
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    deadline_text: Mapped[str | None] = mapped_column(String(255))  # as the document words it
    lead_names: Mapped[list[str]] = mapped_column(JSON, default=list)  # bodies named by the text
    support_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    projects: Mapped[list[str]] = mapped_column(JSON, default=list)
    references: Mapped[list[str]] = mapped_column(JSON, default=list)

    plan: Mapped[Plan] = relationship(back_populates="tasks")

    @property
    def extra(self) -> dict[str, Any]:
        return {"projects": self.projects, "references": self.references}
