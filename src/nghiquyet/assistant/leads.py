"""Who leads and who supports a task ("ai chủ trì", "đơn vị nào phối hợp", "ai được giao"): the
assignments of the duty asked about, or of the sentence that says it when a duty runs on past its
first sentence, cited at their lines."""

from __future__ import annotations

from collections.abc import Callable

from nghiquyet.assistant.compose import Draft, cite_text, names_with_lines
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.normalise import fold
from nghiquyet.assistant.passages import DocumentFacts, Passage
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import Scored, rank
from nghiquyet.assistant.sentences import SENTENCE_COVERAGE, Sentence, sentences
from nghiquyet.assistant.store import StoredCorpus

Lines = Callable[[DocumentFacts], tuple[str, ...]]


def lead(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], lines: Lines) -> Draft | None:
    found = [s for s in rank(corpus, q, ["task", "assignment"], documents, years=False, minimum=0.5)
             if s.passage.kind == "assignment" or s.passage.data.get("lead") or s.passage.data.get("support")]
    best = next((s for s in found if s.passage.kind == "assignment" and s.score >= found[0].score * 0.9),
                found[0]) if found else None
    owner, said = _owner_of_sentence(corpus, q, documents, best)
    if owner is not None:
        best = owner
    if best is None:
        return None
    doc, p = best.document, best.passage
    src = lines(doc)
    draft = Draft()
    if p.kind == "assignment":
        same = _same_duty(corpus.passages(doc), p)
        leads = list(dict.fromkeys(a.data["body"] for a in same if a.data.get("role") == "lead"))
        support = list(dict.fromkeys(a.data["body"] for a in same if a.data.get("role") != "lead"))
        first = next((a for a in same if a.data.get("role") == "lead"), p)
        duty = str(first.data.get("duty") or "")
        draft.cite(doc, src, sorted({a.line for a in same}))
    else:
        leads, support = list(p.data.get("lead") or []), list(p.data.get("support") or [])
        duty = str(p.data.get("title") or p.data.get("text") or "")[:160]
    draft.cite(doc, src, [p.line])
    cite_text(draft, doc, src, p.line, duty.strip().rstrip("."))
    names_with_lines(draft, doc, src, leads + support, p.line)
    text = f"Chủ trì: {'; '.join(leads)}." if leads else ""
    if support:
        text += f" Phối hợp: {'; '.join(support)}."
    draft.parts.append(f"{text.strip()} Nhiệm vụ: {duty.strip().rstrip('.')}. {label(doc.filename, p.line)}")
    if said is not None:  # the sentence of the duty that says what was asked
        draft.cite(doc, src, said.lines)
        draft.parts.append(f"{said.text.rstrip('.')}. {label(doc.filename, said.lines[0])}")
    return draft


OWNER_SPAN = 8  # lines above a sentence where the assignment it belongs to may open


def _owner_of_sentence(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts],
                       best: Scored | None) -> tuple[Scored | None, Sentence | None]:
    """The assignment whose duty goes on into the sentence that says the question, when the best
    assignment found says much less of it: an assignment's duty is its first sentence ("Văn phòng
    Đảng ủy: Chủ trì, phối hợp theo dõi ... Tham mưu đẩy mạnh chuyển đổi số ...")."""
    own = corpus.coverage(q, (best.passage.words,)) if best else 0.0
    for s in sentences(corpus, q, documents):
        if s.coverage < max(SENTENCE_COVERAGE, own + 0.05):
            break
        above = [p for p in corpus.passages(s.document) if p.kind == "assignment"
                 and s.lines[0] - OWNER_SPAN <= p.line <= s.lines[0]]
        if above:
            return Scored(max(above, key=lambda p: p.line), s.document, s.coverage), s
    return None, None


def _same_duty(passages: tuple[Passage, ...], chosen: Passage) -> list[Passage]:
    """The assignments of one duty: the leads sharing it, and those "phối hợp với <lead> <duty>"
    a few lines on ("Ban Tổ chức Tỉnh ủy chủ trì, phối hợp các ban của Tỉnh ủy ..." is written as
    two assignments, the support's duty holding the lead's)."""
    def duty(a: Passage) -> str:
        return " ".join(fold(str(a.data.get("duty") or "")).split())
    own = duty(chosen)
    out = [a for a in passages if a.kind == "assignment" and abs(a.line - chosen.line) <= 6 and duty(a)
           and (duty(a) == own or duty(a).endswith(" " + own) or own.endswith(" " + duty(a)))]
    return out or [chosen]
