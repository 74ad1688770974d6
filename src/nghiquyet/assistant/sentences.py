"""Sentences of the documents' own text that say what a question asks, found through the search index.

The extraction turns a document into targets, results, tasks and assignments; some answers are in
none of them ("Đến năm 2030: Là tỉnh phát triển khá toàn diện của cả nước; tự cân đối được ngân
sách" sits in a document's goals). The lines holding the question's word pairs are found in the
search index (one query), each is widened to the sentence it belongs to, and the sentences are
scored as passages are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import column, func, literal_column, select, table, text
from sqlalchemy.sql import ColumnElement

from nghiquyet.assistant.normalise import words
from nghiquyet.assistant.passages import DocumentFacts
from nghiquyet.assistant.question import Question
from nghiquyet.assistant.retrieve import PAIRS_WEIGHT, RUN_WEIGHT, run_length
from nghiquyet.assistant.store import StoredCorpus
from nghiquyet.search.models import SearchEntry

SENTENCE_COVERAGE = 0.9  # a sentence answers on its own only when it says nearly all the question
HITS = 200  # lines a question's pairs may pick, best first
WINDOW = 8  # lines either side of a hit that its sentence may span
_FTS = table("search_fts", column("rowid"), column("words"))  # SQLite: the search index's FTS5 table
_ITEM = re.compile(r"(?:[-+•]\s|\(?\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|[IVX]+\.\s)")
_END = re.compile(r"(?<=[.!?])\s+(?=[^\s\d])")


@dataclass(frozen=True)
class Sentence:
    document: DocumentFacts
    text: str
    lines: tuple[int, ...]  # the source lines it spans
    score: float  # coverage plus the tie-breakers (pairs, runs of words in the question's order)
    coverage: float = 0.0  # the share of the question's content it says


def _hits(corpus: StoredCorpus, q: Question,
          documents: Sequence[DocumentFacts]) -> list[tuple[int, int, int]]:
    """(entry id, document id, line) of the lines holding one of the question's pairs, best first."""
    terms = [p.split() for p in q.pairs] or [[w] for w in q.content]
    if not terms or not documents:
        return []
    e = SearchEntry
    if corpus.session.get_bind().dialect.name == "sqlite":
        match = " OR ".join('"' + " ".join(t) + '"' for t in terms)
        # FTS5's own `rank` (bm25 unless configured otherwise): it sorts faster than bm25() called.
        fts: ColumnElement[Any] = literal_column("search_fts.rank")
        stmt = (select(e.id, e.line_document_id, e.line).join_from(e, _FTS, _FTS.c.rowid == e.id)
                .where(text("search_fts MATCH :match").bindparams(match=match)).order_by(fts))
    else:
        query = " | ".join("(" + " <-> ".join(t) + ")" for t in terms)
        tsquery = func.to_tsquery(literal_column("'simple'"), query)
        tsv: ColumnElement[Any] = literal_column("search_entries.tsv")
        stmt = select(e.id, e.line_document_id, e.line).where(tsv.op("@@")(tsquery)).order_by(
            func.ts_rank(tsv, tsquery).desc())
    stmt = stmt.where(e.kind == "line", e.line_document_id.in_(sorted(d.document_id for d in documents)))
    return [(int(i), int(d), int(n)) for i, d, n in corpus.session.execute(stmt.limit(HITS)) if d and n]


def _split(line_at: Callable[[int], str | None], first: int, last: int) -> list[tuple[str, tuple[int, ...]]]:
    """Every sentence of lines `first`..`last`, in order, each with the lines it spans (a sentence
    ends at ". " and where a line opens an item: "- ", "5. ", "(12) ", "a) ")."""
    spans: list[tuple[int, int]] = []  # (offset in the joined text, line number)
    parts: list[str] = []
    at = 0
    for n in range(max(1, first), last + 1):
        current = " ".join((line_at(n) or "").split())
        if current:
            spans.append((at, n))
            parts.append(current)
            at += len(current) + 1
    joined = " ".join(parts)
    starts = sorted({0, *(m.end() for m in _END.finditer(joined)),
                     *(off for off, n in spans if _ITEM.match(" ".join((line_at(n) or "").split())))})
    out = []
    for begin, end in zip(starts, [*starts[1:], len(joined)], strict=True):
        text = joined[begin:end].strip()
        covered = tuple(n for i, (off, n) in enumerate(spans)
                        if off < end and (spans[i + 1][0] if i + 1 < len(spans) else at) > begin)
        if text:
            out.append((text, covered))
    return out


def sentences_near(lines: Sequence[str], line: int, span: int) -> list[tuple[str, tuple[int, ...]]]:
    """Every sentence of the lines within `span` of `line` (numbered from 1), in order, each with
    the lines it spans (a paragraph typed as one line holds several)."""
    return _split(lambda n: lines[n - 1] if 0 < n <= len(lines) else "", line - span, line + span)


def sentences(corpus: StoredCorpus, q: Question, documents: Sequence[DocumentFacts],
              pattern: re.Pattern[str] | None = None) -> list[Sentence]:
    """Sentences around the lines holding the question's pairs (those matching `pattern` when
    given), best first: covered share of the question's content, then its pairs and word runs."""
    by_id = {d.document_id: d for d in documents}
    seen: set[tuple[int, str]] = set()
    out: list[Sentence] = []
    hits = _hits(corpus, q, documents)
    # Only the lines around each hit are read (a whole document's lines for each of up to HITS
    # documents was most of a question's time with 1,000 documents loaded).
    around = corpus.line_windows(hits, WINDOW)
    for _, doc_id, line in hits:
        doc = by_id[doc_id]
        near = around.get(doc_id, {})
        # Every sentence on the hit line: a paragraph typed as one line holds several.
        for sentence, span in _split(near.get, line - WINDOW, line + WINDOW):
            if line not in span or (doc_id, sentence) in seen or (pattern and not pattern.search(sentence)):
                continue
            seen.add((doc_id, sentence))
            sequence = words(sentence)
            joined = f" {' '.join(sequence)} "
            score = corpus.coverage(q, (frozenset(sequence),))
            pairs = sum(p in joined for p in q.pairs) / len(q.pairs) if q.pairs else 0.0
            out.append(Sentence(doc, sentence, span, score + PAIRS_WEIGHT * pairs
                                + RUN_WEIGHT * run_length(q.folded, joined), score))
    out.sort(key=lambda s: (-s.score, s.document.document_id, s.lines))
    return out
