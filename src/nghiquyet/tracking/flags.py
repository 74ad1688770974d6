"""Nghi sai số liệu: a reported figure someone doubts, with why, until the office settles it.

The figure itself is not touched (it may be approved and locked); the flag stands beside it on the
target page and in the office's list of open issues, so a doubtful number is never read as settled.
Who may raise one: the office, and the reporters of the unit that sent the figure.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from nghiquyet.accounts.models import User
from nghiquyet.audit.service import record
from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from nghiquyet.plans.models import Target
from nghiquyet.tracking.models import Update
from nghiquyet.units.permissions import Actor, is_manager, readable_unit_ids, require_manager

MIN_REASON = 10  # "sai" alone says nothing the office can check
REASON_HINT = "số nào, vì sao nghi sai, nguồn đối chiếu"
NOT_YOURS = "Chỉ Văn phòng hoặc cán bộ của đơn vị đã báo cáo được đánh dấu nghi sai số liệu."


class FigureFlag(Base):
    __tablename__ = "figure_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    raised_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    raised_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    update: Mapped[Update] = relationship(lazy="joined")
    target: Mapped[Target] = relationship(lazy="joined")
    raiser: Mapped[User | None] = relationship(foreign_keys=[raised_by], lazy="joined")


def flag_figure(session: Session, *, update_id: int, reason: str, actor: Actor) -> FigureFlag:
    """Raise a doubt on a reported figure (office, or a reporter of the unit that sent it)."""
    update = session.get(Update, update_id)
    if update is None:
        raise NotFoundError(f"Không tìm thấy báo cáo số {update_id}.")
    if not is_manager(actor) and not (actor.role == "unit" and actor.unit_id == update.unit_id):
        raise PermissionDenied(NOT_YOURS)
    if update.target_id is None or update.value is None:
        raise InputError("Chỉ đánh dấu được báo cáo có số liệu của chỉ tiêu.")
    text = " ".join(reason.split())
    if len(text) < MIN_REASON:
        raise InputError(f"Hãy ghi lý do nghi sai (ít nhất {MIN_REASON} ký tự): {REASON_HINT}.")
    if open_flags(session, actor=actor, update_ids=[update.id]):
        raise ConflictError("Số liệu này đã được đánh dấu nghi sai và đang chờ xử lý.")
    flag = FigureFlag(update_id=update.id, target_id=update.target_id, reason=text, raised_by=actor.id)
    session.add(flag)
    session.flush()
    record(session, actor=actor, action="figure.flag", object_type="update", object_id=update.id,
           after={"flag": flag.id, "reason": text})
    return flag


def resolve_flag(session: Session, *, flag_id: int, actor: Actor) -> FigureFlag:
    """The office has checked the figure (corrected it or confirmed it): the doubt is closed."""
    require_manager(actor, "xử lý số liệu nghi sai")
    flag = session.get(FigureFlag, flag_id)
    if flag is None:
        raise NotFoundError(f"Không tìm thấy đánh dấu nghi sai số {flag_id}.")
    if flag.resolved_at is None:
        flag.resolved_at, flag.resolved_by = utcnow(), actor.id
        session.flush()
        record(session, actor=actor, action="figure.resolve", object_type="update", object_id=flag.update_id,
               after={"flag": flag.id})
    return flag


def open_flags(session: Session, *, actor: Actor, target_ids: list[int] | None = None,
               update_ids: list[int] | None = None) -> list[FigureFlag]:
    """Open doubts the actor may read (a unit account: its own unit's figures), newest first."""
    query = select(FigureFlag).join(Update, Update.id == FigureFlag.update_id).where(
        FigureFlag.resolved_at.is_(None)).order_by(FigureFlag.raised_at.desc(), FigureFlag.id.desc())
    if target_ids is not None:
        query = query.where(FigureFlag.target_id.in_(target_ids))
    if update_ids is not None:
        query = query.where(FigureFlag.update_id.in_(update_ids))
    allowed = readable_unit_ids(session, actor)
    if allowed is not None:
        query = query.where(Update.unit_id.in_(allowed))
    return list(session.scalars(query).unique())



