"""What 0015–0018 make, for a database that ran them while they were empty placeholders.

Revision ID: 0019
Revises: 0018

Between two work sessions main carried 0015–0018 as empty steps (reserved so that parallel work kept one
linear chain); a database migrated then is stamped 0018 without their tables and columns, and 0018 was
later extended (figure_flags). Each piece is made here only where it is missing, by the step's own code,
so a fresh database and one that ran the filled steps change nothing.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _step(filename: str) -> ModuleType:
    """An earlier migration's module (their file names start with digits: no plain import)."""
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"_nq_migration_{filename[:4]}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    tables = set(inspector.get_table_names())

    def columns(table: str) -> set[str]:
        return {c["name"] for c in inspector.get_columns(table)}

    if "target_shares" not in tables:
        _step("0015_levels.py").upgrade()
    if "territory" not in columns("documents"):
        _step("0016_cycle.py").upgrade()
    firstday = _step("0018_firstday.py")
    if "must_change_password" not in columns("users"):
        firstday.add_must_change_password()
    if "figure_flags" not in tables:
        firstday.create_figure_flags()


def downgrade() -> None:
    """Nothing to undo: what this step made belongs to 0015–0018, whose downgrades remove it."""
