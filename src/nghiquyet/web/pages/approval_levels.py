"""Cấp duyệt: the office chooses, plan by plan, which levels approve a reported figure before it counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.documents.naming import citation_name
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.plans.models import Plan
from nghiquyet.plans.service import list_plans
from nghiquyet.tracking.approval_levels import LEVEL_CHOICES, lower_levels, set_approval_levels
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_office

router = APIRouter(route_class=PageRoute)

LEVEL_LABELS = {
    1: "1 cấp: Văn phòng duyệt mọi số liệu",
    2: "2 cấp: đơn vị cấp trên trực tiếp duyệt trước, rồi Văn phòng duyệt",
}


def _name(plan: Plan) -> str:
    return citation_name(plan.document) if plan.document else (plan.title or f"Kế hoạch #{plan.id}")


@router.get("/cap-duyet", response_class=HTMLResponse)
def approval_levels_page(request: Request, session: DbSession, user: User = Depends(require_office),
                         flash: str | None = None, error: str | None = None) -> HTMLResponse:
    plans = [{"plan": p, "name": _name(p)} for p in list_plans(session, actor=user)]
    return render(request, "tracking/approval_levels.html", user, active="approvals", title="Cấp duyệt",
                  plans=plans, choices=[(n, LEVEL_LABELS[n]) for n in LEVEL_CHOICES],
                  lower=lower_levels(session), flash=flash or error, flash_kind="error" if error else "ok")


@router.post("/cap-duyet/{plan_id}", response_class=HTMLResponse)
def save_approval_levels(request: Request, plan_id: int, session: DbSession,
                         levels: Annotated[int, Form(ge=1, le=9)],
                         row_version: Annotated[int, Form(ge=0, le=2_147_483_647)],
                         user: User = Depends(require_office)) -> HTMLResponse:
    plan = session.get(Plan, plan_id)
    try:
        if plan is None:
            raise NotFoundError(f"Không tìm thấy kế hoạch #{plan_id}")
        if plan.row_version != row_version:
            # Someone changed the plan since this page was shown: say so rather than overwrite blindly.
            raise ConflictError(f"{_name(plan)} vừa được người khác thay đổi; trang đã được tải lại, "
                                "hãy chọn lại số cấp duyệt")
        set_approval_levels(session, plan_id=plan_id, levels=levels, actor=user)
    except (InputError, ConflictError, NotFoundError) as exc:
        session.rollback()
        return approval_levels_page(request, session, user, error=exc.message)
    return approval_levels_page(request, session, user,
                                flash=f"Đã lưu: {_name(plan)} — {LEVEL_LABELS[levels]}.")
