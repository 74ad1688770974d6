"""Upgrading a filled database loses no row: each migration since the last release runs on a copy of
real data, with foreign keys on as the app has them.

On SQLite a batch ALTER copies the table and drops the old one, and the drop fires the ON DELETE
actions of every row that refers to it (CASCADE empties the children): this test is what catches it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.orm import Session
from tests.factories import make_plan_from_seed, make_unit, make_user

from nghiquyet.config import Settings
from nghiquyet.db import include_object, load_models, make_engine, make_session_factory
from nghiquyet.db.migrate import alembic_config, migrate
from nghiquyet.tracking.assignments import assign
from nghiquyet.tracking.updates import approve_update, create_update, submit_update

FROM_REVISION = "0014"  # the schema main shipped before this round of migrations


def _filled_head_database(path: Path, settings: Settings) -> None:
    url = f"sqlite:///{path}"
    migrate(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        _fill(s, settings)
        s.commit()
    engine.dispose()


def _fill(s: Session, settings: Settings) -> None:
    unit = make_unit(s, name="Sở Tài chính")
    office = make_user(s, role="office")
    reporter = make_user(s, role="unit", unit=unit)
    plan = make_plan_from_seed(s, actor=office, settings=settings, seed="002")
    indicator = next(i for i in plan.indicators if i.targets and i.targets[0].value is not None)
    assign(s, item_type="indicator", item_id=indicator.id, unit_id=unit.id, actor=office)
    update = create_update(s, actor=reporter, period="2026-Q1", target_id=indicator.targets[0].id,
                           value=indicator.targets[0].value, unit_id=unit.id)
    submit_update(s, update_id=update.id, actor=reporter)
    approve_update(s, update_id=update.id, actor=office)


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as c:
        tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
                if t != "alembic_version" and not t.startswith("sqlite_")}


def _copy_into_older_schema(head: Path, old: Path) -> None:
    """The head database's rows in a database at FROM_REVISION: the columns both schemas have."""
    with sqlite3.connect(old) as c:
        c.execute("PRAGMA foreign_keys=OFF")
        c.execute("ATTACH DATABASE ? AS head", (str(head),))
        tables = [r[0] for r in c.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table == "alembic_version" or table.startswith("sqlite_"):
                continue
            mine = {r[1] for r in c.execute(f'PRAGMA main.table_info("{table}")')}
            theirs = {r[1] for r in c.execute(f'PRAGMA head.table_info("{table}")')}
            cols = ", ".join(f'"{col}"' for col in sorted(mine & theirs))
            c.execute(f'DELETE FROM main."{table}"')
            c.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM head."{table}"')
        c.commit()
        c.execute("DETACH DATABASE head")


def test_upgrading_a_filled_sqlite_database_keeps_every_row(tmp_path: Path) -> None:
    head, old = tmp_path / "head.db", tmp_path / "old.db"
    settings = Settings(data_dir=tmp_path / "data", database_url=f"sqlite:///{head}",
                        secret_key="khoa-thu-nghiem-du-dai-cho-hs256-tests-0123")
    _filled_head_database(head, settings)
    migrate(f"sqlite:///{old}", FROM_REVISION)
    _copy_into_older_schema(head, old)
    before = _counts(old)
    assert before["indicators"] > 0 and before["targets"] > 0 and before["updates"] == 1
    assert before["audit_events"] > 0

    migrate(f"sqlite:///{old}")

    after = _counts(old)
    assert {t: after[t] for t in before} == before


def test_a_database_that_ran_the_empty_placeholders_gets_their_schema(tmp_path: Path) -> None:
    """0015–0018 were once empty steps on main: a database stamped 0018 then must still reach the
    models' schema, with its rows."""
    url = f"sqlite:///{tmp_path / 'placeholders.db'}"
    migrate(url, FROM_REVISION)
    engine = make_engine(url)
    try:
        command.stamp(alembic_config(engine), "0018")  # what the empty steps left: the number, no schema
        migrate(engine)
        with engine.connect() as conn:
            opts = {"include_object": include_object, "compare_type": True}
            ctx = MigrationContext.configure(conn, opts=opts)
            assert compare_metadata(ctx, load_models()) == []
    finally:
        engine.dispose()
