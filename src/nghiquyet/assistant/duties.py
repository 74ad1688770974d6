"""What a unit must do, or what the documents ask about a subject ("Đoàn Thanh niên có nhiệm vụ gì",
"cần làm gì với Trung tâm điện lực Sơn Mỹ", "yêu cầu làm gì để phòng, chống hạn hán"): the
sentence of a task that says the unit or subject, quoted and cited at its lines.

A task's duties run on for several sentences and the extraction keeps only its heading and first
lines, so the answer is read from the documents' own sentences, found through the search index. The
document's title counts for the question too ("theo chương trình hành động, Ủy ban MTTQ ... phải
làm gì": the programme is named by its title, not by the sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nghiquyet.assistant.compose import Draft
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.leads import lead
from nghiquyet.assistant.metadata import asked_type
from nghiquyet.assistant.normalise import fold, words
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import PAIRS_WEIGHT, RUN_WEIGHT, run_length
from nghiquyet.assistant.sentences import SENTENCE_COVERAGE, Sentence, sentences
from nghiquyet.assistant.store import StoredCorpus

Lines = Callable[[DocumentFacts], tuple[str, ...]]
NAMED_RUN = 3
MIN_WORDS = 6  # a heading alone ("5. Ban Chấp hành Đoàn Thanh niên:") says no duty


def _rescored(corpus: StoredCorpus, q: Question, s: Sentence) -> tuple[float, float]:
    """(coverage with the document's title, score with pairs and the run of words in order)."""
    sequence = words(s.text)
    joined = f" {' '.join(sequence)} "
    cover = corpus.coverage(q, (frozenset(sequence), s.document.title_words))
    pairs = sum(p in joined for p in q.pairs) / len(q.pairs) if q.pairs else 0.0
    return cover, cover + PAIRS_WEIGHT * pairs + RUN_WEIGHT * run_length(q.folded, joined)


# The head of a unit's name, with its marks or opening a question typed without them ("so" alone is
# also "số" of "chuyển đổi số").
_UNIT_MARKED = re.compile(r"\b(sở|ban|ủy ban|uỷ ban|văn phòng|đoàn|hội|mặt trận|đảng ủy|đảng uỷ|công an"
                          r"|chi bộ|bộ chỉ huy|ubnd|mttq)\b")
_UNIT_BARE = re.compile(r"^(so|ban|uy ban|van phong|doan|hoi|mat tran|dang uy|cong an|chi bo|bo chi huy)\b")


def _names_unit(q: Question) -> bool:
    lowered = q.text.lower()
    return bool(_UNIT_MARKED.search(lowered) if fold(lowered) != lowered else _UNIT_BARE.search(q.folded))


def _named_run(q: Question, joined: str) -> int:
    """The most content words of one stretch of the question that the sentence says word for word
    (stopwords inside the stretch are said too: "festival hoa đà lạt", whose "đà" is "đã")."""
    tokens = re.findall(r"[a-z0-9]+", q.folded)
    content = set(q.content)
    best = 0
    for i in range(len(tokens)):
        j = i + 1
        while j <= len(tokens) and f" {' '.join(tokens[i:j])} " in joined:
            j += 1
        best = max(best, sum(t in content for t in tokens[i:j - 1]))
    return best


def duty(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], lines: Lines) -> Draft | None:
    """The sentence that says nearly all the question, else the duty of the assignment asked about."""
    if not q.content:
        return None
    # "thông báo kết luận yêu cầu gì": the documents of the type named, when there are any.
    asked = asked_type(q)
    documents = [d for d in documents if d.doc_type == asked] or documents if asked else documents
    scored = []
    # The unit or subject named must stand whole in the sentence ("Sở Y tế", not "y tế" of a health
    # task): the question's content words, in its order, side by side for three words at least.
    # A unit named ("Sở Y tế", "Ban Tuyên giáo") must stand whole; a subject, two words together.
    needed = min(NAMED_RUN if _names_unit(q) else 2, len(q.content))
    for s in sentences(corpus, q, documents):
        if len(words(s.text)) < MIN_WORDS or _named_run(q, f" {' '.join(words(s.text))} ") < needed:
            continue
        cover, score = _rescored(corpus, q, s)
        if cover >= SENTENCE_COVERAGE:
            scored.append((score, s))
    if not scored:
        # "Ban Tuyên giáo chủ trì việc gì": an assignment's duty, found as a lead question finds it.
        return lead(corpus, q, documents, lines)
    # An indicator's line is a figure to reach, not a duty ("(17) Đoàn Thanh niên ... xếp loại hoàn
    # thành tốt nhiệm vụ"): a task's sentence goes first when there is one.
    held = {s.document.document_id: s.document for _, s in scored}
    targets = {(d.document_id, line) for d in held.values() for line, _, _ in corpus.groups(d)}
    scored.sort(key=lambda t: ((t[1].document.document_id, t[1].lines[0]) in targets, -t[0],
                               t[1].document.document_id, t[1].lines))
    best = scored[0][1]
    draft = Draft()
    draft.cite(best.document, lines(best.document), best.lines)
    draft.parts.append(f"{best.text.rstrip('.')}. {label(best.document.filename, best.lines[0])}")
    return draft
