"""Reserved for issue 15 (levels): per-level approval, stored statuses.

Revision ID: 0007
Revises: 0006

Created empty so that work on several issues at once keeps one linear chain; the owner of the
issue fills it in (or leaves it empty: an empty step is harmless).
"""

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""


def downgrade() -> None:
    """Downgrade schema."""
