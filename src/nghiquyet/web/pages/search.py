"""Tìm kiếm: the header box's results page, each hit linking to its source line."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.search.service import Hit, SearchQueryError, search
from nghiquyet.tracking.visibility import withhold_hits
from nghiquyet.units.permissions import require_reader
from nghiquyet.web.deps import DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_user

router = APIRouter(route_class=PageRoute)

KIND_LABELS = {"line": "Dòng văn bản", "indicator": "Chỉ tiêu", "target": "Mức chỉ tiêu", "task": "Nhiệm vụ",
               "unit": "Đơn vị", "update": "Giải trình"}


@router.get("/tim-kiem", response_class=HTMLResponse)
def search_page(request: Request, session: DbSession, q: str = "",
                user: User = Depends(require_user)) -> HTMLResponse:
    require_reader(user)
    hits: list[Hit] = []
    error = None
    if q.strip():
        try:
            hits = withhold_hits(session, user, search(session, q, limit=50))
        except SearchQueryError as exc:
            error = str(exc)
    return render(request, "search/results.html", user, title="Tìm kiếm", q=q, hits=hits, error=error,
                  kind_labels=KIND_LABELS, status_code=400 if error else 200)
