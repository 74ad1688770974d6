"""Who did something a person does ("đồng chí nào kết luận buổi làm việc", "ai phát biểu chỉ đạo"):
the sentence naming the person ("đồng chí Nguyễn Thái Học, Quyền Bí thư Tỉnh ủy kết luận như
sau"), not a body assigned a task. Bodies lead and support tasks; people conclude, speak, chair.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nghiquyet.assistant.compose import Draft
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.normalise import fold, words
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import PAIRS_WEIGHT, RUN_WEIGHT, run_length
from nghiquyet.assistant.sentences import SENTENCE_COVERAGE, Sentence, sentences
from nghiquyet.assistant.store import StoredCorpus

Lines = Callable[[DocumentFacts], tuple[str, ...]]

# What a person does at a meeting or in a document, which no assignment gives a body.
_PERSON_ACTS = re.compile(r"\b(ket luan|phat bieu|chu tri (buoi|hoi nghi|cuoc hop|phien)|du (hop|hoi nghi)"
                          r"|trinh bay|bao cao tai)\b")
_WHO = re.compile(r"\b(ai|dong chi nao|nguoi nao|ong nao|ba nao)\b")
_UPPER = "A-ZĐÀ-ỸÁÂĂÉÊÍÓÔƠÚƯÝ"
_NAME_WORD = rf"[{_UPPER}][a-zà-ỹđ]+"
# "đồng chí Nguyễn Thái Học": two to four capitalised words after "đồng chí" (not a title alone).
_PERSON = re.compile(rf"\b[đĐ]ồng chí\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})")
_TITLES = frozenset({"quyen", "bi", "chu", "pho", "truong", "giam", "uy", "tinh", "thuong", "ban"})


def asks_person(q: Question) -> bool:
    return bool(_WHO.search(q.folded) and _PERSON_ACTS.search(q.folded))


def _named_person(text: str) -> str | None:
    for m in _PERSON.finditer(text):
        name = m.group(1)
        if fold(name.split()[0]) not in _TITLES:
            return name
    return None


def person(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], lines: Lines) -> Draft | None:
    """The sentence that says the question and names a person (None when none does)."""
    best: tuple[float, Sentence, str] | None = None
    for s in sentences(corpus, q, documents):
        name = _named_person(s.text)
        if name is None:
            continue
        sequence = words(s.text)
        joined = f" {' '.join(sequence)} "
        cover = corpus.coverage(q, (frozenset(sequence), s.document.title_words))
        if cover < SENTENCE_COVERAGE:
            continue
        pairs = sum(p in joined for p in q.pairs) / len(q.pairs) if q.pairs else 0.0
        score = cover + PAIRS_WEIGHT * pairs + RUN_WEIGHT * run_length(q.folded, joined)
        if best is None or score > best[0]:
            best = (score, s, name)
    if best is None:
        return None
    _, s, name = best
    draft = Draft()
    draft.cite(s.document, lines(s.document), s.lines)
    draft.parts.append(f"Đồng chí {name} (“{s.text.rstrip('.')}”). {label(s.document.filename, s.lines[0])}")
    return draft
