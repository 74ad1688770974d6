"""The assistant's facts kept in the database: written on import and review, read a few rows per question.

Writing: a flush hook (like search's; `hooks.py`) rewrites a document's facts whenever a flush inserts it or
changes its extraction or review, on the flush's connection, so the facts commit or roll back with
the write. The lines come from the search index, which the search hook filled earlier in the same
flush (search.models is registered before assistant.models).

Reading: `StoredCorpus` answers what `retrieve` needs: the documents' facts (small rows), the
rarity of the question's words (assistant_terms) and the passages that hold the question's phrases
(full-text index, best first, at most CANDIDATES), plus one document's passages or lines on demand.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, Text, cast, delete, func, insert, literal_column, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from nghiquyet.assistant.models import AssistantDocument, AssistantPassage, AssistantTerm
from nghiquyet.assistant.passages import DocumentFacts, Passage, document_facts, stored_passage
from nghiquyet.assistant.question import SOFT_WEIGHT, Question
from nghiquyet.documents.models import Document
from nghiquyet.search.models import SearchEntry

CANDIDATES = 500  # passages a question's phrases may pick before they are scored one by one
_DOCS: Table = AssistantDocument.__table__  # type: ignore[assignment]
_PASSAGES: Table = AssistantPassage.__table__  # type: ignore[assignment]
_TERMS: Table = AssistantTerm.__table__  # type: ignore[assignment]
_DIGITS = re.compile(r"\d+")


def _source_lines(conn: Connection, document_id: int) -> list[str]:
    rows = conn.execute(select(SearchEntry.line, SearchEntry.text).where(
        SearchEntry.line_document_id == document_id, SearchEntry.kind == "line")).all()
    if not rows:
        return []
    out = [""] * max(int(r[0] or 0) for r in rows)
    for n, line_text in rows:
        if n:
            out[n - 1] = line_text
    return out


def _term_counts(joined: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for words in joined:
        counts.update(w for w in set(words.split()) if len(w) <= 80)
    return counts


def _add_terms(conn: Connection, counts: Counter[str], sign: int) -> None:
    if not counts:
        return
    # The dialect's own upsert, imported for the dialect in use only (PostgreSQL's costs 30 ms to import).
    build: Any
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as build
    else:
        from sqlalchemy.dialects.postgresql import insert as build
    # Sorted: two imports at once lock the rows in the same order (no deadlock on PostgreSQL).
    rows = [{"word": w, "passages": sign * n} for w, n in sorted(counts.items())]
    stmt = build(_TERMS)
    conn.execute(stmt.on_conflict_do_update(index_elements=["word"],
                                            set_={"passages": _TERMS.c.passages + stmt.excluded.passages}),
                 rows)


def forget(conn: Connection, document_id: int) -> None:
    """Remove one document's facts and take its words out of the counts."""
    old = conn.execute(select(_PASSAGES.c.words).where(_PASSAGES.c.document_id == document_id)).scalars()
    counts = _term_counts(old)
    if counts:
        counts[""] = sum(1 for _ in conn.execute(
            select(_PASSAGES.c.id).where(_PASSAGES.c.document_id == document_id)))
        _add_terms(conn, counts, -1)
    conn.execute(delete(_PASSAGES).where(_PASSAGES.c.document_id == document_id))
    conn.execute(delete(_DOCS).where(_DOCS.c.document_id == document_id))


def store_document(conn: Connection, doc: Document) -> None:
    """(Re)write one document's facts from its effective extraction."""
    forget(conn, doc.id)
    facts = document_facts(doc.id, doc.filename, doc.effective_extraction, _source_lines(conn, doc.id))
    conn.execute(insert(_DOCS), [{
        "document_id": doc.id, "filename": facts.filename, "doc_type": facts.doc_type,
        "years": list(facts.years), "passage_years": sorted(facts.passage_years), "meta": facts.metadata,
        "title_words": facts.title_joined.strip(), "names": " | ".join(sorted(facts.names)),
        "groups": [list(g) for g in facts.indicator_groups]}])
    rows = [{"document_id": doc.id, "kind": p.kind, "line": p.line, "text": p.text, "words": p.joined.strip(),
             "years": sorted(p.years), "unit": _unit(p), "projects": len(p.data.get("projects") or []),
             "data": p.data} for p in facts.passages]
    if rows:
        conn.execute(insert(_PASSAGES), rows)
        counts = _term_counts(p.joined for p in facts.passages)
        counts[""] = len(rows)
        _add_terms(conn, counts, 1)


