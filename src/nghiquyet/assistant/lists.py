"""List questions ("những dự án, công trình nào ...", "kể tên các khu công nghiệp ..."): the named works
of the task asked about, cited at the lines that name them."""

from __future__ import annotations

import re
from collections.abc import Callable

from nghiquyet.assistant.compose import Draft, cite_text, names_with_lines
from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.models import AssistantPassage
from nghiquyet.assistant.normalise import fold, words
from nghiquyet.assistant.passages import DocumentFacts, Passage
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import Scored, named_bonus, rank
from nghiquyet.assistant.sources import locate
from nghiquyet.assistant.store import StoredCorpus
from nghiquyet.assistant.works import works_in
from nghiquyet.extract.text.normalise import UPPER

Lines = Callable[[DocumentFacts], tuple[str, ...]]

_PROJECT_WORDS = frozenset(words("dự án công trình khu công nghiệp cao tốc tuyến đường trọng điểm"))
_WORKS = re.compile(r"\b(?:khu|cum|du an|cong trinh|cao toc|tuyen duong|duong vanh dai|cang|san bay|"
                    r"ho chua|nha may|san van dong|trung tam hanh chinh|benh vien|cau|tuyen pho)\b")
_PROPER = re.compile(rf"\s[{UPPER}]")


def projects(corpus: StoredCorpus, q: Question, documents: list[DocumentFacts], lines: Lines) -> Draft | None:
    narrowed = Question(**{**q.__dict__, "content": tuple(w for w in q.content if w not in _PROJECT_WORDS),
                           "pairs": tuple(p for p in q.pairs if not set(p.split()) & _PROJECT_WORDS)})
    pool = [s for s in rank(corpus, narrowed, ["task"], documents, years=False, minimum=0.5)
            if s.passage.data.get("projects") or project_sentences(s.passage.text)]
    if not pool:
        if narrowed.content:
            return None
        pool = [Scored(p, d, 1.0) for d, p in corpus.where(
            documents, AssistantPassage.kind == "task", AssistantPassage.projects > 0, limit=20)]
    if not pool:
        return None
    best = max(pool, key=lambda s: (s.score + named_bonus(q, s), -pool.index(s)))
    doc, p = best.document, best.passage
    src = lines(doc)
    draft = Draft()
    names, sentences = _works_asked(corpus, narrowed, p)
    if names:
        for sentence in sentences:
            cite_text(draft, doc, src, p.line, sentence)
        names_with_lines(draft, doc, src, names, p.line, 300)
        named = "; ".join(names)
        draft.parts.append(f"Các dự án, công trình được nêu: {named}. {label(doc.filename, p.line)}")
        return draft
    # No name the extraction's rule can read: quote the task's own sentences that name works.
    sentences = [s for s in project_sentences(p.text) if locate(src, p.line, s)]
    if not sentences:
        return None
    for sentence in sentences:
        draft.cite(doc, src, locate(src, p.line, sentence))
    draft.parts.append(f"Nhiệm vụ nêu: {' '.join(sentences)} {label(doc.filename, p.line)}")
    return draft


def _sentences(text: str) -> list[str]:
    """The task's sentences and clauses (". ", "; ", ": ", a new line), brackets kept whole: a list
    in brackets is one clause ("(tuyến đường ...; Sân vận động tỉnh; ...)")."""
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")") if depth or ch == "(" else 0
        if depth == 0 and (ch == "\n" or (ch in ".;:" and text[i + 1:i + 2] in (" ", "\n", ""))):
            out.append(text[start:i + 1])
            start = i + 1
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def _works_asked(corpus: StoredCorpus, q: Question, task: Passage) -> tuple[list[str], list[str]]:
    """The works the question asks about and the sentences naming them: those of the task's
    sentence that says most of what the question says besides "dự án, công trình" ("các khu công
    nghiệp cần hoàn thiện hạ tầng"), or every work of the task when no sentence naming works says
    more of it than the others (the question names the task, not its works)."""
    listed = [str(n) for n in task.data.get("projects") or []]
    sentences = _sentences(task.text)
    scored = [(corpus.coverage(q, (frozenset(words(s)),)), s) for s in sentences]
    with_works = [(score, s) for score, s in scored if works_in(s)]
    top = max((score for score, _ in scored), default=0.0)
    if with_works and q.content and max(score for score, _ in with_works) >= top > 0:
        best = max(score for score, _ in with_works)
        chosen = [s for score, s in with_works if score >= best * 0.999]
        # The extraction's names where a chosen sentence holds them; the rewritten forms for the rest.
        keep = [n for n in listed if any(fold(n) in fold(s) for s in chosen)]
        return _merge(keep, [n for s in chosen for n in works_in(s)]), chosen
    return _merge(listed, [n for s in sentences for n in works_in(s)]), []


def _merge(first: list[str], more: list[str]) -> list[str]:
    """`first`, then each of `more` that is not one of them written shorter or longer."""
    out = list(first)
    for name in more:
        if not any(fold(name) in fold(k) or fold(k) in fold(name) for k in out):
            out.append(name)
    return out


def project_sentences(text: str) -> list[str]:
    """Up to three sentences of a task that name works (khu, dự án, cao tốc, cảng...), as written;
    those naming one (a capitalised name after their first word) first."""
    out = [s.strip() for s in re.split(r"(?<=[.;])\s+|\n", text) if _WORKS.search(fold(s)) and len(s) <= 400]
    named = [s for s in out if _PROPER.search(s[1:])]
    chosen = set((named + [s for s in out if s not in named])[:3])
    return [s for s in out if s in chosen]
