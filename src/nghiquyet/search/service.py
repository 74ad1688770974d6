"""search(): ranked, Vietnamese-folded full-text search over the index, the same results on both databases.

The query is folded to words (fold.words): only letters and digits ever reach FTS5's MATCH or
PostgreSQL's to_tsquery, so no query text can be read as their syntax. Every word must occur
(word order does not matter); SQLite ranks by BM25, PostgreSQL by ts_rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, column, func, literal_column, or_, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from nghiquyet.errors import InputError
from nghiquyet.plans.models import Target
from nghiquyet.search.fold import words
from nghiquyet.search.models import KINDS, SearchEntry
from nghiquyet.search.snippet import snippet
from nghiquyet.tracking.models import Assignment

MAX_QUERY_CHARS = 500
MAX_TERMS = 16
MAX_LIMIT = 200
CANDIDATES = 2000  # matches ranked by an unfiltered search (see _top)
_FTS = table("search_fts", column("rowid"), column("words"))  # SQLite only, built by migration 0003
# PostgreSQL only: the stored to_tsvector('simple', words) of migration 0006.
_TSV: ColumnElement[Any] = literal_column("search_entries.tsv")


class SearchQueryError(InputError):
    """The query cannot be searched (empty, only punctuation, too long, unknown kind)."""


@dataclass(frozen=True)
class Hit:
    kind: str
    doc: str | None
    document_id: int | None
    line: int | None
    text: str
    snippet: str
    score: float
    item_id: int | None
    url: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "doc": self.doc, "document_id": self.document_id, "line": self.line,
                "text": self.text, "snippet": self.snippet, "score": self.score, "item_id": self.item_id,
                "url": self.url}


def query_terms(query: str) -> list[str]:
    """The folded words of a query, each once; SearchQueryError when there is nothing to search."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchQueryError(f"Câu tìm kiếm quá dài ({len(query):,} ký tự); hãy rút gọn dưới "
                               f"{MAX_QUERY_CHARS} ký tự.".replace(",", "."))
    if not query.strip():
        raise SearchQueryError("Hãy nhập từ cần tìm.")
    terms = list(dict.fromkeys(words(query)))[:MAX_TERMS]
    if not terms:
        raise SearchQueryError("Câu tìm kiếm chỉ có dấu câu; hãy nhập chữ hoặc số cần tìm.")
    return terms


def _item_id(e: SearchEntry) -> int | None:
    return e.indicator_id or e.target_id or e.task_id or e.update_id or e.source_unit_id


def _url(e: SearchEntry, indicator_of_target: dict[int, int]) -> str:
    if e.document_id is not None and e.line:
        return f"/van-ban/{e.document_id}#L{e.line}"
    if e.indicator_id is not None:
        return f"/chi-tieu/{e.indicator_id}"
    if e.target_id is not None and e.target_id in indicator_of_target:
        return f"/chi-tieu/{indicator_of_target[e.target_id]}"
    if e.task_id is not None:
        return f"/nhiem-vu/{e.task_id}"
    if e.document_id is not None:
        return f"/van-ban/{e.document_id}"
    return "/don-vi"


def _filters(*, document_id: int | None, year: int | None, doc_type: str | None, unit_id: int | None,
             kinds: Sequence[str] | None) -> list[ColumnElement[bool]]:
    e = SearchEntry
    out: list[ColumnElement[bool]] = []
    if document_id is not None:
        out.append(e.document_id == document_id)
    if year is not None:
        out.append(and_(e.year_start <= year, func.coalesce(e.year_end, e.year_start) >= year))
    if doc_type:
        out.append(e.doc_type == doc_type)
    if unit_id is not None:
        assigned = select(Assignment.indicator_id).where(Assignment.unit_id == unit_id)
        out.append(or_(
            e.unit_id == unit_id,
            e.indicator_id.in_(assigned),
            e.target_id.in_(select(Target.id).where(Target.indicator_id.in_(assigned))),
            e.task_id.in_(select(Assignment.task_id).where(Assignment.unit_id == unit_id)),
        ))
    if kinds:
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise SearchQueryError(f"Loại kết quả không có: {', '.join(unknown)}",
                                   hint=f"chọn trong: {', '.join(KINDS)}")
        out.append(e.kind.in_(list(kinds)))
    return out


