"""The reminder settings are made on first use: two requests that both come first must not clash."""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.reminders.models import ReminderRule, ReminderSettings
from nghiquyet.reminders.service import DEFAULT_RULES, ensure_defaults
from tests.reminders.conftest import at_once


def test_two_first_uses_at_once_make_one_settings_row_and_one_set_of_rules(
    session_factory: sessionmaker[Session], db_engine: Engine
) -> None:
    due_days: list[int] = []

    def first_use(factory: sessionmaker[Session], looked: threading.Barrier) -> None:
        with factory() as s:
            # Both have looked (and found nothing) before either writes.
            assert s.get(ReminderSettings, 1) is None
            looked.wait(10)
            due_days.append(ensure_defaults(s).due_day)
            s.commit()

    errors = at_once(db_engine, first_use)
    assert errors == []
    assert due_days == [15, 15]
    with session_factory() as s:
        assert s.scalar(select(func.count(ReminderSettings.id))) == 1
        assert s.scalar(select(func.count(ReminderRule.id))) == len(DEFAULT_RULES)


def test_rules_the_office_removed_are_not_brought_back(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as s:
        ensure_defaults(s)
        for rule in s.scalars(select(ReminderRule)):
            s.delete(rule)
        s.commit()
    with session_factory() as s:
        ensure_defaults(s)
        assert s.scalar(select(func.count(ReminderRule.id))) == 0
