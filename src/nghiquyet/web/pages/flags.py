"""Nghi sai số liệu on pages: flag a reported figure from its target page, the office resolves it.

Open flags show on the target page (tracking/flags.py) and in the office's list of open issues
(Khó khăn, vướng mắc), so the pages and the list read the same stored doubts.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Target
from nghiquyet.tracking.flags import flag_figure, resolve_flag
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, require_user

router = APIRouter(route_class=PageRoute)


def _back(session: Session, target_id: int) -> Response:
    target = session.get(Target, target_id)
    where = f"/chi-tieu/{target.indicator_id}#flags" if target is not None else "/kho-khan"
    return RedirectResponse(where, status_code=303)


@router.post("/so-lieu/{update_id}/nghi-sai")
def flag(update_id: int, session: DbSession, reason: Annotated[str, Form()] = "",
         user: User = Depends(require_user)) -> Response:
    raised = flag_figure(session, update_id=update_id, reason=reason, actor=user)
    return _back(session, raised.target_id)


@router.post("/nghi-sai/{flag_id}/da-xu-ly")
def resolve(flag_id: int, session: DbSession, user: User = Depends(require_user)) -> Response:
    done = resolve_flag(session, flag_id=flag_id, actor=user)
    return _back(session, done.target_id)
