"""Issue 15 (tallies at national scale): each indicator's judged status per period, kept on write.

Revision ID: 0014
Revises: 0013

Both tables start empty, so a restore still finds an empty database: the first tally after the
upgrade finds no rules row, judges every indicator once (`tracking.stored_status.ensure_current`)
and stores the result with the rules' version.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_statuses",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("judged_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"],
                                name=op.f("fk_stored_statuses_indicator_id_indicators"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_stored_statuses_plan_id_plans"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("indicator_id", "period", name=op.f("pk_stored_statuses")),
    )
    op.create_index("ix_stored_statuses_period", "stored_statuses", ["period", "judged_on"])
    op.create_index(op.f("ix_stored_statuses_plan_id"), "stored_statuses", ["plan_id"])
    op.create_table(
        "stored_status_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_status_rules")),
    )


def downgrade() -> None:
    op.drop_table("stored_status_rules")
    op.drop_index(op.f("ix_stored_statuses_plan_id"), table_name="stored_statuses")
    op.drop_index("ix_stored_statuses_period", table_name="stored_statuses")
    op.drop_table("stored_statuses")
