"""The cycle's use cases in one place: refresh the proposals, then list and decide (see the modules)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.series import directives, proposals
from nghiquyet.series.links import propose_links
from nghiquyet.units.permissions import Actor


def refresh(session: Session, *, actor: Actor | None = None) -> None:
    """Propose what is new since the last look: links between plans, updates from reported results.

    Directives of conclusion notices become proposed tasks too.
    Idempotent (unique keys, rejected links remembered), so every listing may run it: a document
    imported or a plan confirmed since then shows up as proposals without a separate step.
    """
    propose_links(session, actor=actor)
    proposals.scan(session)
    directives.scan(session)
