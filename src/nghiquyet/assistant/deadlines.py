"""Deadline questions ("đến năm nào", "khi nào", "hạn chót"): the time a task or a sentence gives.

Two sources, the better one answering: the extraction's tasks with their deadline (a question
naming the task's heading gets the task's deadline), and the documents' own sentences holding a
time ("Đến năm 2030: Là tỉnh ...; tự cân đối được ngân sách"), which also reach goals and
sentences no task holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nghiquyet.assistant.compose import Draft, cite_text
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.normalise import words
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import MIN_COVERAGE, named_bonus, rank
from nghiquyet.assistant.sentences import sentences
from nghiquyet.assistant.sources import locate
from nghiquyet.assistant.store import StoredCorpus

Lines = Callable[[DocumentFacts], tuple[str, ...]]

# A time a sentence sets: "đến năm 2030", "trước năm 2025", "trong năm 2026", "cuối tháng 4/2024";
# not the vision a plan's name holds ("Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến 2050").
WHEN = re.compile(r"(?<!\w)(?<![Tt]ầm nhìn )(?:[Đđ]ến hết|[Đđ]ến|[Tt]rước|[Tt]rong|[Vv]ào|[Cc]uối)\s+"
                  r"(?:năm\s+|tháng\s+\d{1,2}/|quý\s+[IV]+/)?(?:19|20)\d\d(?!\d)"
                  r"|(?<=, )năm\s+(?:19|20)\d\d(?!\d)"  # "Festival Hoa Đà Lạt lần thứ X, năm 2024"
                  # "sáp nhập đơn vị hành chính ... giai đoạn 2023 - 2025": the span it is done in
                  r"|(?<!\w)[Gg]iai đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d(?!\d)")


def deadline(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], lines: Lines) -> Draft | None:
    if _HOW_OFTEN.search(q.folded):
        return _how_often(corpus, q, documents, lines)
    tasks = [s for s in rank(corpus, q, ["task"], documents, years=False, minimum=MIN_COVERAGE)
             if s.passage.data.get("deadline")]
    task = max(tasks, key=lambda s: (s.score + named_bonus(q, s), -tasks.index(s)), default=None)
    task_score = task.score + named_bonus(q, task) if task else 0.0
    said = [s for s in sentences(corpus, q, documents, WHEN) if s.score >= MIN_COVERAGE]
    if said and said[0].score > task_score:
        best = said[0]
        when = _nearest_time(best.text, q)
        draft = Draft()
        draft.cite(best.document, lines(best.document), best.lines)
        draft.parts.append(f"Thời hạn: {when} (“{best.text.rstrip('.')}”). "
                           f"{label(best.document.filename, best.lines[0])}")
        return draft
    if task is None:
        return None
    doc, p = task.document, task.passage
    src = lines(doc)
    due = str(p.data["deadline"])
    held = locate(src, p.line, due, 200)  # "trong năm" may end one line and "2026" open the next
    if not held:
        return None
    draft = Draft()
    draft.cite(doc, src, held)
    subject = str(p.data.get("title") or p.data.get("text") or "")[:160].strip().rstrip(".")
    draft.parts.append(f"Thời hạn: {due} (nhiệm vụ: {subject}). {label(doc.filename, held[0])}")
    draft.cite(doc, src, [p.line])
    cite_text(draft, doc, src, p.line, subject)
    return draft


# "định kỳ bao lâu", "mấy tháng một lần": how often, as a document says it ("định kỳ hàng quý, 6 tháng,
# hàng năm", "hằng tháng").
_HOW_OFTEN = re.compile(r"\bbao lau( mot lan)?\b|\bmay thang mot lan\b")
EVERY = re.compile(r"\b(?:[Đđ]ịnh kỳ|[Hh][ằà]ng)\s+(?:năm|quý|tháng|tuần)\b|\b\d+\s+tháng\b")


def _how_often(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts],
               lines: Lines) -> Draft | None:
    said = [s for s in sentences(corpus, q, documents, EVERY) if s.coverage >= MIN_COVERAGE]
    if not said:
        return None
    best = said[0]
    draft = Draft()
    draft.cite(best.document, lines(best.document), best.lines)
    draft.parts.append(f"Định kỳ: {', '.join(m.group(0) for m in EVERY.finditer(best.text))} "
                       f"(“{best.text.rstrip('.')}”). {label(best.document.filename, best.lines[0])}")
    return draft


def _nearest_time(sentence: str, q: Question) -> str:
    """Of the times a sentence gives, the one whose stretch (up to the next time) holds most of the
    words the question asks about ("Đến năm 2025: ... Đến năm 2030: ...; tự cân đối được ngân
    sách"); the first on a tie."""
    times = list(WHEN.finditer(sentence))
    if len(times) == 1:
        return times[0].group(0)
    ends = [m.start() for m in times[1:]] + [len(sentence)]
    asked = set(q.content)
    held = [len(asked & set(words(sentence[m.start():end]))) for m, end in zip(times, ends, strict=True)]
    return times[held.index(max(held))].group(0)
