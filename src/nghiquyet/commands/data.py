"""`plans` (what is tracked) and `import` (documents into the database, one transaction per file)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from nghiquyet.commands.common import SYSTEM_ACTOR, check_format, open_database, transaction
from nghiquyet.errors import NghiquyetError


def plans(
    format: Annotated[str, typer.Option("--format", "-f", help="text hoặc json")] = "text",
) -> None:
    """Liệt kê các kế hoạch đang theo dõi (số, tiêu đề, năm, cơ quan ban hành)."""
    from sqlalchemy import select

    from nghiquyet.documents.naming import name_of
    from nghiquyet.plans.models import Plan

    check_format(format)
    _, engine, factory = open_database()
    try:
        with factory() as session:
            found = list(session.scalars(select(Plan).order_by(Plan.id)))
    finally:
        engine.dispose()
    rows = [{"id": p.id, "name": name_of(p), "title": p.title, "years": [p.year_start, p.year_end],
             "issuer": p.issuer, "doc_type": p.doc_type, "number": p.number} for p in found]
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        typer.echo("Chưa có kế hoạch nào. Nhập văn bản bằng `nghiquyet import` rồi xác nhận thành kế hoạch.")
    for p in found:
        first, last = p.year_start, p.year_end
        years = f"{first}–{last}" if first and last and first != last else str(first or last or "—")
        typer.echo(f"{p.id:>4}  {years:<9}  {name_of(p)}")


def import_files(
    files: Annotated[list[Path], typer.Argument(help="Tệp văn bản: .txt, .md, .docx, .pdf")],
    plan: Annotated[bool, typer.Option("--plan", help="Xác nhận luôn thành kế hoạch theo dõi")] = False,
) -> None:
    """Nhập văn bản vào cơ sở dữ liệu (mỗi tệp trọn vẹn hoặc không gì cả; lỗi ghi một dòng mỗi tệp)."""
    from nghiquyet.documents.service import import_document
    from nghiquyet.errors import os_reason
    from nghiquyet.plans.service import confirm_plan
    from nghiquyet.series.service import refresh

    settings, engine, factory = open_database()
    failed = 0
    try:
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                failed += 1
                typer.echo(f"Lỗi: {path}: {os_reason(exc)}; kiểm tra lại đường dẫn và quyền đọc tệp.",
                           err=True)
                continue
            try:
                # One transaction per file: a failure leaves no row of that file behind.
                with transaction(factory) as session:
                    doc = import_document(session, filename=path.name, data=data, actor=SYSTEM_ACTOR,
                                          settings=settings)
                    line = f"{path}: văn bản số {doc.id}"
                    made: list[int] = []
                    if plan:
                        confirmed = confirm_plan(session, document_id=doc.id, actor=SYSTEM_ACTOR)
                        line += f", kế hoạch số {confirmed.id}"
                        made.append(confirmed.id)
                    # Proposals are made by writes, not listings; links only for the plan just confirmed.
                    refresh(session, actor=SYSTEM_ACTOR, plan_ids=made)
                    counts = doc.effective_extraction
                    line += (f" ({len(counts.get('indicators') or [])} chỉ tiêu, "
                             f"{len(counts.get('tasks') or [])} nhiệm vụ)")
            except NghiquyetError as exc:
                failed += 1
                typer.echo(f"Lỗi: {path}: {_reason(exc)}", err=True)
                continue
            typer.echo(line)
    finally:
        engine.dispose()
    if failed:
        raise typer.Exit(1)


def _reason(exc: NghiquyetError) -> str:
    """The message without the file name the service put in (the command names the path it was given)."""
    line = getattr(exc, "line", None)
    where = f"dòng {line}: " if line and f"dòng {line}" not in exc.message else ""
    return where + exc.message + (f" — {exc.hint}" if exc.hint else "")
