"""0009 upgrades a database in use: accounts keep their rows and their tokens, on both databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session
from tests.conftest import (
    DB_BACKENDS,
    POSTGRES_ENV,
    SKIP_POSTGRES,
    _create_postgres_schema,
    _drop_postgres_schema,
)

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import TokenError, _signing_key, revoke_tokens, user_from_token
from nghiquyet.config import Settings
from nghiquyet.db import make_engine, migrate
from nghiquyet.db.migrate import alembic_config

KEY = "khoa-thu-nghiem-du-dai-cho-hs256-tests-0123"


@pytest.fixture(params=DB_BACKENDS)
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each kind, of its own (not the session's migrated one)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(SKIP_POSTGRES)
    url, name = _create_postgres_schema(base, f"mig{uuid.uuid4().hex[:6]}")
    try:
        yield url
    finally:
        _drop_postgres_schema(base, name)


def _legacy_token(user_id: int, settings: Settings) -> str:
    """A token as issued before 0009: no "ver" claim."""
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "role": "office", "iat": int(now.timestamp()),
              "exp": int((now + timedelta(hours=1)).timestamp())}
    return jwt.encode(claims, _signing_key(settings), algorithm="HS256")


def test_upgrading_a_database_in_use_keeps_accounts_and_their_tokens(fresh_url: str, tmp_path: Path) -> None:
    engine = make_engine(fresh_url)
    try:
        command.upgrade(alembic_config(engine), "0008")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO users (id, username, password_hash, full_name, role, active, "
                              "created_at) VALUES (7, 'vanphong', '!', 'Văn phòng', 'office', :t, :now)"),
                         {"t": True, "now": datetime.now(UTC)})
            conn.execute(text("INSERT INTO audit_events (actor_id, action, object_type, object_id, at) "
                              "VALUES (7, 'user.create', 'user', 7, :now)"), {"now": datetime.now(UTC)})
        migrate(engine)  # to head, through 0009
        assert "login_throttle" in inspect(engine).get_table_names()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT token_version FROM users WHERE id = 7")).scalar_one() == 0
            kept = conn.execute(text("SELECT count(*) FROM audit_events WHERE actor_id = 7")).scalar_one()
            assert kept == 1
        settings = Settings(data_dir=tmp_path, database_url=fresh_url, secret_key=KEY)
        token = _legacy_token(7, settings)
        with Session(engine) as session:
            assert user_from_token(session, token=token, settings=settings).username == "vanphong"
            user = session.get(User, 7)
            assert user is not None
            revoke_tokens(user)  # logout: the old token, like any other, stops
            session.commit()
            with pytest.raises(TokenError):
                user_from_token(session, token=token, settings=settings)
    finally:
        engine.dispose()
