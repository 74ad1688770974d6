"""Series (one metric across plans and years), proposed updates from reported results, directives
proposed as tasks, and documents' judgements read back against the tally.

Listings only read: proposals are made when a document is imported or a plan confirmed
(series/service.py), never by a GET.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter
from sqlalchemy.orm import Session

from nghiquyet.series import directives, links, proposals
from nghiquyet.series.judgement import judgement_checks
from nghiquyet.series.links import get_series, list_series
from nghiquyet.series.models import Proposal, Series
from nghiquyet.series.schemas import (
    DirectiveAccept,
    DirectiveRead,
    JudgementRead,
    ProposalAccept,
    ProposalRead,
    SeriesDecision,
    SeriesLink,
    SeriesRead,
    SeriesWarningRead,
)
from nghiquyet.series.view import series_view
from nghiquyet.tracking.schemas import ApiWarning
from nghiquyet.units.permissions import require_reader
from nghiquyet.web.api.params import PathId, QueryId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(tags=["series"])


def _read(session: Session, series: Series) -> SeriesRead:
    return SeriesRead.model_validate(series_view(session, series).to_dict())


def _proposal(session: Session, proposal: Proposal) -> ProposalRead:
    return ProposalRead.model_validate(proposals.proposal_dict(session, proposal))


@router.get("/series")
def series_index(session: DbSession, user: CurrentUser, plan_id: QueryId = None,
                 indicator_id: QueryId = None) -> list[SeriesRead]:
    """Every series (proposed links included, `confirmed` false), of a plan or indicator when given."""
    return [_read(session, s) for s in list_series(session, actor=user, plan_id=plan_id,
                                                    indicator_id=indicator_id)]


@router.get("/series/{series_id}")
def series_show(series_id: PathId, session: DbSession, user: CurrentUser) -> SeriesRead:
    require_reader(user)
    return _read(session, get_series(session, series_id=series_id))


@router.get("/series/{series_id}/warnings")
def series_warnings(series_id: PathId, session: DbSession, user: CurrentUser) -> list[SeriesWarningRead]:
    """Consistency checks across the linked plans, each with its rule and both source lines."""
    require_reader(user)
    view = series_view(session, get_series(session, series_id=series_id))
    return [SeriesWarningRead(rule=w.rule, message=w.message, sources=list(w.sources)) for w in view.warnings]


@router.post("/series")
def series_link(body: SeriesLink, session: DbSession, user: CurrentUser) -> SeriesRead:
    """Link indicators by hand (a new confirmed series, or into `series_id`)."""
    return _read(session, links.link_by_hand(session, indicator_ids=body.indicator_ids,
                                             series_id=body.series_id, actor=user))


def _decision(action: Literal["confirm", "reject"]) -> None:
    def decide(series_id: PathId, session: DbSession, user: CurrentUser,
               body: SeriesDecision | None = None) -> SeriesRead:
        indicator = body.indicator_id if body else None
        act = links.confirm if action == "confirm" else links.reject
        return _read(session, act(session, series_id=series_id, indicator_id=indicator, actor=user))

    decide.__name__ = f"series_{action}"
    decide.__doc__ = ("The office confirms a proposed link (one indicator, or all)." if action == "confirm"
                      else "The office rejects a link; it is never proposed again.")
    router.post(f"/series/{{series_id}}/{action}")(decide)


_decision("confirm")
_decision("reject")


@router.post("/series/{series_id}/undo")
def series_undo(series_id: PathId, session: DbSession, user: CurrentUser) -> SeriesRead:
    """Restore the series as it was before its newest decision."""
    return _read(session, links.undo(session, series_id=series_id, actor=user))


@router.get("/proposals")
def proposals_index(session: DbSession, user: CurrentUser, plan_id: QueryId = None,
                    state: Literal["proposed", "accepted", "dismissed"] | None = None) -> list[ProposalRead]:
    """Figures reported by documents, proposed as updates of the plan's targets."""
    found = proposals.list_proposals(session, actor=user, plan_id=plan_id, state=state)
    return [_proposal(session, p) for p in found]


@router.post("/proposals/{proposal_id}/accept")
def proposals_accept(proposal_id: PathId, session: DbSession, user: CurrentUser,
                     body: ProposalAccept | None = None) -> ProposalRead:
    """The figure (or the edited one) becomes the approved update, attributed to the document."""
    body = body or ProposalAccept()
    return _proposal(session, proposals.accept(session, proposal_id=proposal_id, actor=user,
                                               value=body.value, unit_id=body.unit_id))


@router.post("/proposals/{proposal_id}/dismiss")
def proposals_dismiss(proposal_id: PathId, session: DbSession, user: CurrentUser) -> ProposalRead:
    return _proposal(session, proposals.dismiss(session, proposal_id=proposal_id, actor=user))


@router.post("/proposals/{proposal_id}/undo")
def proposals_undo(proposal_id: PathId, session: DbSession, user: CurrentUser) -> ProposalRead:
    """Back to proposed; an accepted figure's update is taken back."""
    return _proposal(session, proposals.undo(session, proposal_id=proposal_id, actor=user))


@router.get("/directives")
def directives_index(session: DbSession, user: CurrentUser, plan_id: QueryId = None) -> list[DirectiveRead]:
    """Directives of conclusion notices, proposed as tasks of the plan they refer to."""
    found = directives.list_task_proposals(session, actor=user, plan_id=plan_id)
    return [DirectiveRead.model_validate(directives.directive_dict(session, p)) for p in found]


@router.post("/directives/{directive_id}/accept")
def directives_accept(directive_id: PathId, session: DbSession, user: CurrentUser,
                      body: DirectiveAccept | None = None) -> DirectiveRead:
    """The directive becomes a task of the plan (with lead, deadline and source line)."""
    plan = body.plan_id if body else None
    found = directives.accept(session, proposal_id=directive_id, actor=user, plan_id=plan,
                              lead_unit_ids=body.lead_unit_ids if body else None)
    read = DirectiveRead.model_validate(directives.directive_dict(session, found))
    warning = directives.accept_warning(found, today=dt.date.today())
    if warning:  # accepted all the same: a late directive is still the leaders' instruction
        read.warnings.append(ApiWarning(code="deadline_past", message=warning))
    return read


@router.post("/directives/{directive_id}/dismiss")
def directives_dismiss(directive_id: PathId, session: DbSession, user: CurrentUser) -> DirectiveRead:
    found = directives.dismiss(session, proposal_id=directive_id, actor=user)
    return DirectiveRead.model_validate(directives.directive_dict(session, found))


@router.post("/directives/{directive_id}/undo")
def directives_undo(directive_id: PathId, session: DbSession, user: CurrentUser) -> DirectiveRead:
    found = directives.undo(session, proposal_id=directive_id, actor=user)
    return DirectiveRead.model_validate(directives.directive_dict(session, found))


@router.get("/judgements")
def judgements_index(session: DbSession, user: CurrentUser, plan_id: QueryId = None) -> list[JudgementRead]:
    """A later document's "16/19 chỉ tiêu hoàn thành" beside nghiquyet's own tally of that plan and year."""
    require_reader(user)
    return [JudgementRead(doc=c.doc, line=c.line, text=c.text, year=c.year, said_done=c.said_done,
                          said_total=c.said_total, plan_id=c.plan_id, complete=c.complete, total=c.total,
                          differs=c.differs, message=c.message)
            for c in judgement_checks(session, plan_id=plan_id)]
