"""The cycle's use cases in one place: propose what a new document or plan brings, then list and decide.

Proposals are made when something is written (a document imported, a plan confirmed), never when a
page or a listing is read: a GET changes nothing, and a listing shows what the last write proposed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from nghiquyet.series import directives, proposals
from nghiquyet.series.links import propose_links
from nghiquyet.units.permissions import Actor


def refresh(session: Session, *, actor: Actor | None = None, plan_ids: Iterable[int] | None = None) -> None:
    """Propose what is new: links between plans, updates from reported results, tasks from directives.

    Idempotent (unique keys, rejected links remembered); called by every import and confirmation
    (web, API, command line, demo) in the same transaction as the write that made it necessary.
    `plan_ids`: the plans that write made; the linker then compares only their targets' blocks
    (None: every plan, as after a bulk load).
    """
    propose_links(session, actor=actor, plan_ids=plan_ids)
    proposals.scan(session)
    directives.scan(session)
