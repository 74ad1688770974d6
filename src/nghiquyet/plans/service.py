"""Plan use cases: confirm a document's extraction into a plan, read it, list plans.

Item edits (indicators, targets, tasks) live in plans/items.py.
Confirming a document that already has a plan returns that plan unchanged (idempotent, no new
audit event): a double click or a retried request must never make a second plan; to rebuild a plan
from a newer review, delete it first.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import column, exists, select, table
from sqlalchemy.orm import Session, selectinload

from nghiquyet.audit.service import apply_changes, record, snapshot
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import UNTITLED  # never the file name (issue 10 point 4)
from nghiquyet.errors import ConflictError, NotFoundError
from nghiquyet.extract.items.deadlines import deadline_period
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.plans.schemas import PlanUpdate
from nghiquyet.status import Period
from nghiquyet.units.permissions import Actor, require_manager, require_reader

# `tracking` sits above `plans` in the layers contract, so its table is named here, not imported.
_updates = table("updates", column("plan_id"))
# Assignments cascade with the plan; updates would too, which is why a reported plan is kept.

TARGET_FIELDS = ("metric", "comparator", "value", "value_max", "unit", "change", "baseline", "year",
                 "direction", "text")


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None


def deadline_date(raw: object) -> dt.date | None:
    """The last day a deadline phrase allows, as a confirmed plan will store it (None: no date in it)."""
    return _deadline(raw)[0]


def _deadline(raw: object, period_hint: object = None) -> tuple[dt.date | None, str | None]:
    """The last day a deadline phrase allows ("quý II/2025" → 30/06/2025), and the phrase itself.

    Phrases without a date or period ("hằng năm", "thường xuyên") keep only their text.
    """
    if raw is None or raw == "":
        return None, None
    text = str(raw)
    iso = re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
    code = text if iso else str(period_hint) if period_hint else deadline_period(text)
    if code and re.fullmatch(r"\d{4}-\d{2}-\d{2}", code):
        try:
            return dt.date.fromisoformat(code), text[:255]
        except ValueError:
            return None, text[:255]
    if code:
        try:
            return Period.parse(code).end, text[:255]
        except ValueError:
            pass
    return None, text[:255]


def _target(data: dict[str, Any], position: int) -> Target:
    year = data.get("year")
    return Target(
        position=position, metric=str(data.get("metric") or ""),
        comparator=str(data.get("comparator") or "eq"), value=_number(data.get("value")),
        value_max=_number(data.get("value_max")), unit=data.get("unit"), change=data.get("change"),
        baseline=data.get("baseline"), year=int(year) if isinstance(year, int | float) else None,
        direction=data.get("direction") if data.get("direction") in ("up", "down") else None,
        text=str(data.get("text") or ""),
    )


def build_plan(doc: Document, extraction: dict[str, Any]) -> Plan:
    """Plan objects (not yet added to a session) from an extraction dict."""
    meta = extraction.get("metadata") or {}
    years = [y for y in (meta.get("years") or []) if y is not None]
    plan = Plan(
        document_id=doc.id, title=str(meta.get("title") or meta.get("theme") or UNTITLED),
        doc_type=str(meta.get("doc_type") or "other"), number=meta.get("number"), issuer=meta.get("issuer"),
        year_start=int(years[0]) if years else None, year_end=int(years[-1]) if years else None,
        status="active",
    )
    for pos, item in enumerate(extraction.get("indicators") or []):
        indicator = Indicator(
            position=pos, label=item.get("label"), group=str(item.get("group") or "other"),
            section=item.get("section"), text=str(item.get("text") or ""), line=item.get("line"),
            line_end=item.get("line_end"),
        )
        indicator.targets = [_target(t, i) for i, t in enumerate(item.get("targets") or [])]
        for target in indicator.targets:
            target.plan = plan
        plan.indicators.append(indicator)
    for pos, item in enumerate(extraction.get("tasks") or []):
        deadline, deadline_text = _deadline(item.get("deadline"), item.get("deadline_period"))
        plan.tasks.append(Task(
            position=pos, label=item.get("label"), section=item.get("section"), title=item.get("title"),
            text=str(item.get("text") or ""), line=item.get("line"), line_end=item.get("line_end"),
            domain=item.get("domain"), deadline=deadline, deadline_text=deadline_text,
            lead_names=list(item.get("lead") or []), support_names=list(item.get("support") or []),
            projects=list(item.get("projects") or []), references=list(item.get("references") or []),
        ))
    return plan


def confirm_plan(session: Session, *, document_id: int, actor: Actor, title: str | None = None,
                 number: str | None = None, issuer: str | None = None) -> Plan:
    """Turn a document's extraction (the reviewer's copy if any) into a tracked plan; idempotent.

    `title`, `number`, `issuer` are what the person confirming gives when the extraction has none
    (or corrects it); a plan is never named by its file name.
    """
    require_manager(actor, "xác nhận kế hoạch")
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError(f"Không tìm thấy văn bản #{document_id}")
    existing = session.scalars(select(Plan).where(Plan.document_id == doc.id)).first()
    if existing is not None:
        return existing
    plan = build_plan(doc, doc.effective_extraction)
    for key, value in (("title", title), ("number", number), ("issuer", issuer)):
        if value and value.strip():
            setattr(plan, key, value.strip())
            if not getattr(doc, key):  # what the extraction missed is the document's too (its lists)
                setattr(doc, key, value.strip())
    plan.created_by = actor.id
    session.add(plan)
    session.flush()
    record(session, actor=actor, action="plan.confirm", object_type="plan", object_id=plan.id,
           after={**snapshot(plan), "from_review": doc.review is not None,
                  "indicators": len(plan.indicators), "tasks": len(plan.tasks),
                  "targets": sum(len(i.targets) for i in plan.indicators)})
    session.flush()
    return plan


def get_plan(session: Session, *, plan_id: int, actor: Actor | None = None) -> Plan:
    """A plan with its indicators, targets and tasks loaded (three queries, whatever the size)."""
    if actor is not None:
        require_reader(actor)
    plan = session.scalars(
        select(Plan).where(Plan.id == plan_id).options(
            selectinload(Plan.indicators).selectinload(Indicator.targets), selectinload(Plan.tasks))
    ).first()
    if plan is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch #{plan_id}")
    return plan


def list_plans(session: Session, *, actor: Actor | None = None, status: str | None = None) -> list[Plan]:
    if actor is not None:
        require_reader(actor)
    query = select(Plan).order_by(Plan.year_start.desc().nulls_last(), Plan.id.desc())
    if status is not None:
        query = query.where(Plan.status == status)
    return list(session.scalars(query))


def update_plan(session: Session, *, plan_id: int, changes: PlanUpdate, actor: Actor) -> Plan:
    require_manager(actor, "sửa kế hoạch")
    plan = get_plan(session, plan_id=plan_id)
    if changes.parent_plan_id is not None:
        _check_parent(session, plan, changes.parent_plan_id)
    apply_changes(session, plan, changes.model_dump(exclude_unset=True), actor=actor, object_type="plan")
    return plan


def _check_parent(session: Session, plan: Plan, parent_id: int) -> None:
    """A plan's parent is another plan, and never one of the plans carrying it out (no loop)."""
    if session.get(Plan, parent_id) is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch cấp trên #{parent_id}")
    if parent_id in plan_family(session, plan_id=plan.id):
        raise ConflictError("Kế hoạch cấp trên không thể là chính kế hoạch này hoặc kế hoạch cấp dưới của nó")