def _unit(p: Passage) -> str | None:
    unit = p.data.get("unit")
    return str(unit)[:40] if p.kind == "result" and unit else None


class StoredCorpus:
    """What one question reads from the store (built per question: nothing is cached across asks)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._idf: dict[str, float] = {}
        self._total = 1
        self._passages: dict[int, tuple[Passage, ...]] = {}
        self._lines: dict[int, tuple[str, ...]] = {}
        # Only the light columns of every document (a few hundred bytes each); metadata and indicator
        # lists are read for the one document an answer is built from (`meta`, `groups`).
        light = [_DOCS.c.document_id, _DOCS.c.filename, _DOCS.c.doc_type, _DOCS.c.names,
                 _DOCS.c.title_words, cast(_DOCS.c.years, Text), cast(_DOCS.c.passage_years, Text)]
        self.documents = tuple(_light_facts(tuple(row)) for row in session.execute(
            select(*light).order_by(_DOCS.c.document_id)))
        self._meta: dict[int, tuple[dict[str, Any], tuple[tuple[int, str, str], ...]]] = {}
        self._by_id = {d.document_id: d for d in self.documents}

    # Rarity --------------------------------------------------------------------------------------
    def prepare(self, question: Question) -> None:
        wanted = sorted({*question.content, ""})
        counts = dict(self.session.execute(select(_TERMS.c.word, _TERMS.c.passages).where(
            _TERMS.c.word.in_(wanted))).all())
        self._total = max(int(counts.get("", 0)), 1)
        self._idf = {w: math.log(1 + self._total / (1 + max(int(counts.get(w, 0)), 0))) for w in wanted if w}

    def word_uses(self, words: Iterable[str], lines: bool = False) -> dict[str, int]:
        """How many passages use each word; with `lines`, a word that only a document line uses
        counts 1 (one indexed lookup per such word: a question has few words no passage holds)."""
        wanted = sorted(set(words))
        out: dict[str, int] = {}
        for chunk in range(0, len(wanted), 900):
            out.update((w, int(n)) for w, n in self.session.execute(
                select(_TERMS.c.word, _TERMS.c.passages).where(
                    _TERMS.c.word.in_(wanted[chunk:chunk + 900]), _TERMS.c.passages > 0)))
        if lines:
            for word in (w for w in wanted if w not in out and w.isalnum()):
                if self._in_some_line(word):
                    out[word] = 1
        return out

    def says_phrase(self, words: Sequence[str]) -> bool:
        """Some document line holds these folded words side by side ("05 ctr tu")."""
        if not words:
            return False
        if self.session.get_bind().dialect.name == "sqlite":
            found = self.session.execute(text("SELECT 1 FROM search_fts WHERE search_fts MATCH :w LIMIT 1"),
                                         {"w": '"' + " ".join(words) + '"'}).first()
        else:
            found = self.session.execute(text(
                "SELECT 1 FROM search_entries WHERE tsv @@ to_tsquery('simple', :w) LIMIT 1"),
                {"w": " <-> ".join(words)}).first()
        return found is not None

    def _in_some_line(self, word: str) -> bool:
        if self.session.get_bind().dialect.name == "sqlite":
            found = self.session.execute(text("SELECT 1 FROM search_fts WHERE search_fts MATCH :w LIMIT 1"),
                                         {"w": f'"{word}"'}).first()
        else:
            found = self.session.execute(text(
                "SELECT 1 FROM search_entries WHERE tsv @@ to_tsquery('simple', :w) LIMIT 1"),
                {"w": word}).first()
        return found is not None

    def idf(self, word: str) -> float:
        if word not in self._idf:
            self._idf[word] = math.log(1 + self._total)
        return self._idf[word]

    def coverage(self, question: Question, words: Iterable[frozenset[str]]) -> float:
        content = set(question.content)
        if not content:
            return 0.0
        union: set[str] = set()
        for group in words:
            union |= group
        soft = set(question.soft)

        def weight(w: str) -> float:
            return self.idf(w) * (SOFT_WEIGHT if w in soft else 1.0)
        total = sum(weight(w) for w in content)
        return sum(weight(w) for w in content & union) / total if total else 0.0

    # Passages ------------------------------------------------------------------------------------
    def _passage(self, r: Any) -> Passage:
        return stored_passage(r.kind, r.document_id, r.line, r.text, r.words, r.years, r.data, r.id)

    def candidates(self, question: Question, kinds: Sequence[str],
                   documents: Sequence[DocumentFacts]) -> list[tuple[DocumentFacts, Passage]]:
        """Passages of these kinds and documents that hold one of the question's word pairs (or,
        when it has none, one of its content words), best matches first, at most CANDIDATES.

        Light rows (words, years) only: the text and data of a passage are read by `complete` for
        the few that score, since decoding JSON for thousands of rows was most of a question's time."""
        terms = [p.split() for p in question.pairs] or [[w] for w in question.content]
        if not terms:
            return []
        allowed = {d.document_id for d in documents}
        columns = [_PASSAGES.c.id, _PASSAGES.c.kind, _PASSAGES.c.document_id, _PASSAGES.c.line,
                   _PASSAGES.c.words, cast(_PASSAGES.c.years, Text).label("years")]
        if self.session.get_bind().dialect.name == "sqlite":
            # A pair side by side or one word apart (retrieve.holds_pair keeps the order).
            match = " OR ".join(f'NEAR({" ".join(chr(34) + w + chr(34) for w in t)}, 1)' if len(t) == 2
                                else '"' + " ".join(t) + '"' for t in terms)
            # FTS5's own `rank` (bm25 unless configured otherwise): it sorts faster than bm25() called.
            fts: ColumnElement[Any] = literal_column("assistant_fts.rank")
            stmt = (select(*columns).select_from(_PASSAGES)
                    .join(text("assistant_fts"), literal_column("assistant_fts.rowid") == _PASSAGES.c.id)
                    .where(text("assistant_fts MATCH :match").bindparams(match=match))
                    .order_by(fts))
        else:
            query = " | ".join(f"({t[0]} <-> {t[1]}) | ({t[0]} <2> {t[1]})" if len(t) == 2
                               else "(" + " <-> ".join(t) + ")" for t in terms)
            tsquery = func.to_tsquery(literal_column("'simple'"), query)
            tsv: ColumnElement[Any] = literal_column("assistant_passages.tsv")
            stmt = select(*columns).where(tsv.op("@@")(tsquery)).order_by(func.ts_rank(tsv, tsquery).desc())
        stmt = stmt.where(_PASSAGES.c.kind.in_(list(kinds)))
        if len(allowed) < len(self.documents):
            stmt = stmt.where(_PASSAGES.c.document_id.in_(sorted(allowed)))
        out = []
        for r in self.session.execute(stmt.order_by(_PASSAGES.c.id).limit(CANDIDATES)):
            doc = self._by_id.get(r.document_id)
            if doc is not None:
                light = stored_passage(r.kind, r.document_id, r.line, "", r.words, _years(r.years), {}, r.id)
                out.append((doc, light))
        return out

    def complete(self, passages: Sequence[Passage]) -> dict[int, Passage]:
        """The full passages (text and data) of these light ones, by id."""
        ids = sorted({p.id for p in passages})
        out: dict[int, Passage] = {}
        for chunk in range(0, len(ids), 500):
            stmt = select(_PASSAGES).where(_PASSAGES.c.id.in_(ids[chunk:chunk + 500]))
            out.update((r.id, self._passage(r)) for r in self.session.execute(stmt))
        return out

    def meta(self, doc: DocumentFacts) -> dict[str, Any]:
        return self._details(doc)[0]

    def groups(self, doc: DocumentFacts) -> tuple[tuple[int, str, str], ...]:
        return self._details(doc)[1]

    def _details(self, doc: DocumentFacts) -> tuple[dict[str, Any], tuple[tuple[int, str, str], ...]]:
        if doc.document_id not in self._meta:
            row = self.session.execute(select(_DOCS.c.meta, _DOCS.c.groups).where(
                _DOCS.c.document_id == doc.document_id)).one()
            self._meta[doc.document_id] = (dict(row[0] or {}), tuple(
                (int(g[0]), str(g[1]), str(g[2])) for g in row[1] or []))
        return self._meta[doc.document_id]

    def where(self, documents: Sequence[DocumentFacts], *conditions: Any,
              limit: int | None = None) -> list[tuple[DocumentFacts, Passage]]:
        """Passages of these documents meeting these conditions on the passages table, in order."""
        allowed = {d.document_id for d in documents}
        stmt = select(_PASSAGES).where(*conditions).order_by(_PASSAGES.c.id).limit(limit)
        if len(allowed) < len(self.documents):
            stmt = stmt.where(_PASSAGES.c.document_id.in_(sorted(allowed)))
        return [(self._by_id[r.document_id], self._passage(r)) for r in self.session.execute(stmt)
                if r.document_id in allowed]

    def passages(self, doc: DocumentFacts) -> tuple[Passage, ...]:
        if doc.document_id not in self._passages:
            self._passages[doc.document_id] = tuple(p for _, p in self.where(
                [doc], _PASSAGES.c.document_id == doc.document_id))
        return self._passages[doc.document_id]

    def line_windows(self, hits: Sequence[tuple[int, int, int]], span: int) -> dict[int, dict[int, str]]:
        """The lines within `span` of each hit (search entry id, document id, line): {document id:
        {line: text}}. A document's lines are indexed in line order (blank ones are not), so its
        entries' ids grow with the line: the lines around a hit are among the ids around its own
        once a line at least `span` before and one at least `span` after it are among them. A
        window where they are not (a document's first or last lines) is read by document and line."""
        wanted = sorted({entry + k for entry, _, _ in hits for k in range(-span, span + 1)})
        rows: dict[int, tuple[int, int, str]] = {}
        e = SearchEntry
        for chunk in range(0, len(wanted), 900):
            ids = wanted[chunk:chunk + 900]
            rows.update((r.id, (r.line_document_id, r.line, r.text)) for r in self.session.execute(
                select(e.id, e.line_document_id, e.line, e.text).where(
                    e.id.between(ids[0], ids[-1]), e.id.in_(ids), e.kind == "line")))
        out: dict[int, dict[int, str]] = {}
        for entry, doc_id, line in hits:
            lines = out.setdefault(doc_id, {})
            if doc_id in self._lines:  # already read whole
                lines.update(enumerate(self._lines[doc_id], 1))
                continue
            near = [(k, rows[entry + k]) for k in range(-span, span + 1)
                    if entry + k in rows and rows[entry + k][0] == doc_id]
            if (any(k <= 0 and n <= line - span for k, (_, n, _) in near)
                    and any(k >= 0 and n >= line + span for k, (_, n, _) in near)):
                lines.update((n, t) for _, (_, n, t) in near if abs(n - line) <= span)
                continue
            lines.update((int(n or 0), t) for n, t in self.session.execute(select(e.line, e.text).where(
                e.line_document_id == doc_id, e.kind == "line", e.line.between(line - span, line + span))))
        return out

    def lines(self, doc: DocumentFacts) -> tuple[str, ...]:
        if doc.document_id not in self._lines:
            self._lines[doc.document_id] = tuple(_source_lines(self.session.connection(), doc.document_id))
        return self._lines[doc.document_id]


