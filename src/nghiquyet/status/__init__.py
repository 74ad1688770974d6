"""Pure status rules: periods, judging a target, tallying a plan (no storage, no web)."""

from nghiquyet.status.period import Period, PeriodKind, period_label
from nghiquyet.status.rules import (
    APPROX_TOLERANCE,
    EXCEED_MARGIN,
    Judgement,
    Status,
    Tally,
    TargetSpec,
    indicator_status,
    judge,
    judge_indicator,
    outcome_of,
    tally,
    tally_counts,
)
from nghiquyet.status.specs import direction_for, kind_for, spec_for

__all__ = [
    "APPROX_TOLERANCE",
    "EXCEED_MARGIN",
    "Judgement",
    "Period",
    "PeriodKind",
    "Status",
    "Tally",
    "TargetSpec",
    "direction_for",
    "indicator_status",
    "judge",
    "judge_indicator",
    "kind_for",
    "outcome_of",
    "period_label",
    "spec_for",
    "tally",
    "tally_counts",
]
