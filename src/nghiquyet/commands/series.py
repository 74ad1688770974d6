"""`series` (one metric across plans and years) and `proposals` (reported results to accept).

Both only list what imports and confirmations proposed (a listing writes nothing); their
subcommands are the office's decisions, each audited and undoable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from nghiquyet.commands.common import SYSTEM_ACTOR, fail, open_database, transaction
from nghiquyet.errors import NghiquyetError
from nghiquyet.status import period_label

series_app = typer.Typer(help="Chuỗi chỉ tiêu: một chỉ tiêu qua các kế hoạch, các năm.")
proposals_app = typer.Typer(help="Số liệu đề xuất từ văn bản báo cáo, thông báo kết luận.")

Format = Annotated[str, typer.Option("--format", "-f", help="text hoặc json")]


def _run(work: Callable[[Any], Any]) -> Any:
    _, engine, factory = open_database()
    try:
        with transaction(factory) as session:
            return work(session)
    except NghiquyetError as exc:
        raise fail(exc.message + (f" — {exc.hint}" if exc.hint else "")) from None
    finally:
        engine.dispose()


def _check_format(format: str) -> None:
    if format not in ("text", "json"):
        raise fail(f"định dạng '{format}' không hỗ trợ; dùng --format text hoặc --format json", 2)


@series_app.callback(invoke_without_command=True)
def series_list(
    ctx: typer.Context,
    format: Format = "text",
    plan: Annotated[int | None, typer.Option("--plan", help="Chỉ chuỗi có chỉ tiêu của kế hoạch này")] = None,
) -> None:
    """Liệt kê chuỗi chỉ tiêu (kể cả liên kết đề xuất chưa xác nhận)."""
    if ctx.invoked_subcommand is not None:
        return
    _check_format(format)
    from nghiquyet.documents.service import citation_names
    from nghiquyet.series.links import list_series
    from nghiquyet.series.view import series_view

    def work(session: Any) -> list[tuple[dict[str, Any], list[str]]]:
        views = [series_view(session, s) for s in list_series(session, plan_id=plan)]
        names = citation_names(session)
        return [(v.to_dict(), _text(v, names)) for v in views]

    rows = _run(work)
    if format == "json":
        typer.echo(json.dumps([r for r, _ in rows], ensure_ascii=False, indent=1))
        return
    if not rows:
        typer.echo("Chưa có chuỗi chỉ tiêu nào (cần ít nhất hai kế hoạch đo cùng một chỉ tiêu).")
    for _, lines in rows:
        typer.echo("\n".join(lines))


_PROPOSAL_STATES = {"proposed": "chờ xem xét", "accepted": "đã chấp nhận", "dismissed": "đã bỏ qua"}


def _text(v: Any, names: dict[int | str, str]) -> list[str]:
    """A series as text: each member's source named as pages name it (JSON keeps the file name)."""
    lines = [f"#{v.id} {v.metric} ({'đã xác nhận' if v.confirmed else 'đề xuất'})"]
    for m in v.members:
        figures = "; ".join(f"{t.value:g}{f'–{t.value_max:g}' if t.value_max else ''} {t.unit or ''}".strip()
                            for t in m.targets)
        source = names.get(m.document_id, "văn bản") if m.document_id else "văn bản"
        lines.append(f"    {m.year or '—'}  {source}, dòng {m.line}  {figures}")
    lines += [f"    ! {w.message}" for w in v.warnings]
    return lines


def _series_decision(name: str, doc: str) -> None:
    def command(
        series: Annotated[int, typer.Argument(help="Số chuỗi (xem `nghiquyet series`)")],
        indicator: Annotated[int | None, typer.Option("--indicator", help="Một chỉ tiêu của chuỗi")] = None,
    ) -> None:
        from nghiquyet.series import links

        def work(session: Any) -> None:
            if name == "undo":
                links.undo(session, series_id=series, actor=SYSTEM_ACTOR)
            else:
                getattr(links, name)(session, series_id=series, indicator_id=indicator, actor=SYSTEM_ACTOR)

        _run(work)
        typer.echo(f"Chuỗi #{series}: đã {doc}")

    command.__doc__ = f"Chuỗi chỉ tiêu: {doc}."
    series_app.command(name)(command)


