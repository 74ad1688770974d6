"""Assignment (giao nhiệm vụ), Update (báo cáo tiến độ / số liệu) and Evidence (minh chứng)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    ColumnElement,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    exists,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.db.versions import Versioned
from nghiquyet.plans.models import Indicator, Task
from nghiquyet.units.models import Unit

ITEM_TYPES = ("indicator", "task")
ASSIGNMENT_ROLES = ("lead", "support")
UPDATE_STATES = ("draft", "submitted", "approved", "returned")


class Assignment(Versioned, Base):
    __tablename__ = "assignments"
    __table_args__ = (
        CheckConstraint(
            "(item_type = 'indicator' AND indicator_id IS NOT NULL AND task_id IS NULL) OR "
            "(item_type = 'task' AND task_id IS NOT NULL AND indicator_id IS NULL)",
            name="one_item"),
        # A unit holds an item once (as lead or as support), so NULLs of the other kind never clash.
        UniqueConstraint("indicator_id", "unit_id"),
        UniqueConstraint("task_id", "unit_id"),
        Index("ix_assignments_unit_plan", "unit_id", "plan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    item_type: Mapped[str] = mapped_column(String(10))
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(10), default="lead")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship(lazy="joined")
    indicator: Mapped[Indicator | None] = relationship()
    task: Mapped[Task | None] = relationship()

    @property
    def item_id(self) -> int:
        item = self.indicator_id if self.item_type == "indicator" else self.task_id
        assert item is not None
        return item


class Update(Versioned, Base):
    __tablename__ = "updates"
    __table_args__ = (
        CheckConstraint("(target_id IS NULL) <> (task_id IS NULL)", name="one_item"),
        Index("ix_updates_target_period_state", "target_id", "period", "state"),
        Index("ix_updates_task_period_state", "task_id", "period", "state"),
        Index("ix_updates_plan_period_unit", "plan_id", "period", "unit_id"),
        # One report per item, unit, period and version, even under parallel requests (issue 11).
        UniqueConstraint("target_id", "unit_id", "period", "version"),
        UniqueConstraint("task_id", "unit_id", "period", "version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(10))  # 2024, 2024-H1, 2024-Q3, 2024-07
    value: Mapped[float | None] = mapped_column(Float)
    progress: Mapped[float | None] = mapped_column(Float)  # percent 0..100
    note: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    # A correction of approved data is a new row (version + 1) pointing at what it corrects.
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("updates.id", ondelete="SET NULL"))
    return_reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # Approval at the level below (the unit's parent), for plans approved at two levels.
    approved_below_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_below_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    unit: Mapped[Unit] = relationship(lazy="joined")
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="update", order_by="Evidence.id", cascade="all, delete-orphan")

    @property
    def item_type(self) -> str:
        return "target" if self.target_id is not None else "task"


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to settings.files_dir
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    update: Mapped[Update] = relationship(back_populates="evidence")


class TargetShare(Base):
    """A unit's share of a target (phần chỉ tiêu giao cho đơn vị cấp dưới): the value it must reach.

    A province's "thu ngân sách 6.000 tỷ đồng" split into each district's or commune's figure. The
    share is judged as its target is (same comparator, wording, year and rules), with the share's
    value, against the share unit's own approved figure for the target; that figure is the unit's
    part, so it never stands for the target itself (`counts_for_target`).
    """

    __tablename__ = "target_shares"
    __table_args__ = (UniqueConstraint("target_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    # Denormalised from the target, as Target.plan_id is: a plan's shares in one indexed query.
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)  # the high end, for a range target
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship(lazy="joined")


def counts_for_target() -> ColumnElement[bool]:
    """Whether an Update's figure stands for its target: not when its unit holds a share of the
    target (that figure is the unit's part, judged against the share). Every query that picks a
    target's figure (`plan_status`, the stored statuses, the roll-up) adds this one condition."""
    return ~exists().where(TargetShare.target_id == Update.target_id, TargetShare.unit_id == Update.unit_id)


class StoredStatus(Base):
    """An indicator's judged status for one period, kept current on every write (issue 15 point 4).

    Only (indicator, period) pairs for which some target has an approved figure inside the period
    have a row; every other indicator with targets is "chưa có số liệu" for that period, which is
    what judging it would say. `tracking.stored_status` writes these rows and reads them in tallies.
    """

    __tablename__ = "stored_statuses"
    # The staleness check of a tally reads (period, judged_on) only.
    __table_args__ = (Index("ix_stored_statuses_period", "period", "judged_on"),)

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"),
                                              primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    # The day it was judged on: a period still running is judged "so far", so its row holds only
    # until the day changes; once the period has ended, any later day judges it the same.
    judged_on: Mapped[dt.date] = mapped_column(Date)


class StoredShareStatus(Base):
    """A target share's judged status for one period, kept current as `StoredStatus` is.

    Only (share, period) pairs where the share's unit has an approved figure for the target inside
    the period have a row; every other share is "chưa có số liệu" for that period.
    """

    __tablename__ = "stored_share_statuses"
    __table_args__ = (Index("ix_stored_share_statuses_period", "period", "judged_on"),)

    share_id: Mapped[int] = mapped_column(ForeignKey("target_shares.id", ondelete="CASCADE"),
                                          primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    # The share's target: a refresh replaces a target's rows, those of shares just taken back too.
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    judged_on: Mapped[dt.date] = mapped_column(Date)


class StoredStatusRules(Base):
    """Which version of the status rules the stored statuses were judged by (one row).

    The version is a fingerprint of the rules' source, so changing a rule re-judges every stored
    status on the next tally instead of serving the old rule's verdicts.
    """

    __tablename__ = "stored_status_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64))


class StoredTally(Base):
    """How many indicators a unit leads in a plan, and how many of them hold each stored status per
    period: the level tallies read these few rows per unit instead of joining every led indicator
    to its status (issue 15: a province's 6,000 indicators, a country's 60,000).

    Rebuilt for a whole plan whenever anything its counts depend on is written (`stored_status`,
    in the same transaction). A row with period "" and status "" (`LED`) counts the indicators led;
    indicators without a stored status for a period are "chưa có số liệu" there.
    """

    __tablename__ = "stored_tallies"
    # A rebuild replaces a plan's rows.
    __table_args__ = (Index("ix_stored_tallies_plan", "plan_id"),)

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(32), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
