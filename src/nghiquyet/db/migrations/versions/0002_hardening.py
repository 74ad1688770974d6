"""Reserved for issue 11 (hardening): one report per (target, unit, period), row and token versions.

Revision ID: 0002
Revises: 0001

Created empty so that work on several issues at once keeps one linear chain; the owner of the
issue fills it in (or leaves it empty: an empty step is harmless).
"""

from collections.abc import Sequence

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""


def downgrade() -> None:
    """Downgrade schema."""
