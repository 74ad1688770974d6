"""Alembic environment: uses the engine handed over by `nghiquyet.db.migrate` or the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from nghiquyet.db.engine import make_engine
from nghiquyet.db.registry import include_object, load_models

config = context.config
target_metadata = load_models()


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, include_object=include_object, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    owned = not isinstance(engine, Engine)
    if owned:
        engine = make_engine(str(config.get_main_option("sqlalchemy.url")))
    assert isinstance(engine, Engine)
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # A batch step copies a table and drops the old one. With foreign keys on, SQLite
                # cannot drop a table its rows' children point at ("database table is locked"), and
                # where it can, the drop fires their ON DELETE CASCADE: a filled database would fail
                # to upgrade or lose rows (tests/db/test_upgrade_keeps_rows.py). The pragma only takes
                # effect outside a transaction, so it is set before the migrations' one begins, and
                # the keys are checked once every step has run.
                connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                connection.commit()  # end SQLAlchemy's autobegun block: alembic's own must be the outer one
            # render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead.
            context.configure(connection=connection, target_metadata=target_metadata,
                              include_object=include_object, render_as_batch=True, compare_type=True)
            try:
                with context.begin_transaction():
                    context.run_migrations()
                    if sqlite:
                        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if broken:
                            raise RuntimeError(f"migration left rows that point nowhere: {broken[:5]}")
            finally:
                if sqlite:
                    connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    connection.commit()
    finally:
        if owned:
            engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
