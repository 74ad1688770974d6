"""A document's stored extraction as passages an answer can be built from (pure).

Each passage is one thing the extraction found (a target, a reported result, a task, an assignment)
with the line it came from; the answer composer quotes them and cites that line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from nghiquyet.assistant.normalise import fold, words
from nghiquyet.assistant.question import BODIES, PLACES


@dataclass(frozen=True)
class Passage:
    kind: str  # target, result, task, assignment
    document_id: int
    line: int
    text: str  # what the answer quotes: the extraction's own text of the item
    words: frozenset[str]
    years: frozenset[int]
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    joined: str = ""  # the passage's words in order, spaced: where phrases of the question are looked for
    id: int = 0  # its row in the store (0: not stored)


def _passage(kind: str, document_id: int, line: int, text: str, match: str, years: set[int],
             data: dict[str, Any]) -> Passage:
    return stored_passage(kind, document_id, line, text, " ".join(words(match)), years, data)


def stored_passage(kind: str, document_id: int, line: int, text: str, joined: str, years: Iterable[int],
                   data: dict[str, Any], row: int = 0) -> Passage:
    """A passage from its folded words in order, space-separated (as the store keeps them)."""
    return Passage(kind, document_id, line, text, frozenset(joined.split()), frozenset(years), data,
                   f" {joined} ", row)


@dataclass(frozen=True)
class DocumentFacts:
    document_id: int
    filename: str
    doc_type: str
    years: tuple[int, ...]  # every year the document covers
    metadata: dict[str, Any]
    names: frozenset[str]  # the places and outside bodies (question.PLACES, BODIES) the document names
    title_words: frozenset[str]
    passages: tuple[Passage, ...]
    indicator_groups: tuple[tuple[int, str, str], ...]  # (line, group, text) of every indicator
    passage_years: frozenset[int] = frozenset()  # years its targets and results name
    title_joined: str = ""  # " word word ... ": the title words in order, where pairs are looked for


def named_in(text: str, names: Iterable[str]) -> frozenset[str]:
    """Which of these folded names occur in the folded text (as the old whole-text check read them)."""
    squashed = " ".join(fold(text).split())
    return frozenset(n for n in names if n in squashed)


def document_facts(document_id: int, filename: str, extraction: dict[str, Any],
                   lines: Sequence[str] = ()) -> DocumentFacts:
    """The passages of one document; its opening lines name it as readers do, and its lines and
    extraction say which places and bodies it names."""
    header = " ".join([t for t in lines[:40] if t.strip()][:12])
    meta = extraction.get("metadata") or {}
    span = [y for y in (meta.get("years") or []) if isinstance(y, int)]
    years = tuple(range(span[0], span[-1] + 1)) if span else ()
    passages: list[Passage] = []
    for ind in extraction.get("indicators") or []:
        for target in ind.get("targets") or []:
            year = target.get("year")
            covers = {year} if isinstance(year, int) else set(years)
            passages.append(_passage("target", document_id, int(ind.get("line") or 0), ind.get("text") or "",
                                     f"{target.get('metric') or ''} {ind.get('text') or ''}",
                                     covers, {**target, "group": ind.get("group")}))
    for res in extraction.get("results") or []:
        period = str(res.get("period") or "")
        year = int(period[:4]) if period[:4].isdigit() else None
        passages.append(_passage("result", document_id, int(res.get("line") or 0), res.get("text") or "",
                                 f"{res.get('metric') or ''} {res.get('text') or ''}",
                                 {year} if year else set(), dict(res)))
    for task in extraction.get("tasks") or []:
        body = " ".join(str(task.get(k) or "") for k in ("title", "text"))
        passages.append(_passage("task", document_id, int(task.get("line") or 0), body,
                                 body + " " + " ".join(task.get("projects") or []), set(years), dict(task)))
    for asg in extraction.get("assignments") or []:
        duty = f"{asg.get('body') or ''} {asg.get('duty') or ''}"
        passages.append(_passage("assignment", document_id, int(asg.get("line") or 0), duty, duty,
                                 set(years), dict(asg)))
    text = json.dumps(extraction, ensure_ascii=False) + " " + " ".join(lines)
    groups = tuple((int(i.get("line") or 0), str(i.get("group") or ""), str(i.get("text") or ""))
                   for i in extraction.get("indicators") or [])
    title = " ".join(str(meta.get(k) or "") for k in ("title", "issuer", "number", "doc_type"))
    if meta.get("term"):
        title += f" khóa {meta['term']}"
    title += " " + header
    passage_years = frozenset(y for p in passages if p.kind in ("target", "result") for y in p.years)
    title_sequence = words(title + " " + filename)
    return DocumentFacts(document_id, filename, str(meta.get("doc_type") or "other"), years, meta,
                         named_in(text, (*PLACES, *BODIES)), frozenset(title_sequence),
                         tuple(passages), groups, passage_years, f" {' '.join(title_sequence)} ")
