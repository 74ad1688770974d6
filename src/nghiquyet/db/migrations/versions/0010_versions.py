"""Row versions for ETag and If-Match (issue 11): `row_version` on every editable table.

Revision ID: 0010
Revises: 0009

Existing rows start at version 1; the ORM bumps it on every UPDATE (`nghiquyet.db.versions`).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("units", "plans", "indicators", "targets", "tasks", "assignments", "updates")


def upgrade() -> None:
    """Upgrade schema."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("row_version")
