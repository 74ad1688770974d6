"""GET /search: the index over document lines, items, units and update notes (readers only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from nghiquyet.search.models import KINDS
from nghiquyet.search.service import MAX_LIMIT, MAX_QUERY_CHARS, search
from nghiquyet.tracking.visibility import withhold_hits
from nghiquyet.units.permissions import require_reader
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/search", tags=["search"])


class HitRead(BaseModel):
    kind: str
    doc: str | None
    document_id: int | None
    line: int | None
    text: str
    snippet: str
    score: float
    item_id: int | None
    url: str


class SearchResult(BaseModel):
    hits: list[HitRead]


@router.get("")
def search_index(
    session: DbSession,
    user: CurrentUser,
    q: Annotated[str, Query(description=f"Từ cần tìm, có dấu hoặc không (tối đa {MAX_QUERY_CHARS} ký tự)")],
    document_id: int | None = None,
    year: int | None = None,
    doc_type: str | None = None,
    unit_id: int | None = None,
    kind: Annotated[list[str] | None, Query(description=f"Loại kết quả: {', '.join(KINDS)}")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> SearchResult:
    """Ranked hits, each with its document, line, text, a <mark>-highlighted snippet and a page link.

    Diacritic-blind ("thu ngan sach" finds "thu ngân sách"); every word must occur, in any order.
    An empty, punctuation-only or too long query answers 400 with a Vietnamese message.
    """
    require_reader(user)
    hits = withhold_hits(session, user, search(session, q, document_id=document_id, year=year,
                                               doc_type=doc_type, unit_id=unit_id, kinds=kind, limit=limit))
    return SearchResult(hits=[HitRead(**h.to_dict()) for h in hits])
