"""POST /ask: a question over the imported documents, answered with its source lines (readers only)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from nghiquyet.assistant.service import ask as answer_question
from nghiquyet.web.deps import AppSettings, CurrentUser, DbSession

router = APIRouter(prefix="/ask", tags=["assistant"])


class AskRequest(BaseModel):
    question: str = Field(description="Câu hỏi, có dấu hoặc không dấu (tối đa 1.000 ký tự)")


class CitationRead(BaseModel):
    doc: str = Field(description="Tên tệp văn bản")
    line: int
    text: str = Field(description="Dòng nguồn")


class AnswerRead(BaseModel):
    found: bool
    answer: str
    citations: list[CitationRead]


@router.post("")
def ask(body: AskRequest, session: DbSession, user: CurrentUser, settings: AppSettings) -> AnswerRead:
    """Answer only from the documents: every figure is in a cited line, else found = false."""
    answer = answer_question(session, settings, body.question, actor=user)
    return AnswerRead.model_validate(answer.to_dict())
