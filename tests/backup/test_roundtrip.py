"""`backup` then `restore` gives back every row of every table and every stored file, across kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from nghiquyet.config import Settings
from nghiquyet.db import make_session_factory, transaction
from nghiquyet.db.backup import backup
from nghiquyet.db.restore import restore
from nghiquyet.units.models import Unit
from tests.backup.conftest import EmptyDatabase, file_hashes, table_rows


def _roundtrip(source: Engine, source_files: Path, target: Engine, target_files: Path, archive: Path) -> None:
    summary = backup(source, source_files, archive)
    assert not summary.missing
    restored = restore(target, target_files, archive)
    assert restored.rows == summary.rows
    assert table_rows(target) == table_rows(source)
    assert file_hashes(target_files) == file_hashes(source_files)


def test_sqlite_demo_round_trips_every_table_and_file(demo_source: tuple[Engine, Settings],
                                                      empty_database: EmptyDatabase, tmp_path: Path) -> None:
    engine, settings = demo_source
    rows = table_rows(engine)
    # The demo fills the tables that matter; a round trip of empty tables would prove nothing.
    assert all(rows[name] for name in ("units", "users", "documents", "plans", "targets", "updates",
                                       "evidence", "audit_events", "search_entries"))
    assert any(p.startswith("evidence/") for p in file_hashes(settings.files_dir))
    target, files = empty_database("sqlite")
    _roundtrip(engine, settings.files_dir, target, files, tmp_path / "demo.zip")


@pytest.mark.postgres
def test_demo_round_trips_sqlite_to_postgres_and_back(demo_source: tuple[Engine, Settings],
                                                      empty_database: EmptyDatabase, tmp_path: Path) -> None:
    engine, settings = demo_source
    pg, pg_files = empty_database("postgres")
    _roundtrip(engine, settings.files_dir, pg, pg_files, tmp_path / "from-sqlite.zip")
    # PostgreSQL's own export (REPEATABLE READ snapshot) into PostgreSQL and into SQLite.
    pg2, pg2_files = empty_database("postgres")
    _roundtrip(pg, pg_files, pg2, pg2_files, tmp_path / "from-postgres.zip")
    lite, lite_files = empty_database("sqlite")
    restore(lite, lite_files, tmp_path / "from-postgres.zip")
    assert table_rows(lite) == table_rows(engine)
    assert file_hashes(lite_files) == file_hashes(settings.files_dir)


@pytest.mark.postgres
def test_postgres_sequences_continue_after_restore(demo_source: tuple[Engine, Settings],
                                                   empty_database: EmptyDatabase, tmp_path: Path) -> None:
    engine, settings = demo_source
    backup(engine, settings.files_dir, tmp_path / "demo.zip")
    pg, pg_files = empty_database("postgres")
    restore(pg, pg_files, tmp_path / "demo.zip")
    highest = max(row[0] for row in table_rows(pg)["units"])
    with transaction(make_session_factory(pg)) as session:
        unit = Unit(name="Đơn vị thêm sau khôi phục", code="sau-khoi-phuc", path="")
        session.add(unit)
        session.flush()
        assert unit.id > highest
    with make_session_factory(pg)() as session:
        assert session.scalars(select(Unit).where(Unit.code == "sau-khoi-phuc")).one().id > highest
