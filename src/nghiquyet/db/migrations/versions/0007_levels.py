"""Issue 15 (levels): approval at two levels — the plan's setting and the lower level's approval.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Every existing plan keeps one level of approval (the office's), as before."""
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("approval_levels", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("updates") as batch:
        batch.add_column(sa.Column("approved_below_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("approved_below_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(op.f("fk_updates_approved_below_by_users"), "users", ["approved_below_by"],
                                 ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("updates") as batch:
        batch.drop_constraint(op.f("fk_updates_approved_below_by_users"), type_="foreignkey")
        batch.drop_column("approved_below_at")
        batch.drop_column("approved_below_by")
    with op.batch_alter_table("plans") as batch:
        batch.drop_column("approval_levels")
