"""Issue 10/11, first day: an administrator's password reset makes the user choose a new one.

Revision ID: 0018
Revises: 0017

`users.must_change_password`: set by the reset (accounts.service.reset_password), cleared when the
user changes their own password; while set, every page leads to the password form.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN, never a batch copy: on SQLite a batch rebuilds `users`, and dropping the old
    # table fires the ON DELETE actions of every row that refers to it (the audit trail lost its actors).
    op.add_column("users", sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("users", "must_change_password")  # SQLite ≥ 3.35 drops a column in place
