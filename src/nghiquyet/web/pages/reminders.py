"""Đôn đốc pages: the bell and its list, the reporting calendar, the reminder rules, the .ics feed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nghiquyet.accounts.models import User
from nghiquyet.errors import InputError
from nghiquyet.reminders.calendar import STATE_LABELS
from nghiquyet.reminders.office import (
    RULE_LABELS,
    RuleInput,
    entries_for_user,
    feed_token,
    ics_feed,
    list_rules,
)
from nghiquyet.reminders.office import save_settings as save_reminder_settings
from nghiquyet.reminders.service import LOCAL_TZ, ensure_defaults, mark_read, notifications_for, unread_count
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_office, require_user

router = APIRouter(route_class=PageRoute)


def _today() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


@router.get("/thong-bao/chuong", response_class=HTMLResponse)
def bell(session: DbSession, user: User = Depends(require_user)) -> HTMLResponse:
    """The header's bell (loaded by htmx, so the base template needs no database access)."""
    count = unread_count(session, user.id)
    badge = f'<span class="badge bell-count">{count}</span>' if count else ""
    return HTMLResponse(
        f'<a class="bell" href="/thong-bao" aria-label="Thông báo: {count} chưa đọc">'
        f'<span aria-hidden="true">🔔</span>{badge}</a>'
    )


@router.get("/thong-bao", response_class=HTMLResponse)
def notifications_page(
    request: Request, session: DbSession, user: User = Depends(require_user)
) -> HTMLResponse:
    items = notifications_for(session, user.id)
    return render(
        request,
        "reminders/notifications.html",
        user,
        active="notifications",
        title="Thông báo",
        items=items,
        unread=sum(1 for n in items if n.read_at is None),
    )


@router.post("/thong-bao/{notification_id}/da-doc")
def mark_one(
    notification_id: int,
    session: DbSession,
    unread: Annotated[str, Form()] = "",
    user: User = Depends(require_user),
) -> Response:
    mark_read(
        session,
        user_id=user.id,
        notification_id=notification_id,
        now=dt.datetime.now(dt.UTC),
        unread=bool(unread),
    )
    return RedirectResponse("/thong-bao", status_code=303)


@router.post("/thong-bao/da-doc-het")
def mark_all(session: DbSession, user: User = Depends(require_user)) -> Response:
    mark_read(session, user_id=user.id, notification_id=None, now=dt.datetime.now(dt.UTC))
    return RedirectResponse("/thong-bao", status_code=303)


@router.get("/lich-bao-cao", response_class=HTMLResponse)
def calendar_page(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    unit: int | None = None,
    period: str | None = None,
    state: str | None = None,
    user: User = Depends(require_user),
) -> HTMLResponse:
    today = _today()
    entries = entries_for_user(session, user, today=today)
    units = sorted({(e.unit_id, e.unit_name) for e in entries}, key=lambda u: u[1])
    periods = sorted({(e.due, e.period, e.period_label) for e in entries})
    if unit:
        entries = [e for e in entries if e.unit_id == unit]
    if period:
        entries = [e for e in entries if e.period == period]
    counts = Counter(e.state for e in entries)
    if state:
        entries = [e for e in entries if e.state == state]
    # The grid: one row per unit, one column per period, each cell the states' tally.
    grid: dict[tuple[str, str], Counter[str]] = {}
    for e in entries:
        grid.setdefault((e.unit_name, e.period), Counter())[e.state] += 1
    token = feed_token(session, user.id)
    return render(
        request,
        "reminders/calendar.html",
        user,
        active="calendar",
        title="Lịch báo cáo",
        entries=entries[:500],
        total=len(entries),
        units=units,
        periods=[(code, label) for _, code, label in dict.fromkeys(periods)],
        counts=counts,
        grid=grid,
        state_labels=STATE_LABELS,
        unit=unit,
        period=period,
        state=state,
        today=today,
        feed_url=f"{settings.base_url.rstrip('/')}/lich/{token}.ics",
    )


@router.get("/lich/{token}.ics")
def feed(token: str, session: DbSession, settings: AppSettings) -> Response:
    body = ics_feed(session, token, today=_today(), base_url=settings.base_url)
    return Response(body, media_type="text/calendar; charset=utf-8")


@router.get("/nhac-viec", response_class=HTMLResponse)
def rules_page(
    request: Request,
    session: DbSession,
    user: User = Depends(require_office),
    flash: str | None = None,
    error: str | None = None,
) -> HTMLResponse:
    return render(
        request,
        "reminders/rules.html",
        user,
        active="rules",
        title="Nhắc việc",
        settings_row=ensure_defaults(session),
        rules=list_rules(session),
        labels=RULE_LABELS,
        flash=flash or error,
        flash_kind="error" if error else "ok",
    )


@router.post("/nhac-viec", response_class=HTMLResponse)
async def save_rules(request: Request, session: DbSession, user: User = Depends(require_office)) -> Response:
    form = await request.form()
    try:
        rules = [
            RuleInput(
                kind=str(form[f"kind_{i}"]),
                days=int(str(form.get(f"days_{i}") or 0)),
                channels=tuple(c for c in ("inapp", "email") if form.get(f"{c}_{i}")),
                active=bool(form.get(f"active_{i}")),
            )
            for i in range(int(str(form.get("count") or 0)))
        ]
        save_reminder_settings(
            session,
            actor=user,
            due_day=int(str(form.get("due_day") or 15)),
            quiet_start=int(str(form.get("quiet_start") or 22)),
            quiet_end=int(str(form.get("quiet_end") or 6)),
            rules=rules,
        )
    except (InputError, ValueError, KeyError) as exc:
        session.rollback()
        message = getattr(exc, "message", None) or "Giá trị không hợp lệ: nhập số nguyên"
        return rules_page(request, session, user, error=message)
    return rules_page(request, session, user, flash="Đã lưu lịch nhắc việc.")
