"""Reminder rules as pure functions: given a due date, today and a rule, is a message due now?

Rules are data the office edits (table `reminder_rules`); this module only reads their values.
Kinds: `before` N days before the due date, `on_day`, `after` N days late (to the unit),
`escalate` N days late (to the office and the unit's leader), `returned` (an update sent back:
its author is told once).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

RuleKind = Literal["before", "on_day", "after", "escalate", "returned"]
RULE_KINDS: tuple[RuleKind, ...] = ("before", "on_day", "after", "escalate", "returned")
AUDIENCES = ("unit", "office_leader", "author")
CHANNELS = ("inapp", "email")


@dataclass(frozen=True, slots=True)
class RuleSpec:
    id: int
    kind: RuleKind
    days: int
    channels: tuple[str, ...]


def trigger_day(rule: RuleSpec, due: dt.date) -> dt.date:
    if rule.kind == "before":
        return due - dt.timedelta(days=rule.days)
    if rule.kind in ("after", "escalate"):
        return due + dt.timedelta(days=rule.days)
    return due


def fires(rule: RuleSpec, *, due: dt.date, today: dt.date, reported: bool) -> bool:
    """A calendar rule fires from its trigger day on while nothing is reported.

    A run that was missed catches up (the stored message key keeps it to once), but a reminder
    "before" or "on the day" is not sent once the due date has passed: the late rules take over.
    """
    if reported or rule.kind == "returned":
        return False
    start = trigger_day(rule, due)
    if today < start:
        return False
    if rule.kind in ("before", "on_day"):
        return today <= due
    return True


def in_quiet_hours(hour: int, quiet_start: int, quiet_end: int) -> bool:
    """Quiet hours may wrap midnight (22 → 6); equal bounds mean none."""
    if quiet_start == quiet_end:
        return False
    if quiet_start < quiet_end:
        return quiet_start <= hour < quiet_end
    return hour >= quiet_start or hour < quiet_end
