"""`ask`: a question over the imported documents, answered with its source lines or "not found"."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from nghiquyet.commands.common import fail, open_database


def ask(
    question: Annotated[str, typer.Argument(help="Câu hỏi, có dấu hoặc không dấu")],
    format: Annotated[str, typer.Option("--format", "-f", help="text hoặc json")] = "text",
) -> None:
    """Hỏi trợ lý: trả lời từ các văn bản đã nhập, kèm dòng nguồn (hoặc "không tìm thấy")."""
    from nghiquyet.assistant.question import QuestionError
    from nghiquyet.assistant.service import ask as answer_question

    if format not in ("text", "json"):
        raise fail(f"định dạng '{format}' không hỗ trợ; dùng --format text hoặc --format json", 2)
    settings, engine, factory = open_database()
    try:
        with factory() as session:
            answer = answer_question(session, settings, question)
    except QuestionError as exc:
        raise fail(str(exc), 2) from exc
    finally:
        engine.dispose()
    if format == "json":
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    typer.echo(answer.answer)
    for c in answer.citations:
        typer.echo(f"  {c.doc}, dòng {c.line}: {c.text}")
