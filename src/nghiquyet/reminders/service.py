"""Đôn đốc: the calendar read from storage, the messages that are due, and one run that sends them.

A run (`nghiquyet remind`, or the scheduler inside `serve`) is idempotent: each in-app message has
a unique (user, key) and each email digest a unique (user, day), so a second run finds them made.
Only the holder of the `remind` lease sends, so several workers send once.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.db import transaction
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import name_of
from nghiquyet.explanations.items import item_link
from nghiquyet.explanations.service import open_requests
from nghiquyet.notifications.email import ChannelError, Mail, MailChannel
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.reminders.calendar import EntryState, entry_state, numbered, slots
from nghiquyet.reminders.models import (
    EmailMessage,
    Lease,
    Notification,
    ReminderRule,
    ReminderSettings,
    UserContact,
)
from nghiquyet.reminders.rules import RuleKind, RuleSpec, fires, in_quiet_hours
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.units.models import Unit

log = logging.getLogger(__name__)
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LEASE_NAME = "remind"
MAX_ATTEMPTS = 5
# Calendar rules look only at periods due from this many days ago on: a plan imported late does
# not flood its units with years of old "late" messages.
LOOKBACK_DAYS = 120

DEFAULT_RULES: tuple[tuple[RuleKind, int], ...] = (
    ("before", 7),
    ("on_day", 0),
    ("after", 1),
    ("escalate", 10),
    ("returned", 0),
)


def ensure_defaults(session: Session) -> ReminderSettings:
    """The settings row and the default rules, created on first use.

    Two requests can both come first (two workers, two tabs): the row and the rules go in one
    savepoint keyed on the settings row's fixed id, so the one that loses the race rolls back its
    copy of the rules too and reads the winner's row, instead of failing or doubling the rules.
    """
    settings = session.get(ReminderSettings, 1)
    if settings is not None:
        return settings
    try:
        with session.begin_nested():
            session.add(ReminderSettings(id=1, due_day=15, quiet_start=22, quiet_end=6))
            if session.scalar(select(ReminderRule.id).limit(1)) is None:
                session.add_all(
                    ReminderRule(kind=k, days=d, channels="inapp,email", active=True)
                    for k, d in DEFAULT_RULES
                )
    except IntegrityError:
        pass  # the other first use committed its row (and rules) meanwhile
    settings = session.get(ReminderSettings, 1, populate_existing=True)
    if settings is None:  # pragma: no cover - a constraint failure that was not this row's
        raise RuntimeError("reminder_settings row 1 is missing after its insert")
    return settings


# --- the calendar -------------------------------------------------------------------------------


@dataclass
class CalendarEntry:
    assignment_id: int
    plan_id: int
    plan_title: str
    unit_id: int
    unit_name: str
    item_type: str  # indicator | task
    item_id: int
    item_label: str
    period: str
    period_label: str
    due: dt.date
    state: EntryState

    @property
    def link(self) -> str:
        return f"/chi-tieu/{self.item_id}" if self.item_type == "indicator" else f"/nhiem-vu/{self.item_id}"


def plan_cadences(session: Session, plans: Iterable[Plan]) -> dict[int, list[str]]:
    """Each plan's reporting cadence, as its document words it ("quarter", "year"...): the documents of
    all the plans read in one query (one per plan made the calendar cost a statement per plan)."""
    by_document = {p.document_id: p.id for p in plans if p.document_id is not None}
    out: dict[int, list[str]] = {p.id: [] for p in plans}
    if not by_document:
        return out
    for document_id, review, extraction in session.execute(
            select(Document.id, Document.review, Document.extraction)
            .where(Document.id.in_(sorted(by_document)))):
        reporting = ((review if review is not None else extraction) or {}).get("reporting") or {}
        out[by_document[document_id]] = [str(c) for c in reporting.get("cadence") or []]
    return out


def calendar(
    session: Session,
    *,
    today: dt.date,
    unit_id: int | None = None,
    due_from: dt.date | None = None,
    due_to: dt.date | None = None,
) -> list[CalendarEntry]:
    """Every (lead assignment, period) of the active plans with its due date and state."""
    settings = ensure_defaults(session)
    # Plain columns for the assignments (an office's calendar holds every lead assignment of every
    # active plan: ORM objects, each with its unit joined, were a third of the dashboard's time).
    # The item's number and words come in the same rows (IN lists of every item id cost more).
    query = (
        select(Assignment.id, Assignment.item_type, Assignment.indicator_id, Assignment.task_id,
               Assignment.unit_id, Unit.name, Plan, Indicator.label, Indicator.text, Task.label, Task.title,
               Task.text)
        .join(Plan, Plan.id == Assignment.plan_id)
        .join(Unit, Unit.id == Assignment.unit_id)
        .outerjoin(Indicator, Indicator.id == Assignment.indicator_id)
        .outerjoin(Task, Task.id == Assignment.task_id)
        .where(Plan.status == "active", Assignment.role == "lead")
        .order_by(Assignment.id)
    )
    if unit_id is not None:
        query = query.where(Assignment.unit_id == unit_id)
    pairs = []
    labels: dict[int, str] = {}
    for row in session.execute(query):
        lead = _Lead(*row[:6])
        pairs.append((lead, row[6]))
        label = _item_label(lead, row[7], row[8], row[9], row[10], row[11])
        if label is not None:
            labels[lead.id] = label
    if not pairs:
        return []
    reported = _reported(session, {p.id for _, p in pairs})
    cadences = plan_cadences(session, {p.id: p for _, p in pairs}.values())
    out: list[CalendarEntry] = []
    for a, plan in pairs:
        start = plan.year_start or today.year
        end = plan.year_end or max(start, today.year)
        for slot in slots(cadences[plan.id], start, end, settings.due_day):
            if (due_from and slot.due < due_from) or (due_to and slot.due > due_to):
                continue
            states = reported.get((a.item_type, a.item_id, a.unit_id, slot.period.code), set())
            out.append(
                CalendarEntry(
                    assignment_id=a.id,
                    plan_id=plan.id,
                    plan_title=name_of(plan),
                    unit_id=a.unit_id,
                    unit_name=a.unit_name,
                    item_type=a.item_type,
                    item_id=a.item_id,
                    item_label=labels.get(a.id, ""),
                    period=slot.period.code,
                    period_label=slot.period.label_vi,
                    due=slot.due,
                    state=entry_state(
                        due=slot.due,
                        today=today,
                        submitted="submitted" in states,
                        approved="approved" in states,
                    ),
                )
            )
    out.sort(key=lambda e: (e.due, e.unit_name, e.plan_id, e.item_label))
    return out


def _reported(session: Session, plan_ids: set[int]) -> dict[tuple[str, int, int, str], set[str]]:
    """(item type, item id, unit, period) → states of the updates sent for it (submitted, approved)."""
    rows = session.execute(
        select(
            Update.target_id, Update.task_id, Update.unit_id, Update.period, Update.state, Target.indicator_id
        )
        .outerjoin(Target, Target.id == Update.target_id)
        .where(Update.plan_id.in_(plan_ids), Update.state.in_(("submitted", "approved")))
    )
    out: dict[tuple[str, int, int, str], set[str]] = defaultdict(set)
    for _target, task, unit, period, state, indicator in rows:
        key = ("task", task, unit, period) if task is not None else ("indicator", indicator, unit, period)
        out[key].add(state)
    return out


class _Lead(NamedTuple):
    """A lead assignment as the calendar reads it (columns, not the ORM object)."""

    id: int
    item_type: str
    indicator_id: int | None
    task_id: int | None
    unit_id: int
    unit_name: str

    @property
    def item_id(self) -> int:
        item = self.indicator_id if self.item_type == "indicator" else self.task_id
        assert item is not None
        return item


def _item_label(lead: _Lead, indicator_label: str | None, indicator_text: str | None, task_label: str | None,
                task_title: str | None, task_text: str | None) -> str | None:
    """"1. Its words" (at most 160 characters): an indicator's sentence, a task's title or else its
    sentence; None when the item is gone."""
    if lead.indicator_id is not None and indicator_text is not None:
        label, text = indicator_label, indicator_text
    elif lead.task_id is not None and task_text is not None:  # text is never NULL: NULL means no row
        label, text = task_label, task_title or task_text
    else:
        return None
    return numbered(label, (text or "").strip())[:160]  # "1." stays "1.", never "1.."


# --- what is due --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    """A notification a run would make (not stored yet)."""

    user_id: int
    username: str
    key: str
    kind: str
    title: str
    body: str
    link: str
    due: dt.date | None
    email: bool


KIND_TITLES = {
    "before": "Sắp đến hạn báo cáo",
    "on_day": "Hôm nay đến hạn báo cáo",
    "after": "Quá hạn báo cáo",
    "escalate": "Đơn vị chậm báo cáo",
    "returned": "Báo cáo bị trả lại",
    "explain_due": "Đến hạn giải trình",
}


def _rules(session: Session) -> list[RuleSpec]:
    rows = session.scalars(
        select(ReminderRule).where(ReminderRule.active.is_(True)).order_by(ReminderRule.id)
    )
    return [
        RuleSpec(r.id, r.kind, r.days, tuple(c.strip() for c in r.channels.split(",") if c.strip()))  # type: ignore[arg-type]
        for r in rows
    ]


def planned(session: Session, *, now: dt.datetime) -> list[Planned]:
    """Every notification due at `now` that has not been made yet."""
    today = now.astimezone(LOCAL_TZ).date()
    rules = _rules(session)
    users = list(session.scalars(select(User).where(User.active.is_(True))))
    by_unit: dict[int, list[User]] = defaultdict(list)
    for u in users:
        if u.unit_id is not None and u.role == "unit":
            by_unit[u.unit_id].append(u)
    office = [u for u in users if u.role == "office"]
    leaders = [u for u in users if u.role == "leader"]
    paths = dict(session.execute(select(Unit.id, Unit.path)).all())
    out: list[Planned] = []
    entries = calendar(
        session,
        today=today,
        due_from=today - dt.timedelta(days=LOOKBACK_DAYS),
        due_to=today + dt.timedelta(days=max((r.days for r in rules if r.kind == "before"), default=0)),
    )
    for e in entries:
        reported = e.state in ("submitted", "approved")
        for rule in rules:
            if not fires(rule, due=e.due, today=today, reported=reported):
                continue
            if rule.kind == "escalate":
                unit_path = paths.get(e.unit_id, "")
                who = office + [
                    u
                    for u in leaders
                    if u.unit_id is None or unit_path.startswith(paths.get(u.unit_id, "\0"))
                ]
            else:
                who = by_unit.get(e.unit_id, [])
            late = (today - e.due).days
            when = f"hạn {e.due:%d/%m/%Y}" + (f", đã trễ {late} ngày" if late > 0 else "")
            body = (
                f"{e.unit_name} — báo cáo {e.period_label}: {e.item_label} ({when}). Kế hoạch: {e.plan_title}"
            )
            for u in who:
                out.append(
                    Planned(
                        u.id,
                        u.username,
                        f"{rule.kind}:{rule.id}:{e.assignment_id}:{e.period}",
                        rule.kind,
                        KIND_TITLES[rule.kind],
                        body,
                        e.link,
                        e.due,
                        "email" in rule.channels,
                    )
                )
    out.extend(_returned(session, rules))
    out.extend(_explanations_due(session, today=today, by_unit=by_unit))
    existing = set(session.execute(select(Notification.user_id, Notification.key)).all())
    seen: set[tuple[int, str]] = set()
    fresh = []
    for p in out:
        if (p.user_id, p.key) in existing or (p.user_id, p.key) in seen:
            continue
        seen.add((p.user_id, p.key))
        fresh.append(p)
    return fresh


def _returned(session: Session, rules: list[RuleSpec]) -> list[Planned]:
    rule = next((r for r in rules if r.kind == "returned"), None)
    if rule is None:
        return []
    rows = session.execute(
        select(Update, User)
        .join(User, User.id == Update.created_by)
        .where(Update.state == "returned", User.active.is_(True))
    )
    out = []
    for upd, user in rows:
        link = f"/nhiem-vu/{upd.task_id}" if upd.task_id else "/viec-cua-toi"
        reason = f" Lý do: {upd.return_reason}" if upd.return_reason else ""
        out.append(
            Planned(
                user.id,
                user.username,
                f"returned:{upd.id}",
                "returned",
                KIND_TITLES["returned"],
                f"Báo cáo kỳ {upd.period} của {upd.unit.name} được trả lại để sửa.{reason}",
                link,
                None,
                "email" in rule.channels,
            )
        )
    return out


def _explanations_due(session: Session, *, today: dt.date, by_unit: dict[int, list[User]]) -> list[Planned]:
    """An explanation request still unanswered on (or after) its due day reminds the unit, once."""
    out = []
    for req in open_requests(session):
        if not today - dt.timedelta(days=LOOKBACK_DAYS) <= req.due <= today:
            continue
        late = (today - req.due).days
        when = f"hạn {req.due:%d/%m/%Y}" + (f", đã trễ {late} ngày" if late > 0 else "")
        for u in by_unit.get(req.unit_id, []):
            out.append(
                Planned(
                    u.id,
                    u.username,
                    f"explain_due:{req.id}",
                    "explain_due",
                    KIND_TITLES["explain_due"],
                    f"{req.unit.name} chưa giải trình ({when}): {req.question}",
                    item_link(req.item_type, req.item_id),
                    req.due,
                    True,
                )
            )
    return out


# --- the run ------------------------------------------------------------------------------------


@dataclass
class RunResult:
    lines: list[str] = field(default_factory=list)
    sent_inapp: int = 0
    sent_email: int = 0
    failed_email: int = 0
    skipped: str | None = None  # why nothing was done (another worker holds the lease)


def acquire_lease(
    factory: sessionmaker[Session], holder: str, *, now: dt.datetime, seconds: int = 300
) -> bool:
    """Take or renew the `remind` lease; False when another holder's lease has not expired."""
    expires = now + dt.timedelta(seconds=seconds)
    try:
        with transaction(factory) as session:
            if session.get(Lease, LEASE_NAME) is None:
                session.add(Lease(name=LEASE_NAME, holder=holder, expires_at=expires))
                session.flush()
                return True
            # One conditional UPDATE: of two workers racing, the database lets exactly one match.
            result = session.execute(
                update(Lease)
                .where(Lease.name == LEASE_NAME)
                .where((Lease.holder == holder) | (Lease.expires_at < now))
                .values(holder=holder, expires_at=expires)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]
    except (
        IntegrityError,
        OperationalError,
    ):  # the other worker inserted the row first (or holds SQLite's lock)
        return False


