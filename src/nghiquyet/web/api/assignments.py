"""Assignments: the office gives an indicator or a task to a unit, as lead (chủ trì) or support."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter, Response

from nghiquyet.tracking.assignments import (
    assign,
    get_assignment,
    list_assignments,
    past_deadline_warning,
    unassign,
)
from nghiquyet.tracking.schemas import ApiWarning, AssignmentCreate, AssignmentCreated, AssignmentRead
from nghiquyet.web.api.params import PathId, QueryId
from nghiquyet.web.api.versions import STALE_RESPONSES, IfMatch, require_fresh, tag
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/assignments", tags=["assignments"])


@router.post("")
def create(body: AssignmentCreate, session: DbSession, user: CurrentUser) -> AssignmentCreated:
    """A deadline already past is accepted with a warning (`deadline_past`) in the answer."""
    assignment = assign(session, item_type=body.item_type, item_id=body.item_id, unit_id=body.unit_id,
                        role=body.role, deadline=body.deadline, note=body.note, actor=user)
    warning = past_deadline_warning(body.deadline, today=dt.date.today())
    warnings = [ApiWarning(code="deadline_past", message=warning)] if warning else []
    return AssignmentCreated(id=assignment.id, warnings=warnings)


@router.get("")
def index(session: DbSession, user: CurrentUser, plan_id: QueryId = None, unit_id: QueryId = None,
          item_type: Literal["indicator", "task"] | None = None,
          item_id: QueryId = None) -> list[AssignmentRead]:
    """The assignments the caller may see (a unit: its own and those of the units below it)."""
    found = list_assignments(session, actor=user, plan_id=plan_id, unit_id=unit_id, item_type=item_type,
                             item_id=item_id)
    return [AssignmentRead.model_validate(a) for a in found]


@router.get("/{assignment_id}")
def show(assignment_id: PathId, session: DbSession, user: CurrentUser, response: Response) -> AssignmentRead:
    assignment = get_assignment(session, assignment_id=assignment_id, actor=user)
    tag(response, assignment)
    return AssignmentRead.model_validate(assignment)


@router.delete("/{assignment_id}", status_code=204, responses=STALE_RESPONSES)
def delete(assignment_id: PathId, session: DbSession, user: CurrentUser, if_match: IfMatch = None) -> None:
    """With If-Match, only the assignment as the client read it is removed."""
    assignment = get_assignment(session, assignment_id=assignment_id, actor=user)
    require_fresh(assignment, if_match, f"Phân công #{assignment_id}",
                  lambda: AssignmentRead.model_validate(assignment))
    unassign(session, assignment_id=assignment_id, actor=user)