def _ranked(session: Session, terms: list[str]) -> Select[Any]:
    if session.get_bind().dialect.name == "sqlite":
        # Terms are letters and digits only; quoting each keeps FTS5 from reading a word as an operator.
        score = (-func.bm25(literal_column("search_fts"))).label("score")
        return (select(SearchEntry, score)
                .join_from(SearchEntry, _FTS, _FTS.c.rowid == SearchEntry.id)
                .where(text("search_fts MATCH :match").bindparams(match=_fts_match(terms))))
    tsquery = _tsquery(terms)
    score = func.ts_rank(_TSV, tsquery).label("score")
    return select(SearchEntry, score).where(_TSV.op("@@")(tsquery))


def _fts_match(terms: list[str]) -> str:
    return " ".join(f'"{t}"' for t in terms)


def _tsquery(terms: list[str]) -> ColumnElement[Any]:
    return func.to_tsquery(literal_column("'simple'"), " & ".join(terms))


def search(session: Session, query: str, *, document_id: int | None = None, year: int | None = None,
           doc_type: str | None = None, unit_id: int | None = None, kinds: Sequence[str] | None = None,
           limit: int = 20) -> list[Hit]:
    """The best `limit` entries holding every word of the query, best first."""
    terms = query_terms(query)
    limit = max(1, min(limit, MAX_LIMIT))
    filters = _filters(document_id=document_id, year=year, doc_type=doc_type, unit_id=unit_id, kinds=kinds)
    if not filters:
        return _hits(session, terms, session.execute(_top(session, terms, limit)).all())
    stmt = _ranked(session, terms).where(*filters)
    rows = session.execute(stmt.order_by(literal_column("score").desc(), SearchEntry.id).limit(limit)).all()
    return _hits(session, terms, rows)


def _top(session: Session, terms: list[str], limit: int) -> Select[Any]:
    """Unfiltered search: the index ranks at most CANDIDATES matches, and only the best `limit` are
    joined to their entries. A word found in most lines ("năm", "và") matches hundreds of thousands
    of rows at 1,000 documents; ranking every one of them cost 0.1-1 s, and past the first few
    thousand such a word ranks nothing in particular anyway. Fewer matches: the full ranking."""
    if session.get_bind().dialect.name == "sqlite":
        score = (-func.bm25(literal_column("search_fts"))).label("score")
        candidates = (select(_FTS.c.rowid.label("rowid"), score).select_from(_FTS)
                      .where(text("search_fts MATCH :match").bindparams(match=_fts_match(terms)))
                      .limit(CANDIDATES).subquery())
    else:
        tsquery = _tsquery(terms)
        candidates = (select(SearchEntry.id.label("rowid"), func.ts_rank(_TSV, tsquery).label("score"))
                      .where(_TSV.op("@@")(tsquery)).limit(CANDIDATES).subquery())
    top = select(candidates).order_by(candidates.c.score.desc(), candidates.c.rowid).limit(limit).subquery()
    return (select(SearchEntry, top.c.score).join(top, top.c.rowid == SearchEntry.id)
            .order_by(top.c.score.desc(), SearchEntry.id))


def _hits(session: Session, terms: list[str], rows: Sequence[Any]) -> list[Hit]:
    target_ids = [r[0].target_id for r in rows if r[0].target_id is not None]
    indicator_of_target: dict[int, int] = {}
    if target_ids:
        indicator_of_target = {tid: iid for tid, iid in session.execute(
            select(Target.id, Target.indicator_id).where(Target.id.in_(target_ids)))}
    wanted = set(terms)
    return [Hit(kind=e.kind, doc=e.doc, document_id=e.document_id, line=e.line, text=e.text,
                snippet=snippet(e.text, wanted), score=float(score), item_id=_item_id(e),
                url=_url(e, indicator_of_target)) for e, score in rows]
