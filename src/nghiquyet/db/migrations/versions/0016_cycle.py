"""Issue 13: each document's territory (level, place, congress terms), so a series links one territory.

Revision ID: 0016
Revises: 0015

Documents imported before this step keep NULL (unknown: linked as before) until re-extracted; the
importer fills it from the whole text, which a migration does not have.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("territory", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("territory")
