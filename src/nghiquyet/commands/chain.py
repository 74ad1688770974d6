"""`confirm`, `assign` and `units import`: the steps between `import` and `report`, from the console.

import → units import → confirm → assign → (units report) → report, all without the web.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from nghiquyet.commands.common import SYSTEM_ACTOR, fail, open_database, transaction
from nghiquyet.errors import NghiquyetError

# What a report names the document by; asked for when the extraction found none (never the file name).
_ASKED = {"title": "Tiêu đề văn bản", "number": "Số, ký hiệu", "issuer": "Cơ quan ban hành"}


def confirm(
    document: Annotated[int, typer.Argument(help="Số của văn bản (in ra khi `nghiquyet import`)")],
    title: Annotated[str | None, typer.Option(help="Tiêu đề văn bản, khi văn bản không ghi")] = None,
    number: Annotated[str | None, typer.Option(help="Số, ký hiệu (ví dụ 15-NQ/TU)")] = None,
    issuer: Annotated[str | None, typer.Option(help="Cơ quan ban hành (ví dụ Tỉnh ủy Lâm Đồng)")] = None,
) -> None:
    """Xác nhận văn bản đã nhập thành kế hoạch theo dõi (hỏi tiêu đề, số, cơ quan ban hành nếu thiếu)."""
    from nghiquyet.documents.models import Document
    from nghiquyet.documents.naming import name_of
    from nghiquyet.plans.service import confirm_plan
    from nghiquyet.series.service import refresh

    given = {"title": title, "number": number, "issuer": issuer}
    _, engine, factory = open_database()
    try:
        with transaction(factory) as session:
            doc = session.get(Document, document)
            if doc is None:
                raise fail(f"không tìm thấy văn bản số {document}; số văn bản do `nghiquyet import` in ra")
            meta = doc.effective_extraction.get("metadata") or {}
            for key, label in _ASKED.items():
                if given[key] or meta.get(key) or (key == "title" and meta.get("theme")):
                    continue
                if key == "title" and not sys.stdin.isatty():
                    raise fail("văn bản không ghi tiêu đề; chạy lại với --title \"...\"", 2)
                if sys.stdin.isatty():
                    given[key] = typer.prompt(f"{label} (Enter để bỏ trống)", default="",
                                              show_default=False).strip() or None
            plan = confirm_plan(session, document_id=document, actor=SYSTEM_ACTOR,
                                title=given["title"], number=given["number"], issuer=given["issuer"])
            refresh(session, actor=SYSTEM_ACTOR, plan_ids=[plan.id])  # links and proposals come with it
            typer.echo(f"Kế hoạch số {plan.id}: {name_of(plan)} ({len(plan.indicators)} chỉ tiêu, "
                       f"{len(plan.tasks)} nhiệm vụ)")
    except NghiquyetError as exc:
        raise fail(exc.message + (f" — {exc.hint}" if exc.hint else "")) from None
    finally:
        engine.dispose()


def assign(
    plan: Annotated[int, typer.Option("--plan", help="Số kế hoạch")],
    rules: Annotated[Path, typer.Option("--rules", help="CSV: keyword,unit_code,role (lead|support)")],
    deadline: Annotated[str | None, typer.Option(help="Hạn chung, dd/mm/yyyy (mặc định 31/12)")] = None,
) -> None:
    """Giao chỉ tiêu, nhiệm vụ của kế hoạch cho đơn vị theo từ khóa trong tệp quy tắc."""
    from nghiquyet.plans.service import get_plan
    from nghiquyet.tracking.assignments import assign_many
    from nghiquyet.tracking.rules import parse_rules, plan_specs

    try:
        text = rules.read_text(encoding="utf-8")
    except OSError:
        raise fail(f"{rules}: không đọc được tệp quy tắc") from None
    except UnicodeDecodeError:
        raise fail(f"{rules}: tệp quy tắc phải là văn bản UTF-8") from None
    try:  # the file is checked before the database is opened
        parsed = parse_rules(text, source=str(rules))
    except NghiquyetError as exc:
        raise fail(exc.message) from None
    _, engine, factory = open_database()
    try:
        with transaction(factory) as session:
            found = get_plan(session, plan_id=plan)
            due = _date(deadline) if deadline else dt.date(found.year_end or dt.date.today().year, 12, 31)
            specs, leads = plan_specs(session, found, parsed, due)
            made = assign_many(session, items=specs, actor=SYSTEM_ACTOR)
    except NghiquyetError as exc:
        raise fail(exc.message + (f" — {exc.hint}" if exc.hint else "")) from None
    finally:
        engine.dispose()
    typer.echo(f"Kế hoạch số {plan}: {len(made)} phân công cho {len(leads)} mục, hạn {due:%d/%m/%Y}")


def _date(text: str) -> dt.date:
    try:
        return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise fail(f"hạn '{text}' không đúng dạng ngày/tháng/năm, ví dụ 31/12/2024", 2) from None


units_app = typer.Typer(help="Danh sách đơn vị.", no_args_is_help=True)


@units_app.command("import")
def import_units_file(
    file: Annotated[Path, typer.Argument(help="CSV hoặc XLSX: code,name,kind,parent_code")],
) -> None:
    """Nhập hoặc cập nhật danh sách đơn vị từ tệp (trọn vẹn hoặc không gì cả)."""
    from nghiquyet.units.importer import import_units

    try:
        data = file.read_bytes()
    except OSError:
        raise fail(f"{file}: không đọc được tệp") from None
    _, engine, factory = open_database()
    try:
        with transaction(factory) as session:
            units = import_units(session, data=data, filename=file.name, actor=SYSTEM_ACTOR)
    except NghiquyetError as exc:
        raise fail(str(exc)) from None
    finally:
        engine.dispose()
    typer.echo(f"{len(units)} đơn vị đã nhập từ {file}")
