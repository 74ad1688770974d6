"""Sổ tay đảng viên: the documents that concern a person, and one document laid out for reading.

A unit's reporter sees the plans its unit holds items of; the office, leaders and inspectors see
every active plan. The reading view is the document's own text, line by line, with the lines each
target (chỉ tiêu) and task (nhiệm vụ) came from marked, the unit's own items marked stronger, and
their next due dates from the reporting calendar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.naming import name_of
from nghiquyet.documents.service import document_path
from nghiquyet.errors import NghiquyetError
from nghiquyet.extract.read import read_document
from nghiquyet.plans.models import Indicator, Plan, Task
from nghiquyet.plans.service import get_plan
from nghiquyet.reminders.calendar import STATE_LABELS
from nghiquyet.reminders.service import CalendarEntry, calendar
from nghiquyet.tracking.models import Assignment
from nghiquyet.units.permissions import require_reader


@dataclass
class DocCard:
    plan_id: int
    title: str
    number: str
    led: int  # items the user's unit leads
    next_due: dt.date | None


@dataclass
class MyItem:
    item_type: str
    item_id: int
    label: str
    text: str
    line: int | None
    role: str  # lead, support
    due: dt.date | None
    due_state: str  # a calendar state (due, late, submitted, approved) or "" when none
    deadline: dt.date | None = None  # a task's own deadline, as the document words it

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.due_state, "")


@dataclass
class Line:
    n: int
    text: str
    kind: str = ""  # "", target, task
    tag: str = ""  # "Chỉ tiêu 3" on the first line of an item
    mine: bool = False


@dataclass
class Reading:
    plan: Plan
    lines: list[Line]
    mine: list[MyItem]
    counts: dict[str, int] = field(default_factory=dict)
    from_items: bool = False  # the stored file could not be read: the items' own text is shown


def _unit_of(user: User) -> int | None:
    return user.unit_id if user.role == "unit" else None


def _assignments(session: Session, unit_id: int, plan_id: int | None = None) -> list[Assignment]:
    query = select(Assignment).where(Assignment.unit_id == unit_id)
    if plan_id is not None:
        query = query.where(Assignment.plan_id == plan_id)
    return list(session.scalars(query))


def _next_due(entries: list[CalendarEntry]) -> dict[tuple[str, int], CalendarEntry]:
    """Per item, the report that matters now: the earliest not yet sent, else the latest sent."""
    out: dict[tuple[str, int], CalendarEntry] = {}
    for e in sorted(entries, key=lambda e: e.due):
        key = (e.item_type, e.item_id)
        held = out.get(key)
        if held is None or (held.state in ("submitted", "approved")):
            out[key] = e
    return out


def documents_for(session: Session, user: User, *, today: dt.date) -> list[DocCard]:
    """The active plans with a document that concern this user, most recent first."""
    require_reader(user)
    unit_id = _unit_of(user)
    plans = list(
        session.scalars(
            select(Plan)
            .where(Plan.status == "active", Plan.document_id.is_not(None))
            .order_by(Plan.year_start.desc().nulls_last(), Plan.id.desc())
        )
    )
    led: dict[int, int] = {}
    held: set[int] = set()
    due: dict[int, dt.date] = {}
    if unit_id is not None:
        for a in _assignments(session, unit_id):
            held.add(a.plan_id)
            led[a.plan_id] = led.get(a.plan_id, 0) + (a.role == "lead")
        for e in _next_due(calendar(session, today=today, unit_id=unit_id)).values():
            if e.state in ("due", "late") and (e.plan_id not in due or e.due < due[e.plan_id]):
                due[e.plan_id] = e.due
        plans = [p for p in plans if p.id in held]
    return [DocCard(p.id, name_of(p), p.number or "", led.get(p.id, 0), due.get(p.id)) for p in plans]


def reading(session: Session, user: User, *, plan_id: int, settings: Settings, today: dt.date) -> Reading:
    """One plan's document, line by line, its items marked, the user's unit's items listed with due dates."""
    require_reader(user)
    plan = get_plan(session, plan_id=plan_id, actor=user)
    unit_id = _unit_of(user)
    roles: dict[tuple[str, int], str] = {}
    if unit_id is not None:
        roles = {(a.item_type, a.item_id): a.role for a in _assignments(session, unit_id, plan.id)}
    entries = _next_due(
        [e for e in calendar(session, today=today, unit_id=unit_id) if e.plan_id == plan.id]
        if unit_id is not None
        else []
    )
    spans: list[tuple[int, int, str, str, bool]] = []
    mine: list[MyItem] = []
    items: list[tuple[str, str, str, Indicator | Task]] = [
        ("indicator", "target", "Chỉ tiêu", i) for i in plan.indicators
    ]
    items += [("task", "task", "Nhiệm vụ", t) for t in plan.tasks]
    for item_type, kind, word, item in items:
        key = (item_type, item.id)
        tag = f"{word} {item.label.rstrip('.')}" if item.label else word
        if item.line:
            spans.append((item.line, item.line_end or item.line, kind, tag, key in roles))
        if key in roles:
            e = entries.get(key)
            deadline = item.deadline if isinstance(item, Task) else None
            text = (getattr(item, "title", None) or item.text) if isinstance(item, Task) else item.text
            mine.append(
                MyItem(
                    item_type,
                    item.id,
                    tag,
                    text,
                    item.line,
                    roles[key],
                    e.due if e else None,
                    e.state if e else "",
                    deadline,
                )
            )
    mine.sort(key=lambda m: (m.role != "lead", m.due or dt.date.max, m.line or 0))
    lines, from_items = _lines(plan, settings, spans)
    counts = {"target": len(plan.indicators), "task": len(plan.tasks), "mine": len(mine)}
    return Reading(plan, lines, mine, counts, from_items)


def _lines(
    plan: Plan, settings: Settings, spans: list[tuple[int, int, str, str, bool]]
) -> tuple[list[Line], bool]:
    """The document's non-blank lines with the items' marks; the items' own text when the file is gone."""
    raw: list[str] | None = None
    if plan.document is not None:
        try:
            raw = read_document(
                document_path(plan.document, settings), max_bytes=settings.max_upload_mb * 1_048_576
            ).lines
        except NghiquyetError:
            raw = None
    if raw is None:
        texts = [
            (i.line or 0, i.text, "target", f"Chỉ tiêu {i.label or ''}".strip()) for i in plan.indicators
        ]
        texts += [(t.line or 0, t.text, "task", f"Nhiệm vụ {t.label or ''}".strip()) for t in plan.tasks]
        return [
            Line(n or k + 1, text, kind, tag) for k, (n, text, kind, tag) in enumerate(sorted(texts))
        ], True
    marks: dict[int, tuple[str, str, bool]] = {}
    for start, end, kind, tag, own in spans:
        for n in range(start, max(start, end) + 1):
            old = marks.get(n)
            # A line shared by two items keeps the first item's tag; the unit's own mark wins.
            marks[n] = (old[0], old[1], old[2] or own) if old else (kind, tag if n == start else "", own)
    out = []
    for n, text in enumerate(raw, 1):
        if not text.strip():
            continue
        kind, tag, own = marks.get(n, ("", "", False))
        out.append(Line(n, text, kind, tag, own))
    return out, False
