"""What of a plan's results an account may see (docs/permissions.md, "who reads what").

A `unit` account reads figures — the value, the period it came from, the update behind it, the
ratio to the plan — only when they were reported by its own unit or a unit below it. Of every other
target it sees the judgement (status, rule) and the tallies, which are counts, never a unit's figure.
Every other role reads everything. One function, so the API, the pages and the charts cannot differ.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.tracking.models import Update
from nghiquyet.tracking.status import IndicatorStatus, PlanStatus, TargetStatus, plan_status
from nghiquyet.units.permissions import Actor, readable_unit_ids

WITHHELD_VI = ("Số liệu do đơn vị khác báo cáo: tài khoản đơn vị chỉ xem kết quả đánh giá và số tổng hợp, "
               "không xem số liệu của đơn vị khác")


def figure_units(session: Session, actor: Actor) -> set[int] | None:
    """Units whose figures `actor` reads (None: all); a unit account without a unit reads none."""
    if actor.role == "unit" and actor.unit_id is None:
        return set()
    return readable_unit_ids(session, actor)


def withhold_figures(session: Session, actor: Actor, status: PlanStatus) -> PlanStatus:
    """`status` as `actor` may read it: other units' figures removed, judgements and tallies kept."""
    allowed = figure_units(session, actor)
    if allowed is None:
        return status
    update_ids = {t.update_id for i in status.indicators for t in i.targets if t.update_id is not None}
    if not update_ids:
        return status
    rows = session.execute(select(Update.id, Update.unit_id).where(Update.id.in_(update_ids)))
    unit_of: dict[int, int] = {update_id: unit_id for update_id, unit_id in rows}
    hidden = {uid for uid in update_ids if unit_of.get(uid) not in allowed}

    def target(t: TargetStatus) -> TargetStatus:
        if t.update_id not in hidden:
            return t
        return dataclasses.replace(t, actual=None, actual_period=None, update_id=None, ratio=None,
                                   explanation_vi=WITHHELD_VI)

    def indicator(i: IndicatorStatus) -> IndicatorStatus:
        # An indicator's explanation repeats its targets' (figures included): withheld with them.
        if not any(t.update_id in hidden for t in i.targets):
            return i
        return dataclasses.replace(i, targets=[target(t) for t in i.targets], explanation_vi=WITHHELD_VI)

    return dataclasses.replace(status, indicators=[indicator(i) for i in status.indicators])


class _Found(Protocol):
    """A search hit (`nghiquyet.search.Hit`; search sits above tracking, so only its shape is named)."""

    @property
    def kind(self) -> str: ...
    @property
    def item_id(self) -> int | None: ...


F = TypeVar("F", bound=_Found)


def withhold_hits(session: Session, actor: Actor, hits: Sequence[F]) -> list[F]:
    """Search hits without other units' update notes (a note is part of a unit's figure)."""
    allowed = figure_units(session, actor)
    if allowed is None:
        return list(hits)
    update_ids = {h.item_id for h in hits if h.kind == "update" and h.item_id is not None}
    if not update_ids:
        return list(hits)
    readable = set(session.scalars(
        select(Update.id).where(Update.id.in_(update_ids), Update.unit_id.in_(allowed))))
    return [h for h in hits if h.kind != "update" or h.item_id in readable]


def plan_status_for(session: Session, *, actor: Actor, plan_id: int, period: str,
                    as_of: dt.date | None = None) -> PlanStatus:
    """`plan_status` as `actor` may read it."""
    return withhold_figures(session, actor, plan_status(session, plan_id=plan_id, period=period, as_of=as_of))
