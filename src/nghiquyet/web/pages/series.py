"""Charts of plan vs actual per quarter (dashboard, plans), and the cycle's pages: a target across plans
and years on the item page, and the proposed updates that reported results bring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.documents.naming import name_of
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.extract.figures.numbers import parse_vn_number
from nghiquyet.plans.models import Plan, Target
from nghiquyet.plans.service import list_plans
from nghiquyet.series import directives, links, proposals
from nghiquyet.series.judgement import judgement_checks
from nghiquyet.series.links import list_series
from nghiquyet.series.models import Proposal, TaskProposal
from nghiquyet.series.view import SeriesView, series_view
from nghiquyet.status import Period
from nghiquyet.tracking.period_judgements import judge_periods
from nghiquyet.tracking.service import IndicatorStatus
from nghiquyet.tracking.visibility import figure_units
from nghiquyet.units.models import Unit
from nghiquyet.units.names import Resolution
from nghiquyet.units.permissions import Actor
from nghiquyet.web.deps import DbSession
from nghiquyet.web.format import labelled, vn_number
from nghiquyet.web.pages.charts import ACTUAL_COLOUR, PLAN_COLOUR, ChartPoint, bar_chart
from nghiquyet.web.pages.common import PageRoute, is_htmx, render, require_office, require_user
from nghiquyet.web.pages.periods import label_of
from nghiquyet.web.pages.status_views import LAGGING, rank


@dataclass
class Chart:
    indicator_id: int
    title: str
    svg: Markup


def _periods(year: int) -> list[tuple[Period, str]]:
    quarters = [(q, q.label_vi.split("/")[0]) for q in (Period.of(year, "quarter", i) for i in range(1, 5))]
    return [*quarters, (Period.of(year, "year"), "Cả năm")]


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
    """One chart per target with a planned value; targets with figures and lagging ones first.

    The quarters and the year are judged from one read of the targets' figures (`judge_periods`),
    not by judging the whole plan once per period.
    """
    periods = _periods(year)
    charted = [t.id for ind in indicators for t in ind.targets if t.value is not None]
    judged = judge_periods(session, plan_id=plan_id, target_ids=charted, periods=[p for p, _ in periods],
                           as_of=today, figure_units=figure_units(session, actor)) if charted else {}
    drawn: list[tuple[bool, int, Chart]] = []
    for ind in indicators:
        for t in ind.targets:
            if t.value is None:
                continue
            points = []
            for p, label in periods:
                found = judged.get((t.id, p.code))
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


# --- the cycle (issue 13): a target across plans and years, proposed updates ------------------------

router = APIRouter(route_class=PageRoute)
TERM_COLOUR = "#a61b1b"


def _period_label(code: str) -> str:
    return label_of(code)


def _short(period: Period) -> str:
    """"Q1/24", "H1/24", "T3/24", "2024": labels that fit a column when a series spans years."""
    year, _, part = period.code.partition("-")
    if not part:
        return year
    return f"{'T' + str(int(part)) if part.isdigit() else part}/{year[2:]}"


def series_chart(view: SeriesView, *, unit: str | None) -> Markup:
    """Each member's target (grey) beside the approved figures of its periods (blue), one column per
    period, with the term target drawn across as a dashed line."""
    columns: list[tuple[str, float | None, float | None]] = []  # label, target, approved figure
    term_value, term_label = None, ""
    for m in view.members:
        t = m.targets[0] if m.targets else None
        if t is None:
            continue
        if m.term:  # a range ("tăng bình quân 11-12%") is drawn at its low end, labelled in full
            term_value = t.value
            term_label = vn_number(t.value or 0, 2) + (f"–{vn_number(t.value_max, 2)}" if t.value_max else "")
            continue
        figures = sorted(((Period.parse(p), v) for (p, tid), v in m.figures.items() if tid == t.id),
                         key=lambda pv: (pv[0].end, pv[0].kind != "year"))
        if not figures:
            columns.append((str(m.year or "—"), t.value, None))
        for period, figure in figures:
            columns.append((_short(period), t.value, figure))
    width, height, top, bottom, left = 560, 236, 40, 44, 8
    values = [v for _, a, b in columns for v in (a, b) if v is not None]
    values += [term_value] if term_value else []
    peak = max(values, default=0.0) or 1.0
    plot = height - top - bottom
    group = (width - left * 2) / max(len(columns), 1)
    bar = min(40.0, group / 3.2)
    title = f"Chuỗi chỉ tiêu: {view.metric}"
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
             'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13" '
             'class="series-chart">',
             f"<title>{escape(title)}</title>",
             f'<line x1="{left}" y1="{top + plot}" x2="{width - left}" y2="{top + plot}" stroke="#8a949e"/>']
    for i, (label, target, approved) in enumerate(columns):
        x0 = left + i * group + (group - 2 * bar - 8) / 2
        for j, (value, colour) in enumerate(((target, PLAN_COLOUR), (approved, ACTUAL_COLOUR))):
            if value is None:
                continue
            h = max(plot * value / peak, 1.0)
            x, y = x0 + j * (bar + 8), top + plot - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{colour}"/>')
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11">'
                         f"{escape(vn_number(value, 2))}</text>")
        parts.append(f'<text x="{left + i * group + group / 2:.1f}" y="{height - bottom + 18}" '
                     f'text-anchor="middle" font-size="{11 if len(columns) > 8 else 13}">'
                     f"{escape(label)}</text>")
    if term_value is not None:
        y = top + plot - plot * term_value / peak
        parts.append(f'<line class="target-line" x1="{left}" y1="{y:.1f}" x2="{width - left}" y2="{y:.1f}" '
                     f'stroke="{TERM_COLOUR}" stroke-dasharray="6 4" stroke-width="2"/>')
        parts.append(f'<text x="{width - left}" y="{y - 5:.1f}" text-anchor="end" fill="{TERM_COLOUR}">'
                     f"Mục tiêu giai đoạn: {escape(term_label)}</text>")
    if unit:
        parts.append(f'<text x="{left}" y="14" fill="#4a5560">Đơn vị: {escape(unit)} · xám: mục tiêu, '
                     "xanh: số liệu đã duyệt</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass
class Panel:
    view: SeriesView
    chart: Markup


def _panels(session: Session, user: User, indicator_id: int) -> list[Panel]:
    panels = []
    for series in list_series(session, actor=user, indicator_id=indicator_id):
        view = series_view(session, series)
        if user.role == "unit":  # the read rule: a unit account reads no other unit's approved figures
            for m in view.members:
                m.figures = {}
        unit = next((m.targets[0].unit for m in view.members if m.targets), None)
        panels.append(Panel(view, series_chart(view, unit=unit)))
    return panels


@router.get("/chi-tieu/{indicator_id}/chuoi", response_class=HTMLResponse)
def series_panel(request: Request, indicator_id: int, session: DbSession,
                 user: User = Depends(require_user)) -> HTMLResponse:
    """The item page's series section (loaded into it by HTMX): members, figures, chart, warnings."""
    return render(request, "series/_panel.html", user, panels=_panels(session, user, indicator_id),
                  indicator_id=indicator_id, period_label=_period_label)


