"""The lines around a search hit, read by entry ids, are the document's own lines there (both databases)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.assistant.store import StoredCorpus
from nghiquyet.config import Settings
from nghiquyet.search.models import SearchEntry
from tests.assistant.helpers import import_seeds

SPAN = 8


def _expected(all_lines: tuple[str, ...], line: int) -> dict[int, str]:
    return {n: all_lines[n - 1] for n in range(max(1, line - SPAN), min(len(all_lines), line + SPAN) + 1)
            if all_lines[n - 1]}


def test_windows_match_the_whole_lines_in_the_middle_and_at_both_ends(db: Session,
                                                                      settings: Settings) -> None:
    import_seeds(db, settings, "003", "004")  # two documents: the first's last lines border the second's
    entries = db.execute(select(SearchEntry.id, SearchEntry.line_document_id, SearchEntry.line).where(
        SearchEntry.kind == "line").order_by(SearchEntry.id)).all()
    by_doc: dict[int, list[tuple[int, int, int]]] = {}
    for entry, doc_id, line in entries:
        by_doc.setdefault(int(doc_id), []).append((int(entry), int(doc_id), int(line)))
    hits = [h for rows in by_doc.values()
            for h in (rows[0], rows[1], rows[len(rows) // 2], rows[-2], rows[-1])]
    windows = StoredCorpus(db).line_windows(hits, SPAN)
    whole = StoredCorpus(db)  # a fresh corpus: no document read whole yet in the one above
    for _, doc_id, line in hits:
        doc = next(d for d in whole.documents if d.document_id == doc_id)
        want = _expected(whole.lines(doc), line)
        got = {n: t for n, t in windows[doc_id].items() if abs(n - line) <= SPAN and t}
        assert got == want, (doc_id, line)
