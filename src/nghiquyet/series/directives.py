"""Directives of a conclusion notice become tasks of the plan they refer to, once the office confirms.

The plan is chosen by what the notice says of itself: the documents it cites (a plan's number), its
year (a plan of that year, an annual one before a term one) and its issuer (shared words of the
issuing body); the reason is kept to be shown, and the office may pick another plan on accepting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.db.base import utcnow
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import citation_name
from nghiquyet.errors import ConflictError, NotFoundError
from nghiquyet.extract.document.territory import Territory
from nghiquyet.plans.items import add_task, remove_task
from nghiquyet.plans.models import Plan
from nghiquyet.plans.schemas import TaskCreate
from nghiquyet.series.links import plan_territories, territories
from nghiquyet.series.metric import fold
from nghiquyet.series.models import TaskProposal
from nghiquyet.status import Period
from nghiquyet.tracking.assignments import assign, past_deadline_warning
from nghiquyet.units.models import Unit
from nghiquyet.units.names import Resolution, resolve_names
from nghiquyet.units.permissions import Actor, require_manager, require_reader

DIRECTIVE_TYPES = ("thong_bao_ket_luan", "ket_luan", "chi_thi")
ADDED_LATE = ("nhiệm vụ vừa thêm được tính là quá hạn ngay. Nếu thông báo kết luận ghi thời hạn khác "
              "hoặc đã gia hạn, hãy sửa thời hạn của nhiệm vụ.")
_ISSUER_FILLER = frozenset({"ban", "cua", "dang", "bo"})


def _issuer_words(text: str | None) -> set[str]:
    return set(fold(text or "").split()) - _ISSUER_FILLER


def choose_plan(doc: Document, plans: list[Plan]) -> tuple[Plan, str] | None:
    """The plan a notice refers to, with why; None when no tracked plan covers its year."""
    cited = {fold(r) for r in doc.effective_extraction.get("references") or []}
    year = doc.year_start or (doc.date.year if doc.date else None)
    best: tuple[int, int, Plan, str] | None = None
    for plan in plans:
        if plan.document_id == doc.id:
            continue
        why, score = [], 0
        if plan.number and fold(plan.number) in cited:
            score += 4
            why.append(f"văn bản dẫn số {plan.number}")
        covers = year is not None and (plan.year_start or 0) <= year <= (plan.year_end or 0)
        if covers:
            annual = plan.year_start == plan.year_end
            score += 2 if annual else 1
            why.append(f"{'kế hoạch năm' if annual else 'giai đoạn có năm'} {year}")
        shared = _issuer_words(doc.issuer) & _issuer_words(plan.issuer)
        if shared:
            score += 1
            why.append(f"cùng cơ quan ({plan.issuer})")
        if score >= 2 and (best is None or (score, -plan.id) > (best[0], best[1])):
            best = (score, -plan.id, plan, "; ".join(why))
    return (best[2], best[3]) if best else None


def _deadline(task: dict[str, Any]) -> dt.date | None:
    try:
        return Period.parse(str(task.get("deadline_period"))).end if task.get("deadline_period") else None
    except ValueError:
        return None


def scan(session: Session) -> list[TaskProposal]:
    """Propose the tasks of every conclusion notice to the plan it refers to; idempotent."""
    plans = list(session.scalars(select(Plan).where(Plan.status == "active").order_by(Plan.id)))
    territory, plan_territory = territories(session), plan_territories(session)
    made = []
    for doc in session.scalars(select(Document).where(Document.doc_type.in_(DIRECTIVE_TYPES))
                               .order_by(Document.id)):
        # A province's notice directs the province's plans, never a district's or another province's.
        chosen = choose_plan(doc, [p for p in plans if plan_territory.get(p.id) == territory.get(doc.id)])
        if chosen is None:
            continue
        plan, why = chosen
        known = set(session.scalars(
            select(TaskProposal.task_index).where(TaskProposal.document_id == doc.id)))
        for index, task in enumerate(doc.effective_extraction.get("tasks") or []):
            if index in known:
                continue
            proposal = TaskProposal(
                document_id=doc.id, task_index=index, plan_id=plan.id, label=task.get("label"),
                title=task.get("title"), text=str(task.get("text") or ""), line=task.get("line"),
                line_end=task.get("line_end"), lead_names=list(task.get("lead") or []),
                support_names=list(task.get("support") or []), deadline=_deadline(task),
                deadline_text=task.get("deadline"), why=why)
            try:
                with session.begin_nested():
                    session.add(proposal)
                    session.flush()
            except IntegrityError:  # a parallel scan proposed it first: one proposal stays
                continue
            # Who proposed what and when must be on record before anyone accepts it (as for figures).
            record(session, actor=None, action="directive.create", object_type="directive",
                   object_id=proposal.id, after=snapshot(proposal))
            made.append(proposal)
    session.flush()
    return made


def list_task_proposals(session: Session, *, actor: Actor | None,
                        plan_id: int | None = None) -> list[TaskProposal]:
    if actor is not None:
        require_reader(actor)
    query = select(TaskProposal).order_by(TaskProposal.id)
    if plan_id is not None:
        query = query.where(TaskProposal.plan_id == plan_id)
    return list(session.scalars(query))


def lead_units(session: Session, p: TaskProposal) -> list[Resolution]:
    """Each lead name of the directive beside the registry's unit it names (None: the office picks)."""
    doc = session.get(Document, p.document_id)
    territory = Territory.from_dict(doc.territory if doc else None)
    units = [(u.id, u.name) for u in session.scalars(select(Unit).order_by(Unit.id))]
    return resolve_names(p.lead_names, units, place=territory.place if territory else None)


