"""A demo database with an evidence file, built once, and fresh empty databases of either kind."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.db import load_models, make_engine, make_session_factory, migrate, transaction
from nghiquyet.demo import build_demo
from nghiquyet.tracking.evidence import attach_evidence
from nghiquyet.tracking.models import Update
from tests.conftest import POSTGRES_ENV, SKIP_POSTGRES, _create_postgres_schema, _drop_postgres_schema

EVIDENCE = "Biên bản kiểm tra — minh chứng số liệu quý I.\n".encode() * 40


def table_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, read through the models' types, in primary-key order."""
    rows = {}
    with engine.connect() as conn:
        for table in load_models().sorted_tables:
            rows[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key))]
    return rows


def file_hashes(files_dir: Path) -> dict[str, str]:
    return {p.relative_to(files_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(files_dir.rglob("*")) if p.is_file()}


def _attach_one_evidence(session: Session, settings: Settings) -> None:
    draft = session.scalars(select(Update).where(Update.state != "approved").order_by(Update.id)).first()
    assert draft is not None
    reporter = session.scalars(select(User).where(User.unit_id == draft.unit_id, User.role == "unit")).first()
    assert reporter is not None
    attach_evidence(session, update_id=draft.id, filename="bien-ban.txt", data=EVIDENCE, actor=reporter,
                    settings=settings)


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Settings]]:
    """The demo on SQLite plus one evidence file: every table and both kinds of stored file hold data."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("demo-source"))
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    factory = make_session_factory(engine)
    build_demo(factory, settings)
    with transaction(factory) as session:
        _attach_one_evidence(session, settings)
    yield engine, settings
    engine.dispose()


EmptyDatabase = Callable[[str], tuple[Engine, Path]]


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[EmptyDatabase]:
    """Make an empty, unmigrated database of kind "sqlite" or "postgres" and a files folder for it."""
    made: list[tuple[Engine, str | None]] = []
    base = os.environ.get(POSTGRES_ENV)

    def make(kind: str) -> tuple[Engine, Path]:
        folder = tmp_path / f"target-{len(made)}"
        schema = None
        if kind == "sqlite":
            url = f"sqlite:///{folder / 'nghiquyet.db'}"
        else:
            if not base:
                pytest.skip(SKIP_POSTGRES)
            url, schema = _create_postgres_schema(base, f"backup{len(made)}")
        engine = make_engine(url)
        made.append((engine, schema))
        return engine, folder / "files"

    yield make
    for engine, schema in made:
        engine.dispose()
        if schema and base:
            _drop_postgres_schema(base, schema)