def plan_family(session: Session, *, plan_id: int) -> list[int]:
    """The plan and every plan carrying it out below (`parent_plan_id`), however many levels down:
    a province's plan, its districts' plans and their communes'. A few queries, one per level."""
    if session.get(Plan, plan_id) is None:
        raise NotFoundError(f"Không tìm thấy kế hoạch #{plan_id}")
    found = {plan_id}
    frontier = [plan_id]
    while frontier:
        frontier = [i for i in session.scalars(select(Plan.id).where(Plan.parent_plan_id.in_(frontier)))
                    if i not in found]
        found.update(frontier)
    return sorted(found)


def delete_plan(session: Session, *, plan_id: int, actor: Actor) -> None:
    """Remove a plan that nobody has reported on yet (e.g. to confirm its document again after review)."""
    require_manager(actor, "xóa kế hoạch")
    plan = get_plan(session, plan_id=plan_id)
    if session.scalar(select(exists().where(_updates.c.plan_id == plan.id))):
        raise ConflictError("Kế hoạch đã có số liệu báo cáo, không thể xóa; "
                            "có thể chuyển kế hoạch sang trạng thái đóng")
    before = {**snapshot(plan), "indicators": len(plan.indicators), "tasks": len(plan.tasks)}
    session.delete(plan)
    record(session, actor=actor, action="plan.delete", object_type="plan", object_id=plan_id, before=before)
    session.flush()
