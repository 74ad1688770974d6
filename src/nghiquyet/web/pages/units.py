"""Đơn vị: the organisation tree, each unit with how many items it leads or supports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.tracking.service import list_assignments
from nghiquyet.units.models import Unit
from nghiquyet.units.service import list_units
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_user

router = APIRouter(route_class=PageRoute)


@dataclass
class UnitRow:
    unit: Unit
    lead: int
    support: int


@router.get("/don-vi", response_class=HTMLResponse)
def units_page(request: Request, session: DbSession, user: User = Depends(require_user)) -> HTMLResponse:
    counts = Counter((a.unit_id, a.role) for a in list_assignments(session, actor=user))
    rows = [
        UnitRow(u, counts[(u.id, "lead")], counts[(u.id, "support")]) for u in list_units(session, actor=user)
    ]
    return render(request, "units/list.html", user, active="units", title="Đơn vị", rows=rows)