def release_lease(factory: sessionmaker[Session], holder: str) -> None:
    with transaction(factory) as session:
        session.execute(
            update(Lease)
            .where(Lease.name == LEASE_NAME, Lease.holder == holder)
            .values(expires_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        )


def run(
    factory: sessionmaker[Session],
    *,
    now: dt.datetime,
    channel: MailChannel | None,
    base_url: str = "http://127.0.0.1:8000",
    dry_run: bool = False,
    holder: str | None = None,
) -> RunResult:
    """Make the notifications due at `now`, put one digest a day per person in the outbox, send it."""
    result = RunResult()
    if dry_run:
        with factory() as session:
            ensure_defaults(session)
            fresh = planned(session, now=now)
            for p in fresh:
                result.lines.append(f"trong ứng dụng → {p.username}: {p.title} — {p.body}")
            for line in _digest_preview(session, fresh, now=now):
                result.lines.append(line)
            session.rollback()
        return result
    holder = holder or f"worker-{uuid.uuid4().hex[:12]}"
    if not acquire_lease(factory, holder, now=now):
        result.skipped = "một tiến trình khác đang gửi nhắc việc"
        return result
    try:
        with transaction(factory) as session:
            ensure_defaults(session)
            for p in planned(session, now=now):
                session.add(
                    Notification(
                        user_id=p.user_id,
                        key=p.key,
                        kind=p.kind,
                        title=p.title,
                        body=p.body,
                        link=p.link,
                        due=p.due,
                        email=p.email,
                        created_at=now,
                    )
                )
                result.sent_inapp += 1
                result.lines.append(f"trong ứng dụng → {p.username}: {p.title} — {p.body}")
            session.flush()
            if channel is not None:  # without SMTP the messages stay in the app, ready for a later digest
                _queue_digests(session, now=now, base_url=base_url)
        if channel is not None:
            _send_outbox(factory, channel, now=now, result=result)
    finally:
        release_lease(factory, holder)
    return result


def _digest_day(now: dt.datetime) -> dt.date:
    return now.astimezone(LOCAL_TZ).date()


def _quiet(session: Session, now: dt.datetime) -> bool:
    s = ensure_defaults(session)
    return in_quiet_hours(now.astimezone(LOCAL_TZ).hour, s.quiet_start, s.quiet_end)


def _emails(session: Session) -> dict[int, str]:
    return {c.user_id: c.email for c in session.scalars(select(UserContact)) if c.email}


def _digest_preview(session: Session, fresh: list[Planned], *, now: dt.datetime) -> list[str]:
    if _quiet(session, now):
        return []
    emails = _emails(session)
    day = _digest_day(now)
    done = set(session.scalars(select(EmailMessage.user_id).where(EmailMessage.day == day)))
    pending: dict[int, int] = defaultdict(int)
    for n in session.scalars(
        select(Notification).where(Notification.email.is_(True), Notification.emailed_in.is_(None))
    ):
        pending[n.user_id] += 1
    for p in fresh:
        if p.email:
            pending[p.user_id] += 1
    return [
        f"thư → {emails[uid]}: {_subject(count)}"
        for uid, count in sorted(pending.items())
        if uid in emails and uid not in done
    ]


def _subject(count: int) -> str:
    return f"[nghiquyet] Nhắc việc hôm nay: {count} nội dung cần theo dõi"


def _queue_digests(session: Session, *, now: dt.datetime, base_url: str) -> None:
    """One digest per person per day, holding every email-channel notification not mailed yet.

    In quiet hours nothing is queued: the next run outside them picks the notifications up.
    """
    if _quiet(session, now):
        return
    emails = _emails(session)
    day = _digest_day(now)
    done = set(session.scalars(select(EmailMessage.user_id).where(EmailMessage.day == day)))
    waiting: dict[int, list[Notification]] = defaultdict(list)
    for n in session.scalars(
        select(Notification)
        .where(Notification.email.is_(True), Notification.emailed_in.is_(None))
        .order_by(Notification.id)
    ):
        waiting[n.user_id].append(n)
    base = base_url.rstrip("/")
    for uid, items in waiting.items():
        if uid not in emails or uid in done:
            continue
        lines = [
            "Kính gửi đồng chí,",
            "",
            "Hệ thống theo dõi thực hiện nghị quyết xin nhắc các nội dung sau:",
            "",
        ]
        for i, n in enumerate(items, 1):
            lines += [f"{i}. {n.title}: {n.body}", f"   Xem: {base}{n.link}", ""]
        lines += [f"Danh sách thông báo: {base}/thong-bao", "", "Thư gửi tự động, vui lòng không trả lời."]
        msg = EmailMessage(
            user_id=uid,
            day=day,
            to_addr=emails[uid],
            subject=_subject(len(items)),
            body="\n".join(lines),
            state="pending",
            attempts=0,
            created_at=now,
        )
        session.add(msg)
        session.flush()
        for n in items:
            n.emailed_in = msg.id


def _send_outbox(
    factory: sessionmaker[Session], channel: MailChannel, *, now: dt.datetime, result: RunResult
) -> None:
    """Send every pending or failed message (a failed one is retried up to MAX_ATTEMPTS runs)."""
    with factory() as session:
        ids = list(
            session.scalars(
                select(EmailMessage.id)
                .where(EmailMessage.state.in_(("pending", "failed")), EmailMessage.attempts < MAX_ATTEMPTS)
                .order_by(EmailMessage.id)
            )
        )
    for mid in ids:
        with transaction(factory) as session:
            msg = session.get(EmailMessage, mid)
            assert msg is not None
            msg.attempts += 1
            try:
                channel.send(Mail(msg.to_addr, msg.subject, msg.body))
            except ChannelError as exc:
                msg.state, msg.last_error = "failed", str(exc)
                result.failed_email += 1
                log.warning("email %s (lần %s): %s", mid, msg.attempts, exc)
                continue
            msg.state, msg.sent_at, msg.last_error = "sent", now, None
            result.sent_email += 1
            result.lines.append(f"thư → {msg.to_addr}: {msg.subject}")


# --- people's side: contacts, the bell ----------------------------------------------------------


def set_contact(session: Session, *, user_id: int, email: str | None) -> UserContact:
    contact = session.get(UserContact, user_id)
    if contact is None:
        contact = UserContact(user_id=user_id, email=email, ics_token=secrets.token_urlsafe(24))
        session.add(contact)
    else:
        contact.email = email
    session.flush()
    return contact


def unread_count(session: Session, user_id: int) -> int:
    from sqlalchemy import func

    return int(
        session.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == user_id, Notification.read_at.is_(None)
            )
        )
        or 0
    )


def notifications_for(session: Session, user_id: int, *, limit: int = 100) -> list[Notification]:
    return list(
        session.scalars(
            select(Notification)
            .where(Notification.user_id == user_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def mark_read(
    session: Session, *, user_id: int, notification_id: int | None, now: dt.datetime, unread: bool = False
) -> int:
    """Mark one (or, with None, all) of the user's notifications read or unread; returns how many."""
    q = update(Notification).where(Notification.user_id == user_id)
    if notification_id is not None:
        q = q.where(Notification.id == notification_id)
    res = session.execute(q.values(read_at=None if unread else now))
    return int(res.rowcount)  # type: ignore[attr-defined]
