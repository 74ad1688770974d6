"""The login count lives in the database: workers racing on one key never take more tries than
allowed (SQLite and PostgreSQL), and the wait doubles."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from threading import Barrier

from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.throttle import ACCOUNT, ADDRESS, MAX_WAIT_S, give_back, reserve, wait_after


def test_the_wait_doubles_after_the_free_tries_and_is_capped() -> None:
    waits = [wait_after(n, ACCOUNT) for n in range(1, 12)]
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64]
    assert wait_after(10_000, ACCOUNT) == MAX_WAIT_S
    assert wait_after(ADDRESS.free_tries - 1, ADDRESS) == 0


def test_thirty_racing_attempts_get_exactly_the_free_tries(session_factory: sessionmaker[Session]) -> None:
    now = datetime.now(UTC)
    start = Barrier(30)

    def attempt(_: int) -> int:
        start.wait()  # all at once, as 30 requests to several workers would arrive
        return reserve(session_factory, "tk:dua", ACCOUNT, now)

    with ThreadPoolExecutor(30) as pool:
        waits = list(pool.map(attempt, range(30)))
    assert waits.count(0) == ACCOUNT.free_tries
    assert all(w >= 1 for w in waits if w)


def test_a_blocked_key_opens_when_its_wait_is_over(session_factory: sessionmaker[Session]) -> None:
    now = datetime.now(UTC)
    for _ in range(ACCOUNT.free_tries):
        assert reserve(session_factory, "tk:cho", ACCOUNT, now) == 0
    assert reserve(session_factory, "tk:cho", ACCOUNT, now) == 1
    later = now + timedelta(seconds=1)
    assert reserve(session_factory, "tk:cho", ACCOUNT, later) == 0  # the 6th try, then 2 s
    assert reserve(session_factory, "tk:cho", ACCOUNT, later) == 2
    # Half an hour of quiet: it starts again from zero.
    assert reserve(session_factory, "tk:cho", ACCOUNT, later + timedelta(minutes=31)) == 0


def test_giving_back_a_try_lifts_the_block_it_caused(session_factory: sessionmaker[Session]) -> None:
    now = datetime.now(UTC)
    for _ in range(ADDRESS.free_tries):
        assert reserve(session_factory, "ip:10.0.0.1", ADDRESS, now) == 0
    assert reserve(session_factory, "ip:10.0.0.1", ADDRESS, now) == 1
    give_back(session_factory, "ip:10.0.0.1", ADDRESS, now)  # the last try was a correct password
    assert reserve(session_factory, "ip:10.0.0.1", ADDRESS, now) == 0
