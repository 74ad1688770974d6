"""Reserved for issue 14 (đôn đốc): reporting calendar, reminders, notifications, explanations, blockers.

Revision ID: 0005
Revises: 0004

Created empty so that work on several issues at once keeps one linear chain; the owner of the
issue fills it in (or leaves it empty: an empty step is harmless).
"""

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""


def downgrade() -> None:
    """Downgrade schema."""
