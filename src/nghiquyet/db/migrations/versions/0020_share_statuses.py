"""Issue 15 (shares in the level tallies): each target share's judged status per period, kept on write.

Revision ID: 0020
Revises: 0019

The table starts empty, and the stored statuses' rules fingerprint changed with the code that fills
it, so the first tally after the upgrade judges everything again (shares included) and stores it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stored_share_statuses",
        sa.Column("share_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("judged_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["share_id"], ["target_shares.id"],
                                name=op.f("fk_stored_share_statuses_share_id_target_shares"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["targets.id"],
                                name=op.f("fk_stored_share_statuses_target_id_targets"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("share_id", "period", name=op.f("pk_stored_share_statuses")),
    )
    op.create_index("ix_stored_share_statuses_period", "stored_share_statuses", ["period", "judged_on"])
    op.create_index(op.f("ix_stored_share_statuses_target_id"), "stored_share_statuses", ["target_id"])
    # Judge everything again on the next tally: the shares' rows are made by the same rebuild.
    op.execute("DELETE FROM stored_status_rules")


def downgrade() -> None:
    op.drop_index(op.f("ix_stored_share_statuses_target_id"), table_name="stored_share_statuses")
    op.drop_index("ix_stored_share_statuses_period", table_name="stored_share_statuses")
    op.drop_table("stored_share_statuses")