def _decided(request: Request, session: Session, user: User, indicator_id: int) -> Response:
    if not is_htmx(request):
        return RedirectResponse(f"/chi-tieu/{indicator_id}", status_code=303)
    return render(request, "series/_panel.html", user, panels=_panels(session, user, indicator_id),
                  indicator_id=indicator_id, period_label=_period_label)


@router.post("/chuoi/{series_id}/{action}", response_class=HTMLResponse)
def series_decide(request: Request, series_id: int, action: str, session: DbSession,
                  indicator: Annotated[int, Form()], member: Annotated[int | None, Form()] = None,
                  user: User = Depends(require_office)) -> Response:
    """xac-nhan (confirm), bo-lien-ket (reject), hoan-tac (undo) — one member or the whole series."""
    if action == "xac-nhan":
        links.confirm(session, series_id=series_id, indicator_id=member, actor=user)
    elif action == "bo-lien-ket":
        links.reject(session, series_id=series_id, indicator_id=member, actor=user)
    elif action == "hoan-tac":
        links.undo(session, series_id=series_id, actor=user)
    else:
        raise NotFoundError(f"Không có thao tác '{action}'")
    return _decided(request, session, user, indicator)


# --- proposed updates ----------------------------------------------------------------------------

@dataclass
class DecisionRow:
    """A row the office decides on: a proposed update, or a proposed task."""

    p: Any  # Proposal | TaskProposal
    doc: str
    title: str  # the target (an update) or the plan it goes to (a task)
    href: str = ""
    error: str | None = None
    warning: str | None = None  # accepted, but worth a second look (a deadline already past)
    leads: list[tuple[Resolution, str | None]] = field(default_factory=list)  # a task's, with its unit
    choices: list[tuple[int, str]] = field(default_factory=list)  # units the office may pick from


def _row(session: Session, p: Proposal) -> DecisionRow:
    target = session.get(Target, p.target_id)
    title = labelled(target.indicator.label, target.metric or target.indicator.text) if target else ""
    return DecisionRow(p, proposals.doc_name(session, p), title, f"/chi-tieu/{p.indicator_id}")


