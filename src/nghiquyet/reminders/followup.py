"""Giải trình and vướng mắc as people see them: each step stored, then told in the bell and the digest.

The web and the API call these rather than `explanations` directly, so no step is stored untold.
Each message has its own key (explain:7, blocker:3...), so it is made once per person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.explanations import blockers as bl
from nghiquyet.explanations import service as ex
from nghiquyet.explanations.items import ITEM_WORDS, find_item, item_link
from nghiquyet.explanations.models import Blocker, ExplanationRequest
from nghiquyet.reminders.models import Notification
from nghiquyet.units.permissions import Actor


def _name(user: User | None) -> str:
    return (user.full_name or user.username) if user is not None else "Hệ thống"


def unit_users(session: Session, unit_id: int) -> list[User]:
    return list(
        session.scalars(
            select(User).where(User.unit_id == unit_id, User.role == "unit", User.active.is_(True))
        )
    )


def office_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).where(User.role == "office", User.active.is_(True))))


def notify(
    session: Session,
    users: Iterable[User],
    *,
    key: str,
    kind: str,
    title: str,
    body: str,
    link: str,
    due: dt.date | None,
    now: dt.datetime,
) -> int:
    """One in-app message per person (also mailed in the next digest); a key already used is skipped."""
    made = 0
    for user in users:
        exists = session.scalar(
            select(Notification.id).where(Notification.user_id == user.id, Notification.key == key)
        )
        if exists is None:
            session.add(
                Notification(
                    user_id=user.id,
                    key=key,
                    kind=kind,
                    title=title,
                    body=body,
                    link=link,
                    due=due,
                    email=True,
                    created_at=now,
                )
            )
            made += 1
    session.flush()
    return made


def _about(session: Session, row: ExplanationRequest | Blocker) -> str:
    ref = find_item(session, row.item_type, row.item_id)
    return f"{ITEM_WORDS[row.item_type]} {ref.label}"


def ask_to_explain(
    session: Session,
    *,
    actor: Actor,
    item_type: str,
    item_id: int,
    unit_id: int,
    question: str,
    due: dt.date,
    now: dt.datetime,
    period: str | None = None,
) -> ExplanationRequest:
    """Store the request and tell the unit's reporters (bell now, email in the next digest)."""
    req = ex.request_explanation(
        session,
        actor=actor,
        item_type=item_type,
        item_id=item_id,
        unit_id=unit_id,
        question=question,
        due=due,
        today=now.date(),
        period=period,
    )
    asker = session.get(User, actor.id)
    notify(
        session,
        unit_users(session, req.unit_id),
        key=f"explain:{req.id}",
        kind="explain",
        title="Yêu cầu giải trình",
        body=(
            f"{_name(asker)} đề nghị {req.unit.name} giải trình {_about(session, req)} "
            f"trước ngày {req.due:%d/%m/%Y}: {req.question}"
        ),
        link=item_link(req.item_type, req.item_id),
        due=req.due,
        now=now,
    )
    return req


def answer_explanation(
    session: Session, *, actor: Actor, request_id: int, answer: str, now: dt.datetime
) -> ExplanationRequest:
    """Keep the unit's answer with the item and tell whoever asked."""
    req = ex.answer_explanation(session, actor=actor, request_id=request_id, answer=answer, now=now)
    asker = session.get(User, req.requested_by) if req.requested_by is not None else None
    if asker is not None and asker.active:
        notify(
            session,
            [asker],
            key=f"explained:{req.id}",
            kind="explained",
            title="Đơn vị đã giải trình",
            body=f"{req.unit.name} đã giải trình {_about(session, req)}: {req.answer}",
            link=item_link(req.item_type, req.item_id),
            due=None,
            now=now,
        )
    return req


def raise_blocker(
    session: Session,
    *,
    actor: Actor,
    item_type: str,
    item_id: int,
    unit_id: int,
    to: str,
    title: str,
    detail: str,
    now: dt.datetime,
) -> Blocker:
    """Store the difficulty and tell the level it is addressed to."""
    blocker = bl.raise_blocker(
        session,
        actor=actor,
        item_type=item_type,
        item_id=item_id,
        unit_id=unit_id,
        to=to,
        title=title,
        detail=detail,
    )
    who = office_users(session) if blocker.to_unit_id is None else unit_users(session, blocker.to_unit_id)
    notify(
        session,
        who,
        key=f"blocker:{blocker.id}",
        kind="blocker",
        title="Khó khăn, vướng mắc cần xử lý",
        body=f"{blocker.unit.name} nêu về {_about(session, blocker)}: {blocker.title}",
        link=f"/kho-khan/{blocker.id}",
        due=None,
        now=now,
    )
    return blocker


def close_blocker(
    session: Session, *, actor: Actor, blocker_id: int, decision: str, now: dt.datetime
) -> Blocker:
    """Close with a decision and tell the unit that raised it."""
    blocker = bl.close_blocker(session, actor=actor, blocker_id=blocker_id, decision=decision, now=now)
    notify(
        session,
        unit_users(session, blocker.unit_id),
        key=f"blocker_closed:{blocker.id}",
        kind="blocker_closed",
        title="Khó khăn, vướng mắc đã có ý kiến xử lý",
        body=f"{blocker.title} — {blocker.decision}",
        link=f"/kho-khan/{blocker.id}",
        due=None,
        now=now,
    )
    return blocker
