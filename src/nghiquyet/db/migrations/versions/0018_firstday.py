"""Issue 10/11, first day: an administrator's password reset makes the user choose a new one.

Revision ID: 0018
Revises: 0017

`users.must_change_password`: set by the reset (accounts.service.reset_password), cleared when the
user changes their own password; while set, every page leads to the password form.
`figure_flags`: a reported figure someone doubts ("nghi sai số liệu"), with the reason, open until the
office resolves it (tracking/flags.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_must_change_password()
    create_figure_flags()


def add_must_change_password() -> None:
    # A plain ADD COLUMN, never a batch copy: on SQLite a batch rebuilds `users`, and dropping the old
    # table fires the ON DELETE actions of every row that refers to it (the audit trail lost its actors).
    op.add_column("users", sa.Column("must_change_password", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))


def create_figure_flags() -> None:
    op.create_table(
        "figure_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raised_by", sa.Integer(), nullable=True),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["update_id"], ["updates.id"], name=op.f("fk_figure_flags_update_id_updates"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["targets.id"], name=op.f("fk_figure_flags_target_id_targets"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["raised_by"], ["users.id"], name=op.f("fk_figure_flags_raised_by_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["resolved_by"], ["users.id"], name=op.f("fk_figure_flags_resolved_by_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure_flags")),
    )
    op.create_index(op.f("ix_figure_flags_update_id"), "figure_flags", ["update_id"])
    op.create_index(op.f("ix_figure_flags_target_id"), "figure_flags", ["target_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_figure_flags_target_id"), table_name="figure_flags")
    op.drop_index(op.f("ix_figure_flags_update_id"), table_name="figure_flags")
    op.drop_table("figure_flags")
    op.drop_column("users", "must_change_password")  # SQLite ≥ 3.35 drops a column in place
