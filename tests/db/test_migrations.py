"""The ORM models and the Alembic migrations describe the same schema, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from nghiquyet.db import include_object, load_models, make_engine, migrate
from nghiquyet.db.migrate import alembic_config, shipped_heads


def test_models_and_migrations_agree(db_engine: Engine) -> None:
    with db_engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        diffs = compare_metadata(ctx, load_models())
    assert diffs == []


def test_migrate_twice_is_a_no_op(db_engine: Engine) -> None:
    migrate(db_engine)
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert "updates" in inspect(db_engine).get_table_names()


def test_sqlite_pragmas(db_engine: Engine) -> None:
    if db_engine.dialect.name != "sqlite":
        return
    with db_engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"


def test_downgrade_to_base_and_up_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roundtrip.db'}"
    migrate(url)
    engine = make_engine(url)
    try:
        command.downgrade(alembic_config(engine), "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate(engine)
        assert "audit_events" in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_url_with_percent_escapes_migrates(tmp_path: Path) -> None:
    # ConfigParser would read "%" as interpolation; URL-encoded passwords and options contain it.
    folder = tmp_path / "a%20b"
    url = f"sqlite:///{folder / 'x.db'}"
    migrate(url)  # used to raise "invalid interpolation syntax"
    assert list(tmp_path.rglob("x.db"))  # SQLAlchemy decodes %20 in the path: the file is in "a b/"


def test_the_shipped_head_read_from_the_files_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    assert shipped_heads() == set(ScriptDirectory.from_config(alembic_config(make_engine("sqlite://"))).get_heads())


def test_a_database_behind_the_head_is_still_upgraded(tmp_path: Path) -> None:
    """The quick check skips Alembic only at the head: one revision behind, `migrate` runs the step."""
    url = f"sqlite:///{tmp_path / 'behind.db'}"
    migrate(url)
    engine = make_engine(url)
    try:
        command.downgrade(alembic_config(engine), "-1")
        with engine.connect() as conn:
            behind = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        migrate(engine)
        with engine.connect() as conn:
            now = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert behind not in shipped_heads() and {now} == shipped_heads()
    finally:
        engine.dispose()
