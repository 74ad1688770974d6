"""The calendar and reminder rules as pure functions of dates."""

from __future__ import annotations

import datetime as dt

from nghiquyet.reminders.calendar import due_date, entry_state, report_kinds, slots
from nghiquyet.reminders.rules import RuleSpec, fires, in_quiet_hours
from nghiquyet.status.period import Period

D = dt.date


def test_due_date_is_the_due_day_of_the_month_after_the_period() -> None:
    assert due_date(Period.parse("2024-Q1"), 15) == D(2024, 4, 15)
    assert due_date(Period.parse("2024-H2"), 15) == D(2025, 1, 15)
    assert due_date(Period.parse("2024-01"), 31) == D(2024, 2, 29)  # clamped to February's end


def test_cadence_words_become_periods() -> None:
    assert report_kinds(["quarter", "half_year", "year"]) == ["quarter", "half", "year"]
    assert report_kinds([]) == ["year"]
    codes = [s.period.code for s in slots(["half_year", "year"], 2024, 2024, 15)]
    assert codes == ["2024-H1", "2024-H2", "2024"]


def test_entry_state() -> None:
    due = D(2024, 4, 15)
    assert entry_state(due=due, today=D(2024, 4, 15), submitted=False, approved=False) == "due"
    assert entry_state(due=due, today=D(2024, 4, 16), submitted=False, approved=False) == "late"
    assert entry_state(due=due, today=D(2024, 4, 16), submitted=True, approved=False) == "submitted"
    assert entry_state(due=due, today=D(2024, 4, 16), submitted=True, approved=True) == "approved"


def test_rules_fire_from_their_day_and_before_reminders_stop_at_the_due_date() -> None:
    due = D(2024, 4, 15)
    before = RuleSpec(1, "before", 7, ("email",))
    late = RuleSpec(2, "escalate", 10, ("email",))
    assert not fires(before, due=due, today=D(2024, 4, 7), reported=False)
    assert fires(before, due=due, today=D(2024, 4, 8), reported=False)
    assert not fires(before, due=due, today=D(2024, 4, 16), reported=False)
    assert not fires(before, due=due, today=D(2024, 4, 8), reported=True)
    assert not fires(late, due=due, today=D(2024, 4, 24), reported=False)
    assert fires(late, due=due, today=D(2024, 5, 30), reported=False)


def test_quiet_hours_wrap_midnight() -> None:
    assert in_quiet_hours(23, 22, 6) and in_quiet_hours(5, 22, 6)
    assert not in_quiet_hours(6, 22, 6) and not in_quiet_hours(12, 22, 6)
    assert not in_quiet_hours(3, 0, 0)
