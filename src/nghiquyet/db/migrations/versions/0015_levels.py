"""Issue 15 point 1 (a plan broken down to the units below): targets' shares per unit, plans' parent plan.

Revision ID: 0015
Revises: 0014

`target_shares` holds the value each unit below must reach of a target; `plans.parent_plan_id` links a
district's or commune's plan to the plan of the level above it. Both start empty, so every existing
target keeps its figures and every plan stands alone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "target_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["target_id"], ["targets.id"],
                                name=op.f("fk_target_shares_target_id_targets"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_target_shares_plan_id_plans"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_target_shares_unit_id_units"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_target_shares_created_by_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_shares")),
        sa.UniqueConstraint("target_id", "unit_id", name=op.f("uq_target_shares_target_id_unit_id")),
    )
    op.create_index(op.f("ix_target_shares_plan_id"), "target_shares", ["plan_id"])
    op.create_index(op.f("ix_target_shares_unit_id"), "target_shares", ["unit_id"])
    with op.batch_alter_table("plans") as batch:
        batch.add_column(sa.Column("parent_plan_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_plans_parent_plan_id_plans"), "plans", ["parent_plan_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index(op.f("ix_plans_parent_plan_id"), ["parent_plan_id"])


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch:
        batch.drop_index(op.f("ix_plans_parent_plan_id"))
        batch.drop_constraint(op.f("fk_plans_parent_plan_id_plans"), type_="foreignkey")
        batch.drop_column("parent_plan_id")
    op.drop_index(op.f("ix_target_shares_unit_id"), table_name="target_shares")
    op.drop_index(op.f("ix_target_shares_plan_id"), table_name="target_shares")
    op.drop_table("target_shares")
