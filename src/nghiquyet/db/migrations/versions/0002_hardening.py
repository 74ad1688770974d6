"""Reserved for issue 11 (hardening): one report per (target, unit, period), row and token versions.

Revision ID: 0002
Revises: 0001

Created empty so that work on several issues at once keeps one linear chain; the owner of the
issue fills it in (or leaves it empty: an empty step is harmless).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_KEYS = (("target_id", "unit_id", "period", "version"), ("task_id", "unit_id", "period", "version"))


def _name(columns: tuple[str, ...]) -> str:
    return "uq_updates_" + "_".join(columns)


def upgrade() -> None:
    """One report per (item, unit, period, version): parallel POSTs used to store duplicates."""
    bind = op.get_bind()
    for columns in _KEYS:
        cols = ", ".join(columns)
        twins = bind.execute(sa.text(
            f"SELECT {cols}, COUNT(*) FROM updates WHERE {columns[0]} IS NOT NULL "
            f"GROUP BY {cols} HAVING COUNT(*) > 1")).fetchall()
        if twins:
            # Never drop a unit's figures silently: the office decides which duplicate stays.
            raise RuntimeError(f"Bảng updates có {len(twins)} nhóm báo cáo trùng ({cols}), ví dụ {twins[0]}: "
                               "hãy xóa bản thừa rồi nâng cấp lại.")
    with op.batch_alter_table("updates") as batch:
        for columns in _KEYS:
            batch.create_unique_constraint(op.f(_name(columns)), list(columns))


def downgrade() -> None:
    with op.batch_alter_table("updates") as batch:
        for columns in _KEYS:
            batch.drop_constraint(op.f(_name(columns)), type_="unique")
