"""Command line: thin — parse input, call a service, render the result."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from nghiquyet.commands.help_words import install as vietnamese_help
from nghiquyet.errors import NghiquyetError

vietnamese_help()
app = typer.Typer(
    help="nghiquyet — theo dõi thực hiện nghị quyết: văn bản → kế hoạch → giao việc → tiến độ → báo cáo.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """nghiquyet — theo dõi thực hiện nghị quyết."""


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise (never a traceback)."""
    typer.echo(f"Lỗi: {message}", err=True)
    return typer.Exit(code)


@app.command("extract")
def extract_cmd(
    files: Annotated[list[Path], typer.Argument(help="Tệp văn bản: .txt, .md, .docx, .pdf")],
    format: Annotated[str, typer.Option("--format", "-f", help="json hoặc text")] = "json",
) -> None:
    """Trích xuất mục tiêu, chỉ tiêu, nhiệm vụ, phân công từ văn bản."""
    from nghiquyet.extract import extract
    from nghiquyet.extract.summary import render_text

    if format not in ("json", "text"):
        raise fail(f"định dạng '{format}' không hỗ trợ; dùng --format json hoặc --format text", 2)
    results = []
    failed = 0
    show_progress = len(files) > 1 and sys.stderr.isatty()
    with typer.progressbar(files, label="Đang trích xuất", file=sys.stderr) if show_progress else _plain(
            files) as items:
        for path in items:
            try:
                results.append(extract(path))
            except NghiquyetError as exc:
                failed += 1
                typer.echo(f"Lỗi: {exc}", err=True)
    if format == "json":
        dicts = [r.to_dict() for r in results]
        payload = dicts[0] if len(files) == 1 and dicts else dicts
        if results or len(files) > 1:
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        typer.echo("\n\n".join(render_text(r) for r in results))
    if failed:
        raise typer.Exit(1)


class _plain:
    """Context manager standing in for a progress bar when there is nothing to show."""

    def __init__(self, items: list[Path]) -> None:
        self.items = items

    def __enter__(self) -> list[Path]:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None


# Tracking commands (serve, user, plans, import, demo) live in nghiquyet.commands.
from nghiquyet.commands import register as _register_tracking_commands  # noqa: E402

_register_tracking_commands(app)

from nghiquyet.commands.series import register as _register_series_commands  # noqa: E402

_register_series_commands(app)  # series, proposals (issue 13)


# --- report command (owner H6) ---------------------------------------------------------------
@app.command("report")
def report_cmd(
    plan: Annotated[int, typer.Option("--plan", help="Mã kế hoạch (xem `nghiquyet plans`)")],
    period: Annotated[str, typer.Option("--period", help="Kỳ báo cáo: 2024, 2024-H1, 2024-Q1, 2024-03")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp kết quả")],
    format: Annotated[str | None, typer.Option("--format", "-f", help="docx, pdf hoặc xlsx")] = None,
    compare: Annotated[str | None, typer.Option("--compare", help="So sánh với kỳ này (docx, xlsx)")] = None,
) -> None:
    """Xuất báo cáo kết quả thực hiện của một kế hoạch cho một kỳ (DOCX, PDF, XLSX)."""
    from nghiquyet.commands.common import collector_paused, open_database, transaction

    with collector_paused():
        from nghiquyet.reports import FORMATS, write_report

        fmt = (format or output.suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise fail(f"định dạng '{fmt}' không hỗ trợ; dùng --format docx, pdf hoặc xlsx", 2)
        _, engine, factory = open_database()
        try:
            with transaction(factory) as session:
                data = write_report(session, plan_id=plan, period=period, fmt=fmt, path=output,
                                    compare_to=compare)
        except NghiquyetError as exc:
            raise fail(str(exc)) from exc
        finally:
            engine.dispose()
    typer.echo(f"Đã ghi {output} — {data.summary_sentence}")
# --- end of report command -------------------------------------------------------------------


def main() -> None:
    """The console entry point: a mistyped command is told in Vietnamese, not in Click's English."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    from nghiquyet.commands.usage import usage_message

    try:
        code = typer.main.get_command(app).main(prog_name="nghiquyet", standalone_mode=False)
    except NoArgsIsHelpError as exc:
        exc.show()  # a bare `nghiquyet` (or group) prints its help, as Click would
        raise SystemExit(exc.exit_code) from None
    except UsageError as exc:
        typer.echo(f"Lỗi: {usage_message(exc)}", err=True)
        raise SystemExit(2) from None
    except typer.Abort:
        typer.echo("Đã dừng theo yêu cầu.", err=True)
        raise SystemExit(1) from None
    raise SystemExit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
