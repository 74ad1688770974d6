"""Every ORM module, so Alembic and tests see the whole schema.

Imported by name (importlib) on purpose: `db` is the lowest storage layer and must not import the
domain folders statically (the import-linter layers contract); only metadata collection needs them.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

from nghiquyet.db.base import Base

MODEL_MODULES = (
    "nghiquyet.units.models",
    "nghiquyet.accounts.models",
    "nghiquyet.documents.models",
    "nghiquyet.plans.models",
    "nghiquyet.tracking.models",
    "nghiquyet.tracking.flags",
    "nghiquyet.tracking.stored_status",  # installs the hook that keeps each indicator's status stored
    "nghiquyet.audit.models",
    "nghiquyet.search.models",  # importing search also installs its index-keeping flush hook
    "nghiquyet.reminders.models",
    "nghiquyet.series.models",
    "nghiquyet.explanations.models",
    "nghiquyet.assistant.models",  # importing the assistant installs its stored-facts flush hook
)

# Tables that a database feature creates for itself (SQLite FTS5 shadow tables, search indexes
# built by raw DDL): autogenerate must neither drop nor create them.
FTS_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")


def load_models() -> MetaData:
    """Import every model module and return the complete metadata."""
    for name in MODEL_MODULES:
        importlib.import_module(name)
    return Base.metadata


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic filter: skip full-text-search tables and their shadow tables."""
    if type_ == "column" and name == "tsv":  # PostgreSQL's generated search vectors (migration 0006)
        return False
    if type_ in ("table", "index") and name is not None:
        if name.endswith(FTS_SUFFIXES) or name.startswith("sqlite_"):
            return False
        if name == "alembic_version":
            return False
    return True
