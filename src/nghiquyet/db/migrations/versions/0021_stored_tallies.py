"""Issue 15 (tallies at national scale): per unit, plan, period and status, how many indicators.

Revision ID: 0021
Revises: 0020

The table starts empty, and the stored statuses' rules fingerprint changed with the code that fills
it, so the first tally after the upgrade judges everything again and counts it here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_tallies",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_stored_tallies_unit_id_units"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_stored_tallies_plan_id_plans"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id", "period", "plan_id", "status", name=op.f("pk_stored_tallies")),
    )
    op.create_index("ix_stored_tallies_plan", "stored_tallies", ["plan_id"])
    # Judge everything again on the next tally: the counts are made by the same rebuild.
    op.execute("DELETE FROM stored_status_rules")


def downgrade() -> None:
    op.drop_index("ix_stored_tallies_plan", table_name="stored_tallies")
    op.drop_table("stored_tallies")
