"""`search`: the index from the command line (thin: parse, call search.service, print)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from nghiquyet.commands.common import fail, open_database
from nghiquyet.errors import NghiquyetError


def search(
    query: Annotated[str, typer.Argument(help="Từ cần tìm, có dấu hoặc không dấu")],
    format: Annotated[str, typer.Option("--format", "-f", help="text hoặc json")] = "text",
    doc: Annotated[int | None, typer.Option("--doc", help="Chỉ tìm trong văn bản số này")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Chỉ các mục của năm này")] = None,
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", help="line, indicator, target, task, unit, update (lặp lại được)")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Số kết quả tối đa")] = 20,
) -> None:
    """Tìm trong các văn bản đã nhập, chỉ tiêu, nhiệm vụ, đơn vị và giải trình (không phân biệt dấu)."""
    from nghiquyet.search.service import search as run_search

    if format not in ("text", "json"):
        raise fail(f"định dạng '{format}' không hỗ trợ; dùng --format text hoặc --format json", 2)
    _, engine, factory = open_database()
    try:
        with factory() as session:
            hits = run_search(session, query, document_id=doc, year=year, kinds=kind or None, limit=limit)
    except NghiquyetError as exc:
        raise fail(str(exc), 2) from exc
    finally:
        engine.dispose()
    if format == "json":
        typer.echo(json.dumps({"hits": [h.to_dict() for h in hits]}, ensure_ascii=False, indent=1))
        return
    if not hits:
        typer.echo("Không tìm thấy kết quả nào.")
    for h in hits:
        where = f"{h.doc}:{h.line}" if h.doc and h.line else (h.doc or "—")
        typer.echo(f"{where}  [{h.kind}]  {h.text}")
