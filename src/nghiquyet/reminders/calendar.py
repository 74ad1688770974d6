"""The reporting calendar as a pure rule: a plan's cadence and the due day give each period its due date.

No storage here: the service feeds it plain values, so the rule is tested with dates alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from nghiquyet.status.period import Period, PeriodKind

# The extraction's `reporting.cadence` words (EXTRACTION.md) and the period kind each one means.
CADENCE_KINDS: dict[str, PeriodKind] = {
    "month": "month",
    "quarter": "quarter",
    "half_year": "half",
    "year": "year",
}

EntryState = Literal["approved", "submitted", "late", "due"]
STATE_LABELS: dict[str, str] = {
    "approved": "Đã duyệt",
    "submitted": "Đã gửi",
    "late": "Trễ hạn",
    "due": "Chưa đến hạn",
}


def numbered(label: str | None, text: str) -> str:
    """An item's number before its words, as the pages write it: "1." or "(2)" as they are, "1.1" → "1.1."."""
    number = (label or "").strip()
    if not number:
        return text
    return f"{number} {text}" if number[-1] in ".)" else f"{number}. {text}"


def report_kinds(cadence: list[str]) -> list[PeriodKind]:
    """The period kinds a plan reports in; a plan that names no cadence reports once a year."""
    kinds = [CADENCE_KINDS[c] for c in cadence if c in CADENCE_KINDS]
    return sorted(set(kinds), key=["month", "quarter", "half", "year"].index) or ["year"]


def due_date(period: Period, due_day: int) -> dt.date:
    """The `due_day`-th of the month after the period ends (clamped to that month's last day)."""
    nxt = period.end + dt.timedelta(days=1)
    last = ((nxt.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day
    return nxt.replace(day=min(max(due_day, 1), last))


def periods(kinds: list[PeriodKind], year_start: int, year_end: int) -> list[Period]:
    """Every period of `kinds` from `year_start` to `year_end`, in calendar order."""
    out: list[Period] = []
    for year in range(year_start, year_end + 1):
        for kind in kinds:
            count = {"month": 12, "quarter": 4, "half": 2, "year": 1}[kind]
            out.extend(Period.of(year, kind, i) for i in range(1, count + 1))
    return sorted(out, key=lambda p: (p.end, p.months))


@dataclass(frozen=True, slots=True)
class Slot:
    """One (period, due date) a unit owes a report for."""

    period: Period
    due: dt.date


def slots(cadence: list[str], year_start: int, year_end: int, due_day: int) -> list[Slot]:
    return [Slot(p, due_date(p, due_day)) for p in periods(report_kinds(cadence), year_start, year_end)]


def entry_state(*, due: dt.date, today: dt.date, submitted: bool, approved: bool) -> EntryState:
    """Approved beats submitted; without a report the entry is late once its due date has passed."""
    if approved:
        return "approved"
    if submitted:
        return "submitted"
    return "late" if today > due else "due"
