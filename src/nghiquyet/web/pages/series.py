"""Plan vs actual per quarter and for the whole year, drawn for the targets worth a look."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup
from sqlalchemy.orm import Session

from nghiquyet.status import Period
from nghiquyet.tracking.service import IndicatorStatus, PlanStatus, TargetStatus
from nghiquyet.tracking.visibility import plan_status_for
from nghiquyet.units.permissions import Actor
from nghiquyet.web.format import labelled
from nghiquyet.web.pages.charts import ChartPoint, bar_chart
from nghiquyet.web.pages.status_views import LAGGING, rank


@dataclass
class Chart:
    indicator_id: int
    title: str
    svg: Markup


def _periods(year: int) -> list[tuple[Period, str]]:
    quarters = [(q, q.label_vi.split("/")[0]) for q in (Period.of(year, "quarter", i) for i in range(1, 5))]
    return [*quarters, (Period.of(year, "year"), "Cả năm")]


def _find(ps: PlanStatus, target_id: int) -> TargetStatus | None:
    return next((t for i in ps.indicators for t in i.targets if t.id == target_id), None)


def charts_for(
    session: Session,
    *,
    actor: Actor,
    plan_id: int,
    indicators: list[IndicatorStatus],
    year: int,
    today: date,
    limit: int = 6,
) -> list[Chart]:
    """One chart per target with a planned value; targets with figures and lagging ones first."""
    periods = _periods(year)
    judged = {p.code: plan_status_for(session, actor=actor, plan_id=plan_id, period=p.code, as_of=today)
              for p, _ in periods}
    drawn: list[tuple[bool, int, Chart]] = []
    for ind in indicators:
        for t in ind.targets:
            if t.value is None:
                continue
            points = []
            for p, label in periods:
                found = _find(judged[p.code], t.id)
                expected = found.expected if found is not None and found.expected is not None else t.value
                points.append(
                    ChartPoint(
                        label,
                        expected,
                        found.actual if found else None,
                        lagging=found is not None and found.status in LAGGING,
                    )
                )
            has_data = any(pt.actual is not None for pt in points)
            title = labelled(ind.label, t.metric or ind.text)
            drawn.append(
                (
                    not has_data,
                    rank(t.status),
                    Chart(ind.id, title, bar_chart(points, title=title, unit=t.unit)),
                )
            )
    drawn.sort(key=lambda d: (d[0], d[1]))  # stable: document order among equals
    return [c for _, _, c in drawn[:limit]]
