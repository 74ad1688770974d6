"""Status questions answered from the tracking data ("bao nhiêu chỉ tiêu đạt năm 2024", "chỉ tiêu
nào có nguy cơ không đạt"): the plan's indicators as the stored statuses hold them (judged by the
project's status rules when their figures were written, `tracking.stored_status`), never by a rule
of the assistant's own; a question judged on another day than today is judged afresh (plan_status).

The answer names the counted indicators and cites their lines in the plan's document; the counts
are the composer's own (derived), and no reported figure is stated (an update is not a source line).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.assistant.compose import Draft
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.sources import covering_lines
from nghiquyet.errors import InputError
from nghiquyet.plans.models import Indicator, Plan
from nghiquyet.status import Period, Status
from nghiquyet.tracking.models import StoredStatus
from nghiquyet.tracking.service import plan_status
from nghiquyet.tracking.status import judging_date
from nghiquyet.tracking.stored_status import ensure_current

Lines = Callable[[DocumentFacts], tuple[str, ...]]

# What the question asks about, most specific first; each names the statuses it counts.
_ASKED: tuple[tuple[str, frozenset[Status], str], ...] = (
    (r"\bnguy co\b|\bcham tien do\b|\bcham\b", frozenset({Status.nguy_co}), "có nguy cơ không đạt"),
    (r"\bchua co so lieu\b", frozenset({Status.chua_co_so_lieu}), "chưa có số liệu"),
    (r"\bdung tien do\b", frozenset({Status.dung_tien_do}), "đúng tiến độ"),
    (r"\b(khong|chua) (dat|hoan thanh|ve dich)\b",
     frozenset({Status.khong_dat, Status.nguy_co}), "không đạt hoặc có nguy cơ không đạt"),
    (r"\bvuot\b(?! va)", frozenset({Status.vuot}), "vượt kế hoạch"),
    (r"\bdat\b|\bhoan thanh\b|\bve dich\b", frozenset({Status.dat, Status.vuot}), "đạt hoặc vượt"),
)


def asked_statuses(q: Question) -> tuple[frozenset[Status], str] | None:
    for pattern, statuses, words in _ASKED:
        if re.search(pattern, q.folded):
            return statuses, words
    return None


def tracking_status(session: Session, q: Question, documents: Sequence[DocumentFacts],
                    best: Callable[[list[DocumentFacts]], DocumentFacts], lines: Lines,
                    today: dt.date | None = None) -> Draft | None:
    """The tally the question asks for, from the plan of the best document that has one; None when
    no plan has tracking figures for the period (the documents' own reports may still answer)."""
    asked = asked_statuses(q)
    if asked is None:
        return None
    by_id = {d.document_id: d for d in documents}
    plans = {doc_id: (plan_id, start, end) for plan_id, doc_id, start, end in session.execute(
        select(Plan.id, Plan.document_id, Plan.year_start, Plan.year_end)
        .where(Plan.document_id.in_(sorted(by_id)))) if doc_id is not None}
    if not plans:
        return None
    doc = best([by_id[i] for i in plans])
    plan_id, start, end = plans[doc.document_id]
    year = (q.years[0] if q.years else min(end or (today or dt.date.today()).year,
                                           (today or dt.date.today()).year))
    if (start and year < start) or (end and year > end):
        return None
    period = q.period or str(year)
    judged = _judged(session, plan_id, period, today)
    if judged is None or all(status == Status.chua_co_so_lieu for _, _, status in judged):
        return None  # nothing reported yet: not an answer about progress
    statuses, words = asked
    chosen = [(i, text, status) for i, text, status in judged if status in statuses]
    where = dict(session.execute(select(Indicator.id, Indicator.line).where(
        Indicator.plan_id == plan_id)).all())
    src = lines(doc)
    draft = Draft()
    # The counts are the composer's; the period is the one asked (or the plan's current year).
    draft.derived.extend([len(chosen), len(judged), year, *range(1, len(chosen) + 1)])
    first = where.get(chosen[0][0]) if chosen else where.get(judged[0][0])
    head = (f"Theo số liệu theo dõi kỳ {_period_vi(period)}: {len(chosen)}/{len(judged)} chỉ tiêu "
            f"{words} {label(doc.filename, first or 0)}")
    draft.parts.append(head + (":" if chosen else "."))
    for n, (indicator_id, full, status) in enumerate(chosen, 1):
        line = where.get(indicator_id)
        text = full.split(";")[0].strip().rstrip(".")
        draft.parts.append(f"({n}) {text} — {status.label_vi.lower()}.")
        if line:
            draft.cite(doc, src, covering_lines(src, line, text))
    if not chosen and first:
        draft.cite(doc, src, [first])
    return draft


def _judged(session: Session, plan_id: int, period: str,
            today: dt.date | None) -> list[tuple[int, str, Status]] | None:
    """(indicator id, text, status) of every indicator of the plan for the period, in the plan's
    order: the stored statuses (none stored: "chưa có số liệu"), made current for today first;
    None for a period that cannot be read."""
    try:
        wanted = Period.parse(period)
    except ValueError:
        return None
    now = judging_date(None)
    if min(wanted.end, judging_date(today)) != min(wanted.end, now):
        # Another day than today inside the period: the stored rows hold today's verdict only.
        try:
            status = plan_status(session, plan_id=plan_id, period=period, as_of=today)
        except InputError:
            return None
        return [(i.id, i.text, Status(i.status)) for i in status.indicators]
    ensure_current(session.connection(), wanted, now)
    stored = dict(session.execute(select(StoredStatus.indicator_id, StoredStatus.status).where(
        StoredStatus.plan_id == plan_id, StoredStatus.period == wanted.code)).all())
    return [(i, text, Status(stored.get(i, Status.chua_co_so_lieu.value))) for i, text in session.execute(
        select(Indicator.id, Indicator.text).where(Indicator.plan_id == plan_id)
        .order_by(Indicator.position, Indicator.id))]


def _period_vi(period: str) -> str:
    """"2024" → "năm 2024", "2024-Q2" → "quý II/2024", "2024-H1" → "6 tháng đầu năm 2024"."""
    year, _, part = period.partition("-")
    if part.startswith("Q"):
        return f"quý {('I', 'II', 'III', 'IV')[int(part[1:]) - 1]}/{year}"
    if part == "H1":
        return f"6 tháng đầu năm {year}"
    if part == "H2":
        return f"6 tháng cuối năm {year}"
    return f"năm {year}" if not part else f"{part}/{year}"
