"""Reported results become PROPOSED updates; the office accepts (or edits), dismisses, or undoes.

A result the extractor found in a document (a report, a conclusion notice, the opening of a
resolution) is proposed for every target of another tracked plan of the same territory that covers
its year and measures the same metric. "29,9% dự toán" is converted against the target's figure,
and the conversion is kept to be shown. Accepting makes an approved update attributed to the
document (its note names the file, line and sentence); nothing is approved without the office.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.db.base import utcnow
from nghiquyet.documents.models import Document
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.plans.models import Plan, Target
from nghiquyet.series.links import plan_territories, territories
from nghiquyet.series.metric import same_metric
from nghiquyet.series.models import PROPOSAL_STATES, Proposal
from nghiquyet.series.rules import share_of_plan
from nghiquyet.status import Period
from nghiquyet.status.fmt import vn_number
from nghiquyet.tracking.assignments import lead_unit_id
from nghiquyet.tracking.models import Update
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, require_manager, require_reader

# "Thu ngân sách so với dự toán địa phương": the metric is what precedes the plan it is measured by.
_MEASURED_BY = re.compile(r"\s+(so với|so|bằng)\s+(dự toán|kế hoạch|chỉ tiêu)\b.*$", re.IGNORECASE)


def _period(code: object) -> Period | None:
    try:
        return Period.parse(str(code))
    except ValueError:  # a term ("2015-2020") or nothing: no single period to report for
        return None


Pick = tuple[Target, float | None, str | None]  # the target, the value in its unit, the conversion shown


def _best_targets(result: dict[str, Any], targets: Iterable[Target]) -> list[Pick]:
    """Per indicator, the target this result reports on, with the value in the target's unit."""
    metric = str(result.get("metric") or "")
    wording = f"{metric} {result.get('text') or ''}"
    bare = _MEASURED_BY.sub("", metric)
    value, unit = result.get("value"), result.get("unit")
    best: dict[int, tuple[float, Target, float | None, str | None]] = {}
    for t in targets:
        conv = share_of_plan(float(value), unit, wording, t.value, t.unit) if value is not None else None
        found: float | None
        if conv is not None:
            match = same_metric(bare, t.unit, t.metric or "", t.unit)
            found, shown = conv.value, conv.shown
        else:
            match = same_metric(metric, unit, t.metric or "", t.unit, None, None)
            found, shown = (float(value) if value is not None else None), None
        if match.same and (t.indicator_id not in best or match.score > best[t.indicator_id][0]):
            best[t.indicator_id] = (match.score, t, found, shown)
    return [(t, v, s) for _, t, v, s in best.values()]


def scan(session: Session, *, document_id: int | None = None) -> list[Proposal]:
    """Propose every result of the documents (or one) to matching targets; idempotent."""
    docs = ([session.get(Document, document_id)] if document_id
            else list(session.scalars(select(Document).order_by(Document.id))))
    plans = list(session.scalars(select(Plan).where(Plan.status == "active")))
    territory, plan_territory = territories(session), plan_territories(session)
    made: list[Proposal] = []
    for doc in docs:
        if doc is None:
            continue
        # A figure the province reports is not the district's, nor another province's.
        own = [p for p in plans if plan_territory.get(p.id) == territory.get(doc.id)]
        results = doc.effective_extraction.get("results") or []
        seen = {(r[0], r[1]) for r in session.execute(
            select(Proposal.result_index, Proposal.target_id).where(Proposal.document_id == doc.id))}
        for index, result in enumerate(results):
            period = _period(result.get("period"))
            if period is None or str(result.get("unit") or "").strip().lower() == "chỉ tiêu":
                continue
            for plan in own:
                covers = (plan.year_start or 0) <= period.year <= (plan.year_end or 0)
                if plan.document_id == doc.id or not covers:
                    continue
                targets = [t for i in plan.indicators for t in i.targets
                           if t.value is not None and (t.year is None or t.year == period.year)]
                for target, value, shown in _best_targets(result, targets):
                    if (index, target.id) in seen:
                        continue
                    seen.add((index, target.id))
                    made += _insert(session, Proposal(
                        document_id=doc.id, result_index=index, plan_id=plan.id,
                        indicator_id=target.indicator_id, target_id=target.id, period=period.code,
                        value=value, unit=target.unit, reported_value=result.get("value"),
                        reported_unit=result.get("unit"), conversion=shown,
                        metric=str(result.get("metric") or ""), line=result.get("line"),
                        text=str(result.get("text") or "")))
    session.flush()
    return made


def _insert(session: Session, proposal: Proposal) -> list[Proposal]:
    try:
        with session.begin_nested():  # a parallel scan proposed it first: one proposal stays
            session.add(proposal)
            session.flush()
    except IntegrityError:
        return []
    record(session, actor=None, action="proposal.create", object_type="proposal", object_id=proposal.id,
           after=snapshot(proposal))
    return [proposal]


def list_proposals(session: Session, *, actor: Actor | None, plan_id: int | None = None,
                   state: str | None = None, target_id: int | None = None) -> list[Proposal]:
    if actor is not None:
        require_reader(actor)
    if state is not None and state not in PROPOSAL_STATES:
        raise InputError(f"Trạng thái '{state}' không hợp lệ", hint=", ".join(PROPOSAL_STATES))
    wanted = {Proposal.plan_id: plan_id, Proposal.state: state, Proposal.target_id: target_id}
    conditions = [column == value for column, value in wanted.items() if value is not None]
    return list(session.scalars(select(Proposal).where(*conditions).order_by(Proposal.id)))


