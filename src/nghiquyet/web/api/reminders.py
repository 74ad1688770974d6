"""Đôn đốc API: the office's reminder settings and rules; each person's notifications."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter

from nghiquyet.reminders.office import RuleInput, list_rules, save_settings
from nghiquyet.reminders.schemas import NotificationRead, ReminderSettingsIO, RuleIO
from nghiquyet.reminders.service import ensure_defaults, mark_read, notifications_for
from nghiquyet.units.permissions import require_manager
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(tags=["reminders"])


def _current(session: DbSession) -> ReminderSettingsIO:
    row = ensure_defaults(session)
    return ReminderSettingsIO(
        due_day=row.due_day,
        quiet_start=row.quiet_start,
        quiet_end=row.quiet_end,
        rules=[
            RuleIO(kind=r.kind, days=r.days, channels=r.channels.split(","), active=r.active)
            for r in list_rules(session)
        ],
    )


@router.get("/reminders/settings")
def read_settings(session: DbSession, user: CurrentUser) -> ReminderSettingsIO:
    require_manager(user, "xem lịch nhắc việc")
    return _current(session)


@router.put("/reminders/settings")
def write_settings(body: ReminderSettingsIO, session: DbSession, user: CurrentUser) -> ReminderSettingsIO:
    save_settings(
        session,
        actor=user,
        due_day=body.due_day,
        quiet_start=body.quiet_start,
        quiet_end=body.quiet_end,
        rules=[RuleInput(r.kind, r.days, tuple(r.channels), r.active) for r in body.rules],
    )
    return _current(session)


@router.get("/notifications")
def my_notifications(session: DbSession, user: CurrentUser) -> list[NotificationRead]:
    return [NotificationRead.model_validate(n) for n in notifications_for(session, user.id)]


@router.post("/notifications/{notification_id}/read")
def read_one(notification_id: int, session: DbSession, user: CurrentUser) -> dict[str, int]:
    return {
        "changed": mark_read(
            session, user_id=user.id, notification_id=notification_id, now=dt.datetime.now(dt.UTC)
        )
    }
