"""Login throttling: after a few wrong passwords an account, or an address, waits; each further
failure doubles the wait (1 s, 2 s, 4 s … at most 15 min).

Every attempt is counted *before* its password is checked, by a compare-and-set write committed at
once: 60 requests sent together cannot all slip through while the first ones are still hashing,
and every worker (they share the database) sees the count. A successful sign-in clears the
account's count and gives back the address's try, so an office behind one address can still
sign in every morning.

Unlike the domain services, these functions commit (each in its own short session): the count
must be visible to other workers before the password is verified, and survive the request's
rollback when the sign-in fails.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import LoginThrottle, User
from nghiquyet.accounts.service import authenticate
from nghiquyet.errors import NghiquyetError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Rule:
    prefix: str
    free_tries: int  # failures before the first wait


ACCOUNT = Rule("tk:", 5)
# Generous: many people of one office may share an address behind its router.
ADDRESS = Rule("ip:", 20)
MAX_WAIT_S = 15 * 60
FORGET_AFTER = timedelta(minutes=30)  # a quiet key starts again from zero
MAX_KEY = 200
CAS_TRIES = 8


class TooManyAttempts(NghiquyetError):
    """Sign-in refused until `retry_after` seconds have passed."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Đăng nhập sai quá nhiều lần: hãy thử lại sau {retry_after} giây.")
        self.retry_after = retry_after


def wait_after(failures: int, rule: Rule) -> int:
    """Seconds a key waits after `failures` counted failures: 0, then 1, 2, 4, … MAX_WAIT_S."""
    if failures < rule.free_tries:
        return 0
    wait: int = 2 ** min(failures - rule.free_tries, 20)
    return min(wait, MAX_WAIT_S)


def _utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _seconds_left(blocked_until: datetime | None, now: datetime) -> int:
    until = _utc(blocked_until)
    if until is None or until <= now:
        return 0
    return max(1, math.ceil((until - now).total_seconds()))


def _cas(factory: sessionmaker[Session], step: Callable[[Session], T | None]) -> T | None:
    """Run `step` (one read, one conditional write) until its write wins; commit each round."""
    for _ in range(CAS_TRIES):
        with factory() as session:
            try:
                result = step(session)
            except IntegrityError:  # two first attempts inserted the same key
                session.rollback()
                continue
            if result is not None:
                session.commit()
                return result
            session.rollback()
    return None


def _row(session: Session, key: str) -> LoginThrottle | None:
    return session.scalars(select(LoginThrottle).where(LoginThrottle.key == key)
                           .execution_options(populate_existing=True)).first()


def reserve(factory: sessionmaker[Session], key: str, rule: Rule, now: datetime) -> int:
    """Count one attempt for `key`; the seconds to wait instead when it is blocked (0: go on)."""

    def step(session: Session) -> int | None:
        row = _row(session, key)
        if row is None:
            session.execute(insert(LoginThrottle).values(
                key=key, failures=1, blocked_until=_until(1, rule, now), last_attempt=now, version=0))
            return 0
        left = _seconds_left(row.blocked_until, now)
        if left:
            return left
        stale = (_utc(row.last_attempt) or now) < now - FORGET_AFTER
        failures = 1 if stale else row.failures + 1
        won = session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.key == key, LoginThrottle.version == row.version)
            .values(failures=failures, blocked_until=_until(failures, rule, now), last_attempt=now,
                    version=row.version + 1)).rowcount  # type: ignore[attr-defined]
        return 0 if won == 1 else None

    # Lost every round to other workers: under such a storm, refusing is the safe answer.
    result = _cas(factory, step)
    return 1 if result is None else result


def give_back(factory: sessionmaker[Session], key: str, rule: Rule, now: datetime) -> None:
    """Undo one counted attempt (it succeeded, or another key refused it)."""

    def step(session: Session) -> bool | None:
        row = _row(session, key)
        if row is None:
            return True
        failures = max(0, row.failures - 1)
        blocked = row.blocked_until if wait_after(failures, rule) else None
        won = session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.key == key, LoginThrottle.version == row.version)
            .values(failures=failures, blocked_until=blocked, version=row.version + 1)).rowcount  # type: ignore[attr-defined]
        return True if won == 1 else None

    _cas(factory, step)


def forget(factory: sessionmaker[Session], key: str) -> None:
    with factory() as session:
        session.execute(delete(LoginThrottle).where(LoginThrottle.key == key))
        session.commit()


def _until(failures: int, rule: Rule, now: datetime) -> datetime | None:
    wait = wait_after(failures, rule)
    return now + timedelta(seconds=wait) if wait else None


def keys_for(username: str, address: str | None) -> tuple[str, str]:
    """The account key (the name as typed, folded: unknown names are throttled alike) and the address key."""
    account = ACCOUNT.prefix + username.strip().lower()
    return account[:MAX_KEY], (ADDRESS.prefix + (address or "?"))[:MAX_KEY]


def throttled_login(factory: sessionmaker[Session], session: Session, *, username: str, password: str,
                    address: str | None, now: datetime | None = None) -> User:
    """`authenticate`, unless the account or the address must wait: then TooManyAttempts."""
    now = now or datetime.now(UTC)
    account, where = keys_for(username, address)
    left = reserve(factory, where, ADDRESS, now)
    if left:
        raise TooManyAttempts(left)
    left = reserve(factory, account, ACCOUNT, now)
    if left:
        give_back(factory, where, ADDRESS, now)  # this try never reached the password check
        raise TooManyAttempts(left)
    user = authenticate(session, username=username, password=password)  # InputError when wrong
    forget(factory, account)
    give_back(factory, where, ADDRESS, now)
    return user
