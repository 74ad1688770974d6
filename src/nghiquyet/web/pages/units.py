"""Đơn vị: the organisation tree, each unit linking to its items and its dashboard."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_user

router = APIRouter(route_class=PageRoute)


@router.get("/don-vi", response_class=HTMLResponse)
def units_page(request: Request, session: DbSession, user: User = Depends(require_user)) -> HTMLResponse:
    units = list_units(session, actor=user)
    return render(request, "units/list.html", user, active="units", title="Đơn vị", units=units)
