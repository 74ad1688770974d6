"""`remind`: send the reminders due now and exit (cron-friendly; a second run sends nothing twice)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from nghiquyet.commands.common import fail, open_database


def parse_now(text: str | None) -> dt.datetime:
    """An ISO date-time; without an offset it is read as Vietnam time (UTC+7)."""
    from nghiquyet.reminders.service import LOCAL_TZ

    if text is None:
        return dt.datetime.now(dt.UTC)
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise fail(f"--now '{text}' không phải thời điểm ISO (ví dụ 2024-04-15T08:00)", 2) from exc
    return value.replace(tzinfo=LOCAL_TZ) if value.tzinfo is None else value


def remind(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ liệt kê, không gửi gì")] = False,
    now: Annotated[
        str | None, typer.Option("--now", help="Thời điểm coi là hiện tại (ISO, giờ Việt Nam)")
    ] = None,
) -> None:
    """Gửi nhắc việc đến hạn (trong ứng dụng và thư điện tử qua NGHIQUYET_SMTP_URL), rồi thoát."""
    from nghiquyet.errors import NghiquyetError
    from nghiquyet.notifications.email import SmtpChannel
    from nghiquyet.reminders.service import run

    moment = parse_now(now)
    settings, engine, factory = open_database()
    try:
        channel = SmtpChannel.from_url(settings.smtp_url, settings.smtp_from) if settings.smtp_url else None
        result = run(factory, now=moment, channel=channel, base_url=settings.base_url, dry_run=dry_run)
    except NghiquyetError as exc:
        raise fail(str(exc)) from exc
    finally:
        engine.dispose()
    for line in result.lines:
        typer.echo(line)
    if result.skipped:
        typer.echo(f"Bỏ qua: {result.skipped}", err=True)
    elif not dry_run:
        typer.echo(
            f"Đã tạo {result.sent_inapp} thông báo, gửi {result.sent_email} thư"
            + (f", {result.failed_email} thư lỗi (sẽ gửi lại lần sau)" if result.failed_email else "")
            + ("" if channel else "; chưa đặt NGHIQUYET_SMTP_URL nên không gửi thư"),
            err=True,
        )
