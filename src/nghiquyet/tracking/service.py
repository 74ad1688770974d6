"""Tracking use cases in one place (the functions live in small modules beside this one)."""

from nghiquyet.tracking.assignments import (
    AssignmentSpec,
    assign,
    assign_many,
    get_assignment,
    is_assigned,
    lead_unit_id,
    list_assignments,
    past_deadline_warning,
    unassign,
)
from nghiquyet.tracking.evidence import attach_evidence, evidence_file
from nghiquyet.tracking.overdue import OverdueTask, overdue_tasks
from nghiquyet.tracking.status import (
    Actual,
    IndicatorStatus,
    PlanStatus,
    TargetStatus,
    latest_actuals,
    plan_status,
    plan_status_series,
)
from nghiquyet.tracking.updates import (
    approve_update,
    correct_update,
    create_update,
    edit_update,
    get_update,
    list_updates,
    normalise_period,
    return_update,
    submit_update,
)

__all__ = [
    "Actual", "AssignmentSpec", "IndicatorStatus", "OverdueTask", "PlanStatus", "TargetStatus",
    "approve_update", "assign", "assign_many", "attach_evidence", "correct_update", "create_update",
    "edit_update", "evidence_file", "get_assignment", "get_update", "is_assigned", "latest_actuals",
    "lead_unit_id", "list_assignments", "list_updates", "normalise_period", "overdue_tasks",
    "past_deadline_warning",
    "plan_status", "plan_status_series", "return_update", "submit_update", "unassign",
]
