"""Sổ tay đảng viên pages: the list of documents, one document to read, and the service worker at /sw.js."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.documents.naming import name_of
from nghiquyet.handbook.service import documents_for, reading
from nghiquyet.reminders.service import LOCAL_TZ, unread_count
from nghiquyet.web.api.params import PathId
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_user

router = APIRouter(route_class=PageRoute)
SERVICE_WORKER = Path(__file__).resolve().parent.parent / "static" / "handbook-sw.js"


def _today() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


@router.get("/sw.js", include_in_schema=False)
def service_worker() -> FileResponse:
    """Served from the root so its scope may cover /so-tay; never cached, so an update reaches phones."""
    return FileResponse(
        SERVICE_WORKER,
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/so-tay"},
    )


@router.get("/so-tay", response_class=HTMLResponse)
def handbook_index(request: Request, session: DbSession, user: User = Depends(require_user)) -> HTMLResponse:
    today = _today()
    return render(
        request,
        "handbook/index.html",
        user,
        title="Sổ tay đảng viên",
        docs=documents_for(session, user, today=today),
        today=today,
        unread=unread_count(session, user.id),
    )


@router.get("/so-tay/{plan_id}", response_class=HTMLResponse)
def handbook_document(
    request: Request,
    plan_id: PathId,
    session: DbSession,
    settings: AppSettings,
    user: User = Depends(require_user),
) -> HTMLResponse:
    today = _today()
    view = reading(session, user, plan_id=plan_id, settings=settings, today=today)
    return render(
        request,
        "handbook/document.html",
        user,
        title=name_of(view.plan),
        view=view,
        today=today,
        unread=unread_count(session, user.id),
    )
