"""Trợ lý: a question box, the answer with its source lines (each opening the document at that line)."""

from __future__ import annotations

import json
import re

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from nghiquyet.accounts.models import User
from nghiquyet.assistant.question import QuestionError
from nghiquyet.assistant.service import Answer
from nghiquyet.assistant.service import ask as answer_question
from nghiquyet.documents.service import citation_names
from nghiquyet.units.permissions import require_reader
from nghiquyet.web.deps import AppSettings, DbSession
from nghiquyet.web.pages.common import PageRoute, render, require_user

router = APIRouter(route_class=PageRoute)

RECENT_COOKIE = "tro_ly_gan_day"
RECENT_KEEP = 8
# "[002_1a304e063d388c80.txt, dòng 12]" inside an answer: the API keeps the file, the page names the document.
_SOURCE = re.compile(r"\[([^\[\]]*), dòng (\d+)\]")


def readable_answer(text: str, names: dict[int | str, str]) -> str:
    """The answer with each source reference naming its document (its number or title), not its file."""
    return _SOURCE.sub(lambda m: f"[{names.get(m.group(1), 'văn bản')}, dòng {m.group(2)}]", text)


def _recent(request: Request) -> list[str]:
    """The browser's own recent questions (kept in a cookie: they are the asker's, not shared)."""
    try:
        data = json.loads(request.cookies.get(RECENT_COOKIE) or "[]")
    except ValueError:
        return []
    return [q for q in data if isinstance(q, str)][:RECENT_KEEP] if isinstance(data, list) else []


@router.get("/tro-ly", response_class=HTMLResponse)
def assistant_page(request: Request, session: DbSession, settings: AppSettings, q: str = "",
                   user: User = Depends(require_user)) -> HTMLResponse:
    require_reader(user)
    recent = _recent(request)
    answer: Answer | None = None
    error = None
    if q.strip():
        try:
            answer = answer_question(session, settings, q, actor=user)
        except QuestionError as exc:
            error = str(exc)
        else:
            recent = [q.strip(), *[r for r in recent if r != q.strip()]][:RECENT_KEEP]
    shown = readable_answer(answer.answer, citation_names(session)) if answer is not None else ""
    response = render(request, "assistant/page.html", user, active="assistant", title="Trợ lý", q=q,
                      answer=answer, answer_text=shown, error=error, recent=recent,
                      status_code=400 if error else 200)
    if answer is not None:
        response.set_cookie(RECENT_COOKIE, json.dumps(recent, ensure_ascii=True), max_age=90 * 86400,
                            httponly=True, samesite="lax")
    return response
