"""`tally`: one level's figures — its subtree's tally and each child's, lagging children first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from nghiquyet.commands.common import SYSTEM_ACTOR, check_format, fail, open_database
from nghiquyet.errors import NghiquyetError

if TYPE_CHECKING:
    from nghiquyet.status import Tally


def _line(name: str, t: Tally) -> str:
    return f"{name}: {t.complete}/{t.total} chỉ tiêu hoàn thành" if t.total else f"{name}: chưa có chỉ tiêu"


def tally(
    unit: Annotated[int, typer.Option("--unit", help="Mã số (id) đơn vị gốc của cây cần tổng hợp")],
    period: Annotated[str, typer.Option("--period", help="Kỳ: 2024, 2024-Q2, 2024-H1 …")],
    format: Annotated[str, typer.Option("--format", "-f", help="text hoặc json")] = "text",
    plan: Annotated[int | None, typer.Option(
        "--plan", help="Chỉ kế hoạch này (mã số) và các kế hoạch cấp dưới thực hiện nó")] = None,
) -> None:
    """Tổng hợp chỉ tiêu của một cấp: đơn vị và toàn bộ đơn vị trực thuộc, từng đơn vị con."""
    from nghiquyet.status import Period
    from nghiquyet.tracking.levels import level_tally

    check_format(format)
    _, engine, factory = open_database()
    try:
        with factory() as session:
            level = level_tally(session, unit_id=unit, period=period, actor=SYSTEM_ACTOR, plan_id=plan)
    except NghiquyetError as exc:
        raise fail(str(exc)) from exc
    finally:
        engine.dispose()
    if format == "json":
        typer.echo(json.dumps(level.to_dict(), ensure_ascii=False, indent=1))
        return
    typer.echo(f"{Period.parse(level.period).label_vi} — {_line(level.unit.name, level.whole)}")
    for row in level.children:
        typer.echo(f"  {_line(row.unit.name, row.tally)}")