# Light facts by the whole stored row they were parsed from: a row that changes is a new key, so a
# hit is never stale; parsing 1,000 rows anew was a fifth of a question's time.
_LIGHT: dict[tuple[Any, ...], DocumentFacts] = {}
_LIGHT_MAX = 50_000


def _light_facts(row: tuple[Any, ...]) -> DocumentFacts:
    facts = _LIGHT.get(row)
    if facts is None:
        doc_id, filename, doc_type, names, title, years, passage_years = row
        facts = DocumentFacts(
            doc_id, filename, doc_type, tuple(_years(years)), {},
            frozenset(n for n in names.split(" | ") if n), frozenset(title.split()), (), (),
            frozenset(_years(passage_years)), f" {title} ")
        if len(_LIGHT) >= _LIGHT_MAX:
            _LIGHT.clear()
        _LIGHT[row] = facts
    return facts


def _years(text: str | None) -> list[int]:
    """A JSON list of years read without the JSON decoder (thousands of rows per question)."""
    return [int(y) for y in _DIGITS.findall(text or "")]


def backfill(session: Session) -> int:
    """Write the facts of documents imported before the store existed; returns how many."""
    have = select(_DOCS.c.document_id)
    missing = session.scalars(select(Document).where(Document.id.not_in(have))).all()
    for doc in missing:
        store_document(session.connection(), doc)
    return len(missing)
