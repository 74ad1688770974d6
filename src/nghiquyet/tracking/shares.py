"""A target broken down to the units below: each unit's share (phần chỉ tiêu giao cho đơn vị) and its status.

"Thu ngân sách trên địa bàn đạt 6.000 tỷ đồng": the province gives each district (or commune) the
figure it must reach. A share keeps the target's comparator, wording, unit and year — only the value
is the unit's — so it is judged by the same `judge_target` the target is, for the same period and day,
against the figure the share's unit reported for the target. That figure is the unit's part and never
stands for the target itself (`counts_for_target`); the target keeps its lead unit's figure.

A unit holding a share may report the target (as an assigned unit may), and its figure goes through
the same submission and approval (both levels, when the plan has two).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.plans.models import Plan, Target
from nghiquyet.status import Period, spec_for
from nghiquyet.tracking.models import Assignment, TargetShare, Update
from nghiquyet.tracking.status import (
    Actual,
    judge_target,
    judging_date,
    periods_within,
    plan_end_of,
    standing_figures,
)
from nghiquyet.tracking.visibility import WITHHELD_VI, figure_units
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, require_manager


@dataclass(frozen=True)
class ShareSpec:
    """One unit's share as the office enters it."""

    unit_id: int
    value: float
    value_max: float | None = None
    note: str | None = None


@dataclass
class ShareStatus:
    id: int
    target_id: int
    unit_id: int
    unit_name: str
    value: float
    value_max: float | None
    note: str | None
    actual: float | None
    actual_period: str | None
    update_id: int | None
    status: str
    rule: str
    explanation_vi: str
    expected: float | None
    ratio: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _target(session: Session, target_id: int) -> Target:
    target = session.get(Target, target_id)
    if target is None:
        raise NotFoundError(f"Không tìm thấy mức chỉ tiêu #{target_id}")
    return target


def _check(session: Session, target: Target, spec: ShareSpec) -> None:
    if spec.value != spec.value:  # NaN
        raise InputError("Phần chỉ tiêu giao phải là một số")
    if spec.value_max is not None and spec.value_max < spec.value:
        raise InputError("Mức trên của phần chỉ tiêu phải không nhỏ hơn mức dưới")
    if session.get(Unit, spec.unit_id) is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{spec.unit_id}")
    leads = select(Assignment.id).where(Assignment.indicator_id == target.indicator_id,
                                        Assignment.unit_id == spec.unit_id, Assignment.role == "lead")
    if session.scalar(leads.limit(1)) is not None:
        # The lead's figure is the target's own: a share would take it off the target.
        raise ConflictError("Đơn vị chủ trì chỉ tiêu báo cáo số liệu của cả chỉ tiêu, không nhận phần giao")


def set_shares(session: Session, *, target_id: int, shares: list[ShareSpec],
               actor: Actor) -> list[TargetShare]:
    """Make the target's shares exactly `shares` (one per unit): added, changed or removed, audited."""
    require_manager(actor, "giao phần chỉ tiêu cho đơn vị")
    target = _target(session, target_id)
    if len({s.unit_id for s in shares}) != len(shares):
        raise InputError("Mỗi đơn vị chỉ nhận một phần của một mức chỉ tiêu")
    for spec in shares:
        _check(session, target, spec)
    existing = {s.unit_id: s for s in
                session.scalars(select(TargetShare).where(TargetShare.target_id == target_id))}
    before = [_snapshot(s) for s in existing.values()]
    wanted = {s.unit_id: s for s in shares}
    for unit_id, gone in existing.items():
        if unit_id not in wanted:
            session.delete(gone)
    kept: list[TargetShare] = []
    for unit_id, spec in wanted.items():
        share = existing.get(unit_id)
        if share is None:
            share = TargetShare(target_id=target.id, plan_id=target.plan_id, unit_id=unit_id,
                                value=spec.value, created_by=actor.id)
            session.add(share)
        share.value, share.value_max, share.note = spec.value, spec.value_max, spec.note
        kept.append(share)
    session.flush()
    record(session, actor=actor, action="target.shares", object_type="target", object_id=target.id,
           before={"shares": before}, after={"shares": [_snapshot(s) for s in kept]})
    return kept


def _snapshot(share: TargetShare) -> dict[str, Any]:
    return {"unit_id": share.unit_id, "value": share.value, "value_max": share.value_max, "note": share.note}


def holds_share(session: Session, *, unit_id: int, target_id: int) -> bool:
    query = select(TargetShare.id).where(TargetShare.unit_id == unit_id, TargetShare.target_id == target_id)
    return session.scalar(query.limit(1)) is not None


def share_statuses(session: Session, *, period: str, target_ids: list[int] | None = None,
                   plan_id: int | None = None, as_of: dt.date | None = None,
                   actor: Actor | None = None) -> list[ShareStatus]:
    """Every share of these targets (or of the plan) judged for `period` on `judging_date(as_of)`.

    With `actor`, a unit account reads the figures of its own subtree's shares only (the read rule of
    `visibility`): of the others it reads the judgement, never the figure."""
    on = judging_date(as_of)
    try:
        wanted = Period.parse(period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    query = (select(TargetShare, Target, Plan.year_end).join(Target, Target.id == TargetShare.target_id)
             .join(Plan, Plan.id == Target.plan_id).order_by(Target.position, Target.id, TargetShare.id))
    if target_ids is not None:
        query = query.where(TargetShare.target_id.in_(target_ids))
    if plan_id is not None:
        query = query.where(TargetShare.plan_id == plan_id)
    rows = session.execute(query).all()
    if not rows:
        return []
    figures = session.execute(
        select(Update.id, Update.target_id, Update.unit_id, Update.period, Update.value, Update.version,
               Update.decided_at)
        .join(TargetShare, and_(TargetShare.target_id == Update.target_id,
                                TargetShare.unit_id == Update.unit_id))
        .where(TargetShare.id.in_([share.id for share, _, _ in rows]), Update.state == "approved",
               Update.period.in_(periods_within(wanted))))
    standing = standing_figures(
        (((f.target_id, f.unit_id), Actual(f.id, f.target_id, f.period, f.value, f.version, f.decided_at))
         for f in figures), wanted)
    readable = figure_units(session, actor) if actor is not None else None
    out = []
    for share, target, year_end in rows:
        actual = standing.get((target.id, share.unit_id))
        spec = spec_for(comparator=target.comparator, value=share.value, value_max=share.value_max,
                        unit=target.unit, change=target.change, metric=target.metric,
                        direction=target.direction, year=target.year)
        used = Period.parse(actual.period) if actual is not None else wanted
        judged = judge_target(spec, actual.value if actual is not None else None, used,
                              plan_end_of(year_end, wanted), on)
        row = ShareStatus(
            id=share.id, target_id=target.id, unit_id=share.unit_id, unit_name=share.unit.name,
            value=share.value, value_max=share.value_max, note=share.note,
            actual=actual.value if actual is not None else None,
            actual_period=actual.period if actual is not None else None,
            update_id=actual.update_id if actual is not None else None,
            status=judged.status.value, rule=judged.rule, explanation_vi=judged.explanation_vi,
            expected=judged.expected, ratio=judged.ratio)
        if readable is not None and share.unit_id not in readable and actual is not None:
            row.actual = row.actual_period = row.update_id = row.ratio = None
            row.explanation_vi = WITHHELD_VI
        out.append(row)
    return out
