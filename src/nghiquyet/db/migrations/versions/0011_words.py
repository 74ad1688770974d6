"""Plans named by their document's file name get the neutral "Văn bản chưa có tiêu đề" (issue 10 point 4).

Revision ID: 0011
Revises: 0010

Before this, a document whose extraction found no title made a plan titled with its file name
("h04_nq-57-tw-2024-khcn-dmst-cds.docx"), which then reached the dashboard and official reports.
Pages and reports now name a plan by type, number, issuer and title; such a stored title is reset,
so the name falls back to what is known ("Nghị quyết số 57-NQ/TW", "Nghị quyết của Tỉnh ủy").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNTITLED = "Văn bản chưa có tiêu đề"  # nghiquyet.documents.naming.UNTITLED, frozen as of this step


def upgrade() -> None:
    plans = sa.table("plans", sa.column("title", sa.Text), sa.column("document_id", sa.Integer))
    documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("filename", sa.String))
    named_by_file = (sa.select(documents.c.id).where(documents.c.id == plans.c.document_id)
                     .where(documents.c.filename == plans.c.title).exists())
    op.execute(plans.update().where(named_by_file).values(title=UNTITLED))


def downgrade() -> None:
    """The file names are not restored: they were never meant as titles."""
