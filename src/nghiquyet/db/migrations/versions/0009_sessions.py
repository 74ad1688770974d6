"""Sessions (issue 11): a token version per user (logout revokes) and login throttling.

Revision ID: 0009
Revises: 0008

`users.token_version` starts at 0 for existing accounts, which is what a token without a version
claim counts as: tokens issued before the upgrade keep working until their owner logs out.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    # A plain ADD COLUMN on both databases: a batch copy of `users` on SQLite would drop the table
    # that other tables reference (and cascade) while foreign keys are on.
    op.add_column("users", sa.Column("token_version", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_attempt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("login_throttle")
    op.drop_column("users", "token_version")  # SQLite has DROP COLUMN since 3.35
