"""Reserved for issues 10 and 11 (first-day frictions and hardening: what is left).

Revision ID: 0018
Revises: 0017

Created empty so that work on several issues at once keeps one linear chain; the owner of the
issue fills it in (or leaves it empty: an empty step is harmless).
"""

from collections.abc import Sequence

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""


def downgrade() -> None:
    """Downgrade schema."""