@router.get("/de-xuat", response_class=HTMLResponse)
def proposals_page(request: Request, session: DbSession, plan: int | None = None,
                   user: User = Depends(require_user)) -> HTMLResponse:
    """Figures reported by documents, proposed as updates; the office accepts, edits or dismisses."""
    plans = list_plans(session, actor=user)
    chosen = plan if plan is not None else None
    rows = [_row(session, p) for p in proposals.list_proposals(session, actor=user, plan_id=chosen)]
    tasks = [_directive_row(session, p) for p in directives.list_task_proposals(session, actor=user,
                                                                                plan_id=chosen)]
    return render(request, "series/proposals.html", user, active="proposals", title="Số liệu đề xuất",
                  rows=rows, tasks=tasks, judgements=judgement_checks(session, plan_id=chosen), plans=plans,
                  plan_id=chosen, period_label=_period_label)


def _directive_row(session: Session, p: TaskProposal) -> DecisionRow:
    plan = session.get(Plan, p.plan_id)
    name = name_of(plan) if plan else f"Kế hoạch số {p.plan_id}"
    units = {u.id: u.name for u in session.query(Unit).order_by(Unit.name)}
    leads = [(r, units.get(r.unit_id) if r.unit_id is not None else None)
             for r in directives.lead_units(session, p)]
    return DecisionRow(p, directives.directive_dict(session, p)["doc"], name, leads=leads,
                       choices=list(units.items()))


@router.post("/nhiem-vu-de-xuat/{proposal_id}/{action}", response_class=HTMLResponse)
def directive_decide(request: Request, proposal_id: int, action: str, session: DbSession,
                     don_vi: Annotated[list[str] | None, Form()] = None,
                     user: User = Depends(require_office)) -> Response:
    """chap-nhan (the directive becomes a task of the plan, given to the lead units the names resolve
    to or the office picked: `don_vi`), bo-qua (dismiss), hoan-tac (undo)."""
    picked = [int(v) for v in don_vi if v.strip().isdigit()] if don_vi is not None else None
    error = _apply(session, action, {
        "chap-nhan": lambda: directives.accept(session, proposal_id=proposal_id, actor=user,
                                               lead_unit_ids=picked),
        "bo-qua": lambda: directives.dismiss(session, proposal_id=proposal_id, actor=user),
        "hoan-tac": lambda: directives.undo(session, proposal_id=proposal_id, actor=user)})
    if not is_htmx(request):
        return RedirectResponse("/de-xuat", status_code=303)
    found = session.get(TaskProposal, proposal_id)
    if found is None:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ đề xuất #{proposal_id}")
    row = _directive_row(session, found)
    row.error = error
    if action == "chap-nhan" and error is None:
        row.warning = directives.accept_warning(found, today=date.today())
    return render(request, "series/_directive_row.html", user, t=row)


def _apply(session: Session, action: str, choices: dict[str, Callable[[], object]]) -> str | None:
    """Run the office's chosen decision; a refusal is shown in the row (its message), not as a page."""
    run = choices.get(action)
    if run is None:
        raise NotFoundError(f"Không có thao tác '{action}'")
    try:
        run()
    except (InputError, ConflictError) as exc:
        session.rollback()
        return exc.message
    return None


def _number(text: str) -> float | None:
    if not text.strip():
        return None
    try:
        return parse_vn_number(text.strip())
    except ValueError:
        raise InputError(f"Số liệu «{text}» không hợp lệ; viết như 1.234,5") from None


@router.post("/de-xuat/{proposal_id}/{action}", response_class=HTMLResponse)
def proposal_decide(request: Request, proposal_id: int, action: str, session: DbSession,
                    value: Annotated[str, Form()] = "", user: User = Depends(require_office)) -> Response:
    """chap-nhan (accept, with an edited figure when given), bo-qua (dismiss), hoan-tac (undo)."""
    error = _apply(session, action, {
        "chap-nhan": lambda: proposals.accept(session, proposal_id=proposal_id, actor=user,
                                              value=_number(value)),
        "bo-qua": lambda: proposals.dismiss(session, proposal_id=proposal_id, actor=user),
        "hoan-tac": lambda: proposals.undo(session, proposal_id=proposal_id, actor=user)})
    if not is_htmx(request):
        return RedirectResponse("/de-xuat", status_code=303)
    row = _row(session, proposals.get_proposal(session, proposal_id=proposal_id))
    row.error = error
    return render(request, "series/_proposal_row.html", user, row=row, period_label=_period_label)
