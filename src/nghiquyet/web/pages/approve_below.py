"""Duyệt cấp dưới: a district's (or any parent unit's) queue of its units' figures to approve first.

On a plan approved at two levels, a commune's figure comes here before the province's office sees
it in Phê duyệt; approving it here sends it on, returning it sends it back to the commune.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, InputError
from nghiquyet.tracking.approval_levels import approve_below, waiting_for
from nghiquyet.tracking.service import get_update, return_update
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.approvals import approval_row, approval_rows
from nghiquyet.web.pages.common import PageRoute, is_htmx, render, require_user

router = APIRouter(route_class=PageRoute)
PAGE = "/duyet-cap-duoi"


@router.get(PAGE, response_class=HTMLResponse)
def below_page(request: Request, session: DbSession, user: User = Depends(require_user)) -> HTMLResponse:
    rows = approval_rows(session, waiting_for(session, user))
    return render(request, "tracking/approve_below.html", user, active="levels", rows=rows)


def _row(request: Request, session: Session, user: User, update_id: int,
         error: str | None = None) -> Response:
    if not is_htmx(request):
        return RedirectResponse(PAGE, status_code=303)
    update = get_update(session, update_id=update_id, actor=user)
    row = approval_row(session, update)
    row.error = error
    return render(request, "tracking/_below_row.html", user, row=row,
                  approved_below=update.approved_below_at is not None)


@router.post(PAGE + "/{update_id}/duyet", response_class=HTMLResponse)
def approve(request: Request, update_id: int, session: DbSession,
            user: User = Depends(require_user)) -> Response:
    approve_below(session, update_id=update_id, actor=user)
    return _row(request, session, user, update_id)


@router.post(PAGE + "/{update_id}/tra-lai", response_class=HTMLResponse)
def give_back(request: Request, update_id: int, session: DbSession, reason: Annotated[str, Form()] = "",
              user: User = Depends(require_user)) -> Response:
    try:
        return_update(session, update_id=update_id, reason=reason, actor=user)
    except (InputError, ConflictError) as exc:
        session.rollback()
        return _row(request, session, user, update_id, error=exc.message)
    return _row(request, session, user, update_id)
