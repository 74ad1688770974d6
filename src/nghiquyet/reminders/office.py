"""What the office edits (the due day, quiet hours, the rules) and each person's calendar feed (.ics)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.audit.service import record
from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.explanations.items import item_link
from nghiquyet.explanations.service import open_requests
from nghiquyet.reminders.models import ReminderRule, ReminderSettings, UserContact
from nghiquyet.reminders.rules import CHANNELS, RULE_KINDS
from nghiquyet.reminders.service import CalendarEntry, calendar, ensure_defaults, set_contact
from nghiquyet.units.permissions import Actor, require_manager

RULE_LABELS = {
    "before": "Trước hạn (ngày)",
    "on_day": "Đúng ngày đến hạn",
    "after": "Sau hạn, nhắc đơn vị (ngày)",
    "escalate": "Sau hạn, báo Văn phòng và lãnh đạo (ngày)",
    "returned": "Báo cáo bị trả lại: nhắc người lập",
}


@dataclass(frozen=True)
class RuleInput:
    kind: str
    days: int
    channels: tuple[str, ...]
    active: bool = True


def list_rules(session: Session) -> list[ReminderRule]:
    ensure_defaults(session)
    return list(session.scalars(select(ReminderRule).order_by(ReminderRule.id)))


def save_settings(
    session: Session, *, actor: Actor, due_day: int, quiet_start: int, quiet_end: int, rules: list[RuleInput]
) -> ReminderSettings:
    """Replace the settings and the rules in one go; a bad value changes nothing."""
    require_manager(actor, "sửa lịch nhắc việc")
    if not 1 <= due_day <= 28:
        raise InputError("Ngày hạn báo cáo phải từ 1 đến 28 của tháng sau kỳ")
    if not (0 <= quiet_start <= 23 and 0 <= quiet_end <= 23):
        raise InputError("Giờ yên lặng phải từ 0 đến 23")
    for r in rules:
        if r.kind not in RULE_KINDS:
            raise InputError(f"Loại nhắc việc không hợp lệ: '{r.kind}'")
        if not 0 <= r.days <= 365:
            raise InputError("Số ngày nhắc phải từ 0 đến 365")
        if any(c not in CHANNELS for c in r.channels):
            raise InputError("Kênh gửi chỉ có: inapp (trong ứng dụng), email")
    settings = ensure_defaults(session)
    before = {
        "due_day": settings.due_day,
        "quiet": [settings.quiet_start, settings.quiet_end],
        "rules": [(r.kind, r.days, r.channels, r.active) for r in list_rules(session)],
    }
    settings.due_day, settings.quiet_start, settings.quiet_end = due_day, quiet_start, quiet_end
    for old in list_rules(session):
        session.delete(old)
    session.flush()
    session.add_all(
        ReminderRule(kind=r.kind, days=r.days, channels=",".join(r.channels), active=r.active) for r in rules
    )
    session.flush()
    record(
        session,
        actor=actor,
        action="reminders.settings",
        object_type="reminder_settings",
        object_id=1,
        before=before,
        after={
            "due_day": due_day,
            "quiet": [quiet_start, quiet_end],
            "rules": [(r.kind, r.days, ",".join(r.channels), r.active) for r in rules],
        },
    )
    return settings


def feed_token(session: Session, user_id: int) -> str:
    contact = session.get(UserContact, user_id) or set_contact(session, user_id=user_id, email=None)
    return contact.ics_token


def entries_for_user(session: Session, user: User, *, today: dt.date) -> list[CalendarEntry]:
    """A unit reporter's own unit; the office, leaders and others see every unit."""
    unit_id = user.unit_id if user.role == "unit" else None
    return calendar(session, today=today, unit_id=unit_id)


def ics_feed(session: Session, token: str, *, today: dt.date, base_url: str) -> str:
    """The iCalendar (RFC 5545) feed behind a secret token: one all-day event per report due."""
    contact = session.scalar(select(UserContact).where(UserContact.ics_token == token))
    user = session.get(User, contact.user_id) if contact is not None else None
    if user is None or not user.active:
        raise NotFoundError("Không tìm thấy lịch (đường dẫn đã đổi hoặc sai)")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//nghiquyet//lich bao cao//VI",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Lịch báo cáo nghị quyết",
    ]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for e in entries_for_user(session, user, today=today):
        if e.state == "approved":
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:nghiquyet-{e.assignment_id}-{e.period}@nghiquyet",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{e.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{e.due + dt.timedelta(days=1):%Y%m%d}",
            _fold(f"SUMMARY:{_esc(f'Hạn báo cáo {e.period_label}: {e.item_label}')}"),
            _fold(f"DESCRIPTION:{_esc(f'{e.unit_name} — {e.plan_title}')}"),
            f"URL:{base_url.rstrip('/')}{e.link}",
            "END:VEVENT",
        ]
    if user.role == "unit" and user.unit_id is not None:
        for req in open_requests(session, unit_id=user.unit_id):
            lines += [
                "BEGIN:VEVENT",
                f"UID:nghiquyet-giai-trinh-{req.id}@nghiquyet",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{req.due:%Y%m%d}",
                f"DTEND;VALUE=DATE:{req.due + dt.timedelta(days=1):%Y%m%d}",
                _fold(f"SUMMARY:{_esc(f'Hạn giải trình: {req.question[:120]}')}"),
                f"URL:{base_url.rstrip('/')}{item_link(req.item_type, req.item_id)}",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 folds lines longer than 75 octets (continuations start with a space)."""
    data = line.encode()
    parts, start = [], 0
    while len(data) - start > 75:
        cut = start + 75
        while (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[start:cut].decode())
        start = cut
    parts.append(data[start:].decode())
    return "\r\n ".join(parts)