def get_proposal(session: Session, *, proposal_id: int) -> Proposal:
    proposal = session.get(Proposal, proposal_id)
    if proposal is None:
        raise NotFoundError(f"Không tìm thấy đề xuất #{proposal_id}")
    return proposal


def _open(session: Session, proposal_id: int, actor: Actor, what: str) -> Proposal:
    require_manager(actor, what)
    proposal = get_proposal(session, proposal_id=proposal_id)
    if proposal.state != "proposed":
        raise ConflictError(f"Đề xuất #{proposal.id} đã được xử lý ({proposal.state}); "
                            "hoàn tác trước nếu cần")
    return proposal


def doc_name(session: Session, proposal: Proposal) -> str:
    doc = session.get(Document, proposal.document_id)
    return doc.filename if doc else f"văn bản #{proposal.document_id}"


def accept(session: Session, *, proposal_id: int, actor: Actor, value: float | None = None,
           unit_id: int | None = None) -> Proposal:
    """The figure becomes the approved update of its target and period (edited when `value` is given).

    It is the lead unit's figure (or `unit_id`'s, or the office's own unit's when nobody leads it).
    """
    proposal = _open(session, proposal_id, actor, "chấp nhận số liệu đề xuất")
    figure = proposal.value if value is None else value
    if figure is None or figure != figure:
        raise InputError("Đề xuất chưa có số liệu; hãy nhập số liệu khi chấp nhận")
    unit_id = unit_id or lead_unit_id(session, indicator_id=proposal.indicator_id) or actor.unit_id
    if unit_id is None:
        raise InputError("Chưa xác định đơn vị báo cáo",
                         hint="giao chỉ tiêu cho đơn vị chủ trì trước, hoặc chọn đơn vị (--unit)")
    if session.get(Unit, unit_id) is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
    current = session.scalars(select(Update).where(
        Update.target_id == proposal.target_id, Update.unit_id == unit_id, Update.period == proposal.period)
        .order_by(Update.version.desc()).limit(1)).first()
    if current is not None and current.state != "approved":
        raise ConflictError(f"Đơn vị đang có báo cáo kỳ {proposal.period} chưa duyệt (#{current.id}); "
                            "hãy duyệt hoặc trả lại báo cáo đó trước", existing_id=current.id)
    note = f"Theo {doc_name(session, proposal)}, dòng {proposal.line}: «{proposal.text}»"
    if proposal.conversion:
        note += f" (quy đổi: {proposal.conversion})"
    if value is not None and value != proposal.value:
        note += f"; Văn phòng sửa số liệu từ {vn_number(proposal.value or 0)} thành {vn_number(value)}"
    now = utcnow()
    update = Update(plan_id=proposal.plan_id, target_id=proposal.target_id, unit_id=unit_id,
                    period=proposal.period, value=figure, note=note, state="approved",
                    version=current.version + 1 if current else 1,
                    supersedes_id=current.id if current else None,
                    created_by=actor.id, submitted_by=actor.id, submitted_at=now, decided_by=actor.id,
                    decided_at=now)
    session.add(update)
    session.flush()
    record(session, actor=actor, action="update.create", object_type="update", object_id=update.id,
           after=snapshot(update))
    return _decide(session, proposal, actor, "accept", "accepted", update_id=update.id)


def _decide(session: Session, proposal: Proposal, actor: Actor, action: str, state: str,
            update_id: int | None = None) -> Proposal:
    before = snapshot(proposal)
    proposal.state, proposal.update_id = state, update_id
    proposal.decided_by, proposal.decided_at = actor.id, utcnow()
    record(session, actor=actor, action=f"proposal.{action}", object_type="proposal", object_id=proposal.id,
           before=before, after=snapshot(proposal))
    session.flush()
    return proposal


def dismiss(session: Session, *, proposal_id: int, actor: Actor) -> Proposal:
    proposal = _open(session, proposal_id, actor, "bỏ qua số liệu đề xuất")
    return _decide(session, proposal, actor, "dismiss", "dismissed")


def undo(session: Session, *, proposal_id: int, actor: Actor) -> Proposal:
    """Back to proposed; an acceptance also takes back the update it made (unless corrected since)."""
    require_manager(actor, "hoàn tác")
    proposal = get_proposal(session, proposal_id=proposal_id)
    if proposal.state == "proposed":
        raise ConflictError(f"Đề xuất #{proposal.id} chưa được xử lý, không có gì để hoàn tác")
    if proposal.update_id is not None:
        update = session.get(Update, proposal.update_id)
        if update is not None:
            newer = session.scalars(select(Update.id).where(Update.supersedes_id == update.id)).first()
            if newer is not None:
                raise ConflictError(f"Số liệu đã được đính chính (#{newer}); "
                                    "hãy đính chính thay vì hoàn tác")
            record(session, actor=actor, action="update.delete", object_type="update", object_id=update.id,
                   before=snapshot(update))
            session.delete(update)
            session.flush()
    return _decide(session, proposal, actor, "undo", "proposed")


def proposal_dict(session: Session, proposal: Proposal) -> dict[str, Any]:
    """The pinned JSON shape (`nghiquyet proposals --format json`, `GET /api/v1/proposals`)."""
    return {"id": proposal.id, "indicator_id": proposal.indicator_id, "target_id": proposal.target_id,
            "period": proposal.period, "value": proposal.value, "unit": proposal.unit,
            "doc": doc_name(session, proposal), "line": proposal.line, "text": proposal.text,
            "state": proposal.state}
