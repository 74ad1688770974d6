"""Gather a plan's report from the database: statuses from `tracking.plan_status`, names, notes, tasks."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.documents.naming import name_of
from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Plan, Target, Task
from nghiquyet.reminders.rates import period_rates
from nghiquyet.reports.data import (
    Header,
    ReportData,
    ReportingRow,
    Signer,
    TargetInput,
    TaskRow,
    UpdateRow,
    assemble,
)
from nghiquyet.status import Judgement, Period, Status, spec_for
from nghiquyet.tracking.models import Assignment, Update, counts_for_target
from nghiquyet.tracking.status import (
    Actual,
    periods_within,
    plan_end_of,
    plan_status,
    standing_figures,
    target_spec,
)
from nghiquyet.units.models import Unit

# State bodies use the national motto; a Party body (any "đảng", any "... ủy" committee) the Party's name.
_STATE = re.compile(r"ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|^sở |^ban quản lý", re.IGNORECASE)
_COMMITTEE = re.compile(r"đảng|(?:tỉnh|thành|huyện|thị) ủy", re.IGNORECASE)
_PLACE = re.compile(r"(?i:tỉnh ủy|thành ủy|huyện ủy|thị ủy|tỉnh|thành phố|huyện|xã|phường)\s+"
                    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|[^\W\d_a-z])\w*(?:\s+\w+)*)$")


def find_place(*names: str | None) -> str:
    """"Lâm Đồng" from "Tỉnh ủy Lâm Đồng" or "Ủy ban nhân dân tỉnh Lâm Đồng" (first name that has one)."""
    for name in names:
        m = _PLACE.search((name or "").strip())
        if m and m.group(1)[:1].isupper():
            return m.group(1).strip()
    return ""


def default_header(issuer: str | None, on: dt.date, number: str | None = None, place: str = "") -> Header:
    """Header for a report on a plan of `issuer`: the Party office's layout or the state one.

    The report on a provincial Party plan ("Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Ban Thường vụ
    Tỉnh ủy") is issued by the committee's office: "TỈNH ỦY <PLACE> / VĂN PHÒNG", "Số ...-BC/VPTU".
    """
    name = (issuer or "").strip() or "Văn phòng"
    low = name.lower()
    place = place or find_place(name)
    party = bool(_COMMITTEE.search(name)) or not _STATE.search(name)
    if not party:
        kind = "UBND" if "ủy ban nhân dân" in low or "ubnd" in low else ""
        return Header([name.upper()], number or f"Số:      /BC-{kind}", place or "........", on, party=False)
    if "ủy ban nhân dân" in low or "ubnd" in low:
        parent, suffix = f"ĐẢNG ỦY UBND TỈNH {place}".strip(), "ĐU"
    elif any(w in low for w in ("tỉnh ủy", "đảng bộ tỉnh", "thành ủy", "đảng bộ thành phố")):
        parent, suffix = f"{'THÀNH ỦY' if 'thành' in low else 'TỈNH ỦY'} {place}".strip(), "TU"
    elif "huyện ủy" in low or "đảng bộ huyện" in low:
        parent, suffix = f"HUYỆN ỦY {place}".strip(), "HU"
    else:
        parent, suffix = name, "ĐU"
    # An unknown issuer leaves only the office itself: "VĂN PHÒNG" once, not twice (issue 10 point 10).
    lines = [parent.upper(), "VĂN PHÒNG"] if parent.upper() != "VĂN PHÒNG" else ["VĂN PHÒNG"]
    return Header(lines, number or f"Số      -BC/VP{suffix}", place or "........", on,
                  party=True)


def default_signer(header: Header) -> Signer:
    if header.party:
        return Signer("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "")
    return Signer("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "")


def build_report_data(
    session: Session,
    *,
    plan_id: int,
    period: str,
    as_of: dt.date | None = None,
    header: Header | None = None,
    signer: Signer | None = None,
    recipients: list[str] | None = None,
) -> ReportData:
    """Everything the report of plan `plan_id` for `period` shows, judged as `plan_status` judges it."""
    try:
        wanted = Period.parse(period)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch #{plan_id}")
    figures = _approved_figures(session, plan_id, wanted)
    status = plan_status(session, plan_id=plan_id, period=wanted.code, as_of=as_of,
                         actuals=_standing(figures, wanted))
    targets = {t.id: t for t in session.scalars(select(Target).where(Target.plan_id == plan_id))}
    unit_names = dict(session.execute(select(Unit.id, Unit.name)).all())
    notes = {f.id: f.note for f in figures}

    inputs: list[TargetInput] = []
    for ind in status.indicators:
        lead = ", ".join(unit_names.get(u, "") for u in ind.lead_unit_ids)
        if not ind.targets:
            # A qualitative indicator still counts in the tally ("16/19"), so it gets a row.
            text = ind.text if len(ind.text) <= 160 else ind.text[:157].rstrip() + "…"
            inputs.append(TargetInput(
                str(ind.id), ind.label or "", ind.group, text, spec_for(comparator="eq", value=None), None,
                lead, judgement=Judgement(Status(ind.status), ind.rule, ind.explanation_vi)))
            continue
        for ts in ind.targets:
            t = targets[ts.id]
            spec = target_spec(t)
            judgement = Judgement(Status(ts.status), ts.rule, ts.explanation_vi, ts.expected, ts.ratio)
            note = (notes.get(ts.update_id) or "") if ts.update_id is not None else ""
            inputs.append(TargetInput(str(ind.id), ind.label or "", ind.group, ts.metric or ind.text, spec,
                                      ts.actual, lead, note, ts.id, judgement))

    on = status.as_of or dt.date.today()  # plan_status's judging day: the report is dated the day it judges
    head = header or default_header(plan.issuer, on, place=_place(session, plan))
    data = assemble(
        header=head,
        plan_title=name_of(plan),
        period=wanted,
        plan_end=plan_end_of(plan.year_end, wanted),
        targets=inputs,
        tasks=_task_rows(session, plan, wanted, unit_names, on, figures),
        updates=_update_rows(session, plan_id, figures, unit_names, targets),
        signer=signer or default_signer(head),
        recipients=recipients or [f"Thường trực {plan.issuer} (b/c)" if plan.issuer else "Thường trực (b/c)",
                                  "Các cơ quan, đơn vị được giao chủ trì", "Lưu Văn phòng"],
        as_of=on,
        indicator_statuses={str(i.id): Status(i.status) for i in status.indicators},
        closed=status.closed,
    )
    data.reporting = reporting_rows(session, plan_id=plan_id, period=wanted, on=on)
    return data


def reporting_rows(session: Session, *, plan_id: int, period: Period, on: dt.date) -> list[ReportingRow]:
    """The plan's reporting rate per reporting period inside `period`, as of the report's day."""
    return [ReportingRow(period_label=r.label, due=r.due, expected=r.rate.expected, received=r.rate.received,
                         on_time=r.rate.on_time, late=r.rate.late, missing=r.rate.missing, units=r.units,
                         units_on_time=r.units_on_time)
            for r in period_rates(session, plan_id=plan_id, period=period.code, today=on)]


_MIN = dt.datetime.min.replace(tzinfo=dt.UTC)


class Figure(NamedTuple):
    """One approved figure of the plan inside the report's period, as plain columns."""

    id: int
    unit_id: int
    target_id: int | None
    task_id: int | None
    period: str
    value: float | None
    progress: float | None
    note: str | None
    state: str
    decided_at: dt.datetime | None
    version: int
    counts: bool  # `counts_for_target()`: it stands for its target (not a unit's share of it)


def _approved_figures(session: Session, plan_id: int, period: Period) -> list[Figure]:
    """The plan's approved figures inside `period`, read once: the status, the tasks' progress and
    the appendix are all built from them. A province's plan has thousands per period (12,000 in
    benchmarks/reports.py): reading them once, as columns, not ORM objects, is most of the report's
    query time. Ordered by id so the appendix's order among equal rows does not depend on the plan
    the database picks."""
    query = (select(Update.id, Update.unit_id, Update.target_id, Update.task_id, Update.period, Update.value,
                    Update.progress, Update.note, Update.state, Update.decided_at, Update.version,
                    counts_for_target())
             .where(Update.plan_id == plan_id, Update.state == "approved",
                    Update.period.in_(periods_within(period)))
             .order_by(Update.id))
    return [Figure(i, unit, target, task, code, value, progress, note, state, decided, version, bool(counts))
            for i, unit, target, task, code, value, progress, note, state, decided, version, counts
            in session.execute(query)]


def _standing(figures: Iterable[Figure], period: Period) -> dict[int, Actual]:
    """What `latest_actuals` gives, from figures already read: the figure standing for each target."""
    return standing_figures(
        ((f.target_id, Actual(f.id, f.target_id, f.period, f.value, f.version, f.decided_at))
         for f in figures if f.target_id is not None and f.counts), period)


def _place(session: Session, plan: Plan) -> str:
    """Where the report is signed: the source document's place, else the issuer's or a top unit's name."""
    meta = (plan.document.effective_extraction.get("metadata") or {}) if plan.document else {}
    roots = session.scalars(select(Unit.name).where(Unit.parent_id.is_(None)).order_by(Unit.id).limit(10))
    return str(meta.get("place") or "") or find_place(plan.issuer, *roots)
def _task_rows(session: Session, plan: Plan, period: Period, unit_names: dict[int, str],
               as_of: dt.date | None, figures: Sequence[Figure]) -> list[TaskRow]:
    tasks = list(session.scalars(
        select(Task).where(Task.plan_id == plan.id).order_by(Task.position, Task.id)))
    leads: dict[int, list[str]] = defaultdict(list)
    for task_id, unit_id in session.execute(
            select(Assignment.task_id, Assignment.unit_id).where(
                Assignment.plan_id == plan.id, Assignment.item_type == "task", Assignment.role == "lead")
            .order_by(Assignment.id)):
        if task_id is not None:
            leads[task_id].append(unit_names.get(unit_id, ""))
    ends = {c: Period.parse(c).end for c in periods_within(period)}
    latest: dict[int, Figure] = {}
    # Progress is cumulative: the approved figure of the latest-ending period inside P stands for P.
    for u in figures:
        if u.task_id is None:
            continue
        cur = latest.get(u.task_id)
        if cur is None or (ends[u.period], u.decided_at or _MIN, u.id) > (
                ends[cur.period], cur.decided_at or _MIN, cur.id):
            latest[u.task_id] = u
    today = min(as_of or period.end, period.end)
    rows = []
    for n, t in enumerate(tasks, 1):
        found = latest.get(t.id)
        progress = found.progress if found is not None else None
        lead = ", ".join(leads.get(t.id, [])) or ", ".join(t.lead_names or [])
        title = t.title or (t.text if len(t.text) <= 160 else t.text[:157].rstrip() + "…")
        rows.append(TaskRow(n, t.label or str(n), title, lead, t.deadline, progress,
                            note=(found.note or "") if found is not None else "",
                            overdue=bool(t.deadline and t.deadline < today and (progress or 0) < 100)))
    return rows


def task_name(label: str | None, title: str | None, text: str) -> str:
    """How a report names a task: its title, else "Nhiệm vụ <label>: <its sentence>" (shortened)."""
    if title:
        return title
    sentence = " ".join(text.split())
    sentence = sentence if len(sentence) <= 120 else sentence[:117].rstrip() + "…"
    return f"Nhiệm vụ {label.strip().rstrip('.')}: {sentence}" if label else sentence


def _update_rows(session: Session, plan_id: int, figures: Sequence[Figure], unit_names: dict[int, str],
                 targets: dict[int, Target]) -> list[UpdateRow]:
    tasks = {task_id: task_name(label, title, text) for task_id, label, title, text in session.execute(
        select(Task.id, Task.label, Task.title, Task.text).where(Task.plan_id == plan_id))}
    rows = []
    for f in figures:
        target = targets.get(f.target_id) if f.target_id is not None else None
        item = target.metric if target is not None else (tasks.get(f.task_id or 0) or "")
        rows.append(UpdateRow(unit_names.get(f.unit_id, ""), item, f.period, f.value,
                              target.unit if target is not None else None, f.progress, f.note or "", f.state,
                              f.decided_at.date() if f.decided_at else None))
    rows.sort(key=lambda r: (r.unit, r.item, r.period))
    return rows
