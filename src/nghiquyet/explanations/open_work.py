"""What is still waiting on the follow-up side, as one person may see it: open blockers and open
explanation requests (the dashboard's "Giải trình, vướng mắc" card)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from nghiquyet.explanations.blockers import list_blockers
from nghiquyet.explanations.models import ExplanationRequest
from nghiquyet.explanations.service import open_requests
from nghiquyet.units.permissions import Actor, readable_unit_ids


@dataclass(frozen=True)
class OpenFollowup:
    blockers: int
    requests: list[ExplanationRequest]  # soonest due first
    today: dt.date

    @property
    def overdue_requests(self) -> int:
        return sum(1 for r in self.requests if r.due < self.today)

    def __bool__(self) -> bool:
        return bool(self.blockers or self.requests)


def open_followup(session: Session, *, actor: Actor, today: dt.date) -> OpenFollowup:
    """Blockers the actor may read that are still open, and requests not answered yet (a unit: its own
    tree's; the office, leaders and inspectors: every unit's)."""
    allowed = readable_unit_ids(session, actor)
    requests = [r for r in open_requests(session) if allowed is None or r.unit_id in allowed]
    blockers = list_blockers(session, actor=actor, state="open")
    return OpenFollowup(blockers=len(blockers), requests=requests, today=today)
