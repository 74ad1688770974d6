"""API fixtures: the app on the test database (SQLite; PostgreSQL when configured), users, logins."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import hash_password
from nghiquyet.accounts.signing_key import with_signing_key
from nghiquyet.config import Settings
from nghiquyet.db import make_session_factory
from nghiquyet.units.models import Unit
from nghiquyet.web.app import create_app

from .world import World, build_world, empty_database

# Hashing with argon2's defaults takes ~50 ms; tests create many users, so they share one hash.
PASSWORD = "matkhau123"
_HASH: list[str] = []


def password_hash() -> str:
    if not _HASH:
        _HASH.append(hash_password(PASSWORD))
    return _HASH[0]


@pytest.fixture
def app(settings: Settings, session_factory: sessionmaker[Session]) -> Iterator[FastAPI]:
    """The app on the test database; `session_factory` empties the tables afterwards."""
    application = create_app(settings)
    yield application
    application.state.engine.dispose()
    _detach_units(session_factory)


def _detach_units(factory: sessionmaker[Session]) -> None:
    # units.parent_id is ON DELETE RESTRICT, which SQLite checks row by row: the shared fixture's
    # "DELETE FROM units" would fail on a tree, so flatten it before the tables are emptied.
    with factory() as session:
        session.execute(update(Unit).values(parent_id=None))
        session.commit()


@pytest.fixture
def api_client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


MakeUser = Callable[..., User]


@pytest.fixture
def make_user(session_factory: sessionmaker[Session]) -> MakeUser:
    """Store a user (committed) with the shared test password."""

    def make(username: str, role: str, unit_id: int | None = None) -> User:
        with session_factory() as session:
            user = User(username=username, password_hash=password_hash(), role=role, unit_id=unit_id)
            session.add(user)
            session.commit()
            return user

    return make


@pytest.fixture
def make_unit(session_factory: sessionmaker[Session]) -> Callable[[str], Unit]:
    def make(name: str) -> Unit:
        with session_factory() as session:
            unit = Unit(name=name)
            session.add(unit)
            session.commit()
            return unit

    return make


def login(client: TestClient, username: str, password: str = PASSWORD) -> dict[str, str]:
    """Bearer headers for `username`; the cookie the login sets is cleared so only the header counts."""
    response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    client.cookies.clear()
    return {"Authorization": f"Bearer {response.json()['token']}"}


@pytest.fixture(scope="module")
def shared_world(db_engine: Engine, tmp_path_factory: pytest.TempPathFactory,
                 db_url: str) -> Iterator[tuple[World, TestClient]]:
    """One world and client for a whole module (built once per database) for tests that only read,
    or that each use objects of their own; emptied at the end as the shared fixture would."""
    settings = with_signing_key(Settings(data_dir=tmp_path_factory.mktemp("world"), database_url=db_url))
    empty_database(db_engine)
    world = build_world(make_session_factory(db_engine), settings)
    application = create_app(settings)
    with TestClient(application) as client:
        yield world, client
    application.state.engine.dispose()
    empty_database(db_engine)
