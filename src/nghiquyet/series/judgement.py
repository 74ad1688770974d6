"""A later document's judgement of a plan's year ("16/19 chỉ tiêu hoàn thành") read back against the tally.

The plan judged is the tracked plan of that year (an annual one first, else a term plan covering it);
nghiquyet's own tally for that year is computed as the dashboard computes it, and any difference shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import name_of
from nghiquyet.plans.models import Plan
from nghiquyet.series.links import plan_territories, territories
from nghiquyet.series.rules import read_judgement
from nghiquyet.status import Period
from nghiquyet.tracking.status import plan_status


@dataclass
class JudgementCheck:
    doc: str
    document_id: int
    line: int | None
    text: str
    year: int
    said_done: int | None  # indicators the document says were completed
    said_total: int | None
    plan_id: int | None
    plan_title: str | None
    complete: int | None  # nghiquyet's tally
    total: int | None
    message: str
    said_not_done: int | None = None  # "05 chỉ tiêu không đạt" without a total

    @property
    def differs(self) -> bool:
        if self.plan_id is None:
            return False
        if self.said_done is None:
            return self.said_not_done != (self.total or 0) - (self.complete or 0)
        return self.said_done != self.complete or self.said_total not in (None, self.total)


def _plan_of(plans: list[Plan], year: int, doc_id: int) -> Plan | None:
    covering = [p for p in plans
                if p.document_id != doc_id and (p.year_start or 0) <= year <= (p.year_end or 0)]
    covering.sort(key=lambda p: (p.year_start != p.year_end, p.id))  # an annual plan before a term plan
    return covering[0] if covering else None


def judgement_checks(session: Session, *, plan_id: int | None = None,
                     as_of: dt.date | None = None) -> list[JudgementCheck]:
    """Every indicator count a document states about a year, beside the tally of that year's plan."""
    plans = list(session.scalars(select(Plan).order_by(Plan.id)))
    territory, plan_territory = territories(session), plan_territories(session)
    found = []
    for doc in session.scalars(select(Document).order_by(Document.id)):
        own = [p for p in plans if plan_territory.get(p.id) == territory.get(doc.id)]  # its own plans only
        for result in doc.effective_extraction.get("results") or []:
            said = read_judgement(str(result.get("metric") or ""), result.get("unit"), result.get("value"),
                                  result.get("total"))
            try:
                year = Period.parse(str(result.get("period"))).year
            except ValueError:
                continue
            if said is None:
                continue
            plan = _plan_of(own, year, doc.id)
            if plan_id is not None and (plan is None or plan.id != plan_id):
                continue
            check = JudgementCheck(doc.filename, doc.id, result.get("line"), str(result.get("text") or ""),
                                   year, said.completed(), said.total, None, None, None, None, "",
                                   said_not_done=None if said.done else said.count)
            if plan is None:
                check.message = f"Chưa theo dõi kế hoạch nào của năm {year} để đối chiếu"
            else:
                status = plan_status(session, plan_id=plan.id, period=str(year), as_of=as_of)
                check.plan_id, check.plan_title = plan.id, name_of(plan)
                check.complete, check.total = status.complete, status.total
                check.message = _compare(check)
            found.append(check)
    return found


def _compare(c: JudgementCheck) -> str:
    ours = f"{c.complete}/{c.total} chỉ tiêu hoàn thành theo số liệu đã duyệt"
    if c.said_done is None:
        missed = (c.total or 0) - (c.complete or 0)
        same = "Khớp" if missed == c.said_not_done else "Chênh lệch"
        return (f"{same}: văn bản nêu {c.said_not_done} chỉ tiêu chưa đạt; nghiquyet: {missed}/{c.total} "
                "chỉ tiêu chưa hoàn thành theo số liệu đã duyệt")
    theirs = f"{c.said_done}/{c.said_total}" if c.said_total is not None else str(c.said_done)
    if not c.differs:
        return f"Khớp: văn bản {theirs}, nghiquyet {ours}"
    gaps = []
    if c.said_total is not None and c.said_total != c.total:
        gaps.append(f"tổng số chỉ tiêu khác ({c.said_total} so với {c.total})")
    if c.said_done != c.complete:
        gaps.append(f"số hoàn thành lệch {abs((c.said_done or 0) - (c.complete or 0))}")
    return f"Chênh lệch: văn bản {theirs}, nghiquyet {ours} — " + ", ".join(gaps)
