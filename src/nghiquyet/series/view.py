"""A series as people and scripts read it: members in year order, targets, approved figures, warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.documents.naming import name_of
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.series.links import is_confirmed, live_members
from nghiquyet.series.models import Series, SeriesMember
from nghiquyet.series.rules import Point, Warning, check
from nghiquyet.status import Period
from nghiquyet.tracking.models import Update, counts_for_target


@dataclass
class MemberView:
    indicator_id: int
    plan_id: int
    plan_title: str
    doc: str | None
    document_id: int | None
    line: int | None
    year: int | None
    term: bool
    first_year: int | None
    state: str
    reason: str | None
    text: str
    targets: list[Target]
    # Approved figures of the member's targets: (period code, target id) → value.
    figures: dict[tuple[str, int], float] = field(default_factory=dict)


@dataclass
class SeriesView:
    id: int
    metric: str
    confirmed: bool
    members: list[MemberView]
    warnings: list[Warning]

    def to_dict(self) -> dict[str, Any]:
        """The pinned JSON shape (`nghiquyet series --format json`, `GET /api/v1/series`)."""
        return {"id": self.id, "metric": self.metric, "confirmed": self.confirmed, "members": [
            {"plan_id": m.plan_id, "doc": m.doc, "line": m.line, "year": m.year, "targets": [
                {"id": t.id, "indicator_id": m.indicator_id, "metric": t.metric, "comparator": t.comparator,
                 "value": t.value, "value_max": t.value_max, "unit": t.unit, "year": t.year,
                 "change": t.change} for t in m.targets]}
            for m in self.members]}


def _member_view(member: SeriesMember, plan: Plan, targets: list[Target]) -> MemberView:
    ind: Indicator = member.indicator
    term = bool(plan.year_start and plan.year_end and plan.year_end > plan.year_start)
    year = next((t.year for t in targets if t.year), None) or plan.year_end
    return MemberView(indicator_id=ind.id, plan_id=plan.id, plan_title=name_of(plan),
                      doc=plan.document.filename if plan.document else None, document_id=plan.document_id,
                      line=ind.line, year=year,
                      term=term, first_year=plan.year_start, state=member.state, reason=member.reason,
                      text=ind.text, targets=targets)


def _figures(session: Session, members: list[MemberView]) -> None:
    """The newest approved figure of each member target for each period."""
    ids = {t.id: m for m in members for t in m.targets}
    if not ids:
        return
    rows = session.execute(
        select(Update.target_id, Update.period, Update.value, Update.version, Update.id)
        .where(Update.target_id.in_(list(ids)), Update.state == "approved", Update.value.is_not(None),
               counts_for_target())
        .order_by(Update.version, Update.id))
    for target_id, period, value, _, _ in rows:
        assert target_id is not None and value is not None
        ids[target_id].figures[(period, target_id)] = value  # later versions overwrite earlier ones


def _points(members: list[MemberView]) -> tuple[list[Point], dict[int, float]]:
    points: list[Point] = []
    actuals: dict[int, float] = {}
    for m in members:
        if not m.targets:
            continue
        t = m.targets[0]
        points.append(Point(plan_id=m.plan_id, doc=m.doc or f"kế hoạch #{m.plan_id}", line=m.line,
                            year=m.year, term=m.term, first_year=m.first_year, value=t.value, unit=t.unit,
                            comparator=t.comparator, change=t.change))
        for (period, target_id), value in m.figures.items():
            if target_id == t.id and Period.parse(period).kind == "year" and not m.term:
                actuals[Period.parse(period).year] = value
    return points, actuals


def series_view(session: Session, series: Series) -> SeriesView:
    members = []
    for member in live_members(series):
        plan = session.get(Plan, member.indicator.plan_id)
        assert plan is not None
        wanted = set(member.target_ids)
        targets = [t for t in member.indicator.targets if t.id in wanted] or list(member.indicator.targets)
        members.append(_member_view(member, plan, targets))
    members.sort(key=lambda m: (m.year or 0, not m.term, m.plan_id))
    _figures(session, members)
    points, actuals = _points(members)
    tracked = {p.year_end for p in session.scalars(select(Plan).where(Plan.year_start == Plan.year_end))
               if p.year_end is not None}
    return SeriesView(id=series.id, metric=series.metric, confirmed=is_confirmed(series), members=members,
                      warnings=check(points, actuals=actuals, tracked_years=tracked))
