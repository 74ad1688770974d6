"""Giao việc: give many indicators and tasks to one unit at once, as lead or support, with a deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import InputError
from nghiquyet.extract.figures.numbers import parse_vn_date
from nghiquyet.plans.service import get_plan
from nghiquyet.tracking.service import AssignmentSpec, assign_many, list_assignments, past_deadline_warning
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_office

router = APIRouter(route_class=PageRoute)


@dataclass
class AssignRow:
    id: int
    label: str | None
    text: str
    title: str | None
    assignments: list[Any]


def _assign_context(session: Session, user: User, plan_id: int) -> dict[str, Any]:
    plan = get_plan(session, plan_id=plan_id, actor=user)
    by_item: dict[tuple[str, int], list[Any]] = {}
    for a in list_assignments(session, actor=user, plan_id=plan.id):
        by_item.setdefault((a.item_type, a.item_id), []).append(a)
    return {
        "plan": plan,
        "units": list_units(session, actor=user),
        "indicator_rows": [
            AssignRow(i.id, i.label, i.text, None, by_item.get(("indicator", i.id), []))
            for i in plan.indicators
        ],
        "task_rows": [
            AssignRow(t.id, t.label, t.text, t.title, by_item.get(("task", t.id), [])) for t in plan.tasks
        ],
    }


@router.get("/ke-hoach/{plan_id}/giao-viec", response_class=HTMLResponse)
def assign_page(
    request: Request,
    plan_id: int,
    session: DbSession,
    moi: str | None = None,
    user: User = Depends(require_office),
) -> HTMLResponse:
    messages = (
        [{"kind": "ok", "text": "Đã xác nhận kế hoạch. Hãy giao chỉ tiêu, nhiệm vụ cho các đơn vị."}]
        if moi
        else []
    )
    return _page(request, session, user, plan_id, messages)


def _page(
    request: Request,
    session: Session,
    user: User,
    plan_id: int,
    messages: list[dict[str, Any]],
    status_code: int = 200,
    **extra: Any,
) -> HTMLResponse:
    """The assignment page of a plan with its current assignments and these messages."""
    return render(
        request,
        "plans/assign.html",
        user,
        status_code=status_code,
        active="indicators",
        title="Giao việc",
        messages=messages,
        **extra,
        **_assign_context(session, user, plan_id),
    )


def parse_items(values: list[str]) -> list[tuple[str, int]]:
    out = []
    for v in values:
        kind, _, ident = v.partition(":")
        if kind not in ("indicator", "task") or not ident.isdigit():
            raise InputError(f"Mục “{v}” không hợp lệ.")
        out.append((kind, int(ident)))
    return out


@router.post("/ke-hoach/{plan_id}/giao-viec", response_class=HTMLResponse)
def assign_submit(
    request: Request,
    plan_id: int,
    session: DbSession,
    item: Annotated[list[str] | None, Form()] = None,
    unit_id: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "lead",
    deadline: Annotated[str, Form()] = "",
    user: User = Depends(require_office),
) -> HTMLResponse:
    get_plan(session, plan_id=plan_id, actor=user)  # an unknown or forbidden plan is refused first
    error, deadline_error = None, None
    due: date | None = None
    if deadline.strip():
        try:
            due = parse_vn_date(deadline)
        except ValueError:
            deadline_error = (
                f"Thời hạn “{deadline.strip()}” không đúng dạng ngày/tháng/năm, ví dụ 31/12/2025."
            )
    if not item:
        error = "Hãy chọn ít nhất một chỉ tiêu hoặc nhiệm vụ để giao."
    elif not unit_id.isdigit():
        error = "Hãy chọn đơn vị nhận việc."
    if error or deadline_error:
        messages = [{"kind": "error", "text": error or deadline_error}]
        return _page(
            request, session, user, plan_id, messages, 400, deadline=deadline, deadline_error=deadline_error
        )
    specs = [AssignmentSpec(kind, ident, int(unit_id), role, due) for kind, ident in parse_items(item or [])]
    done = assign_many(session, items=specs, actor=user)
    unit_name = done[0].unit.name if done else ""
    role_vi = "chủ trì" if role == "lead" else "phối hợp"
    messages = [{"kind": "ok", "text": f"Đã giao {len(done)} mục cho {unit_name} ({role_vi})."}]
    warning = past_deadline_warning(due, today=date.today())
    if warning:
        messages.append({"kind": "warn", "text": warning})
    return _page(request, session, user, plan_id, messages)