def directive_dict(session: Session, p: TaskProposal) -> dict[str, Any]:
    doc = session.get(Document, p.document_id)
    # `doc` is the file, as every citation of the API; `source` is what a person reads.
    return {"id": p.id, "plan_id": p.plan_id, "doc": doc.filename if doc else f"văn bản #{p.document_id}",
            "doc_id": p.document_id, "source": citation_name(doc),
            "line": p.line, "label": p.label, "text": p.text, "lead": p.lead_names,
            "lead_units": [{"name": r.name, "unit_id": r.unit_id, "candidates": list(r.candidates),
                            "why": r.why} for r in lead_units(session, p)],
            "support": p.support_names,
            "deadline": p.deadline, "deadline_text": p.deadline_text, "why": p.why, "state": p.state,
            "task_id": p.task_id}


def _get(session: Session, proposal_id: int) -> TaskProposal:
    found = session.get(TaskProposal, proposal_id)
    if found is None:
        raise NotFoundError(f"Không tìm thấy nhiệm vụ đề xuất #{proposal_id}")
    return found


def _decide(session: Session, proposal: TaskProposal, actor: Actor, action: str, state: str) -> TaskProposal:
    before = snapshot(proposal)
    proposal.state, proposal.decided_by, proposal.decided_at = state, actor.id, utcnow()
    record(session, actor=actor, action=f"directive.{action}", object_type="directive", object_id=proposal.id,
           before=before, after=snapshot(proposal))
    session.flush()
    return proposal


def accept(session: Session, *, proposal_id: int, actor: Actor, plan_id: int | None = None,
           lead_unit_ids: Sequence[int] | None = None) -> TaskProposal:
    """The directive becomes a task of the plan (the proposed one, or `plan_id`), with its source line,
    given to the units its lead names resolve to, or to `lead_unit_ids` (the office's picks)."""
    require_manager(actor, "thêm nhiệm vụ từ thông báo kết luận")
    proposal = _get(session, proposal_id)
    if proposal.state != "proposed":
        raise ConflictError(f"Nhiệm vụ đề xuất #{proposal.id} đã được xử lý ({proposal.state})")
    doc = session.get(Document, proposal.document_id)
    source = f"{citation_name(doc)}, dòng {proposal.line}"  # a task title people read: never the file
    task = add_task(session, plan_id=plan_id or proposal.plan_id, actor=actor, data=TaskCreate(
        label=proposal.label, title=proposal.title or f"Theo {source}", text=proposal.text,
        line=None, deadline=proposal.deadline, deadline_text=proposal.deadline_text,
        lead_names=proposal.lead_names, support_names=proposal.support_names,
        references=[f"{source}"]))
    proposal.plan_id, proposal.task_id = task.plan_id, task.id
    chosen = list(lead_unit_ids) if lead_unit_ids is not None else [
        r.unit_id for r in lead_units(session, proposal) if r.unit_id is not None]
    for unit_id in dict.fromkeys(chosen):  # one assignment per unit, in the order named
        if session.get(Unit, unit_id) is None:
            raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
        assign(session, item_type="task", item_id=task.id, unit_id=unit_id, actor=actor, role="lead",
               deadline=proposal.deadline)
    return _decide(session, proposal, actor, "accept", "accepted")


def accept_warning(proposal: TaskProposal, *, today: dt.date) -> str | None:
    """Accepting a directive whose deadline has passed is allowed (late work is still work), and said."""
    return past_deadline_warning(proposal.deadline, today=today, consequence=ADDED_LATE)


def dismiss(session: Session, *, proposal_id: int, actor: Actor) -> TaskProposal:
    require_manager(actor, "bỏ qua nhiệm vụ đề xuất")
    proposal = _get(session, proposal_id)
    if proposal.state != "proposed":
        raise ConflictError(f"Nhiệm vụ đề xuất #{proposal.id} đã được xử lý ({proposal.state})")
    return _decide(session, proposal, actor, "dismiss", "dismissed")


def undo(session: Session, *, proposal_id: int, actor: Actor) -> TaskProposal:
    """Back to proposed; an accepted directive's task is removed (refused once it has progress reports)."""
    require_manager(actor, "hoàn tác")
    proposal = _get(session, proposal_id)
    if proposal.state == "proposed":
        raise ConflictError(f"Nhiệm vụ đề xuất #{proposal.id} chưa được xử lý")
    if proposal.task_id is not None:
        remove_task(session, task_id=proposal.task_id, actor=actor)
        proposal.task_id = None
    return _decide(session, proposal, actor, "undo", "proposed")