_series_decision("confirm", "xác nhận liên kết")
_series_decision("reject", "bỏ liên kết")
_series_decision("undo", "hoàn tác thao tác gần nhất")


@series_app.command("link")
def series_link(
    indicators: Annotated[list[int], typer.Argument(help="Số các chỉ tiêu (của ít nhất hai kế hoạch)")],
    series: Annotated[int | None, typer.Option("--series", help="Thêm vào chuỗi này")] = None,
) -> None:
    """Liên kết thủ công các chỉ tiêu cùng đo một nội dung."""
    from nghiquyet.series.links import link_by_hand

    made = _run(lambda session: link_by_hand(session, indicator_ids=indicators, series_id=series,
                                             actor=SYSTEM_ACTOR).id)
    typer.echo(f"Chuỗi #{made}: đã liên kết {len(indicators)} chỉ tiêu")


@proposals_app.callback(invoke_without_command=True)
def proposals_list(
    ctx: typer.Context,
    format: Format = "text",
    plan: Annotated[int | None, typer.Option("--plan", help="Số kế hoạch")] = None,
    state: Annotated[str | None, typer.Option("--state", help="proposed, accepted hoặc dismissed")] = None,
) -> None:
    """Liệt kê số liệu đề xuất (từ kết quả văn bản báo cáo) cho các chỉ tiêu của kế hoạch."""
    if ctx.invoked_subcommand is not None:
        return
    _check_format(format)
    from nghiquyet.documents.service import citation_names
    from nghiquyet.series.proposals import list_proposals, proposal_dict

    def work(session: Any) -> list[dict[str, Any]]:
        found = list_proposals(session, actor=None, plan_id=plan, state=state)
        names = citation_names(session)
        return [{**proposal_dict(session, p), "_conversion": p.conversion,
                 "_source": names.get(p.document_id, "văn bản")} for p in found]

    rows = _run(work)
    if format == "json":
        typer.echo(json.dumps([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
                              ensure_ascii=False, indent=1))
        return
    if not rows:
        typer.echo("Không có số liệu đề xuất.")
    for r in rows:
        conv = f" (quy đổi: {r['_conversion']})" if r["_conversion"] else ""
        state = _PROPOSAL_STATES.get(r["state"], r["state"])
        typer.echo(f"#{r['id']} [{state}] mức #{r['target_id']} {period_label(r['period'])}: {r['value']:g} "
                   f"{r['unit'] or ''}{conv} — {r['_source']}, dòng {r['line']} «{r['text']}»")


@proposals_app.command("accept")
def proposals_accept(
    proposal: Annotated[int, typer.Argument(help="Số đề xuất")],
    value: Annotated[float | None, typer.Option("--value", help="Sửa số liệu trước khi chấp nhận")] = None,
    unit: Annotated[int | None, typer.Option("--unit", help="Đơn vị của số liệu (mặc định: chủ trì)")] = None,
) -> None:
    """Chấp nhận: số liệu thành báo cáo đã duyệt, ghi nguồn là văn bản."""
    from nghiquyet.series.proposals import accept

    update_id = _run(lambda s: accept(s, proposal_id=proposal, actor=SYSTEM_ACTOR, value=value,
                                      unit_id=unit).update_id)
    typer.echo(f"Đề xuất #{proposal}: đã chấp nhận (báo cáo #{update_id})")


@proposals_app.command("dismiss")
def proposals_dismiss(proposal: Annotated[int, typer.Argument(help="Số đề xuất")]) -> None:
    """Bỏ qua một số liệu đề xuất."""
    from nghiquyet.series.proposals import dismiss

    _run(lambda s: dismiss(s, proposal_id=proposal, actor=SYSTEM_ACTOR))
    typer.echo(f"Đề xuất #{proposal}: đã bỏ qua")


@proposals_app.command("undo")
def proposals_undo(proposal: Annotated[int, typer.Argument(help="Số đề xuất")]) -> None:
    """Hoàn tác chấp nhận hoặc bỏ qua (số liệu đã tạo được gỡ)."""
    from nghiquyet.series.proposals import undo

    _run(lambda s: undo(s, proposal_id=proposal, actor=SYSTEM_ACTOR))
    typer.echo(f"Đề xuất #{proposal}: đã hoàn tác")


def register(app: typer.Typer) -> None:
    app.add_typer(series_app, name="series")
    app.add_typer(proposals_app, name="proposals")
