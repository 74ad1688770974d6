"""Which reporting periods a page offers, and which one it opens on."""

from __future__ import annotations

from datetime import date

from nghiquyet.plans.models import Plan
from nghiquyet.status import Period, period_label


def plan_years(plan: Plan | None, today: date) -> list[int]:
    if plan is None or plan.year_start is None:
        return [today.year]
    last = plan.year_end or plan.year_start
    return list(range(plan.year_start, last + 1))


def period_choices(plan: Plan | None, today: date) -> list[tuple[str, str]]:
    """Year, halves and quarters of each year the plan covers, newest year first."""
    out: list[tuple[str, str]] = []
    for year in reversed(plan_years(plan, today)):
        periods = (
            [Period.of(year, "year")]
            + [Period.of(year, "half", i) for i in (1, 2)]
            + [Period.of(year, "quarter", i) for i in (1, 2, 3, 4)]
        )
        out.extend((p.code, p.label_vi) for p in periods)
    return out


def default_period(plan: Plan | None, today: date) -> str:
    """The current year while the plan runs, else its last (or first) year."""
    years = plan_years(plan, today)
    year = today.year if today.year in years else (years[-1] if today.year > years[-1] else years[0])
    return Period.of(year, "year").code


def pick_period(requested: str | None, plan: Plan | None, today: date) -> str:
    """The requested period when valid and inside the plan's years, else the default (never an error)."""
    if requested:
        try:
            wanted = Period.parse(requested)
        except ValueError:
            wanted = None
        if wanted is not None and (plan is None or wanted.year in plan_years(plan, today)):
            return wanted.code
    return default_period(plan, today)


def label_of(code: str) -> str:
    return period_label(code)


def parse_id(text: str | None) -> int | None:
    """An id from a query string; anything else (empty, words) means no filter."""
    return int(text) if text and text.strip().isdigit() else None


def choose_plan(plans: list[Plan], requested: str | None) -> Plan | None:
    wanted = parse_id(requested)
    return next((p for p in plans if p.id == wanted), plans[0] if plans else None)


def due_periods(plan: Plan | None, today: date) -> list[str]:
    """Periods a unit reports on so far: each started quarter of the plan's years, then the year itself."""
    codes: list[str] = []
    for year in plan_years(plan, today):
        quarters = [Period.of(year, "quarter", i) for i in range(1, 5)]
        codes += [q.code for q in quarters if q.start <= today]
        if Period.of(year, "year").start <= today:
            codes.append(Period.of(year, "year").code)
    return codes
