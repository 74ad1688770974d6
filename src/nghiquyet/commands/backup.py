"""`backup FILE` and `restore FILE`: a consistent snapshot of the database and the stored files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nghiquyet.commands.common import fail


def backup(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu sẽ ghi (.zip)")],
) -> None:
    """Sao lưu cơ sở dữ liệu và các tệp đã lưu (văn bản, minh chứng) vào một tệp, khi máy chủ vẫn chạy."""
    from nghiquyet.config import load_settings
    from nghiquyet.db import make_engine
    from nghiquyet.db.backup import BackupError
    from nghiquyet.db.backup import backup as write_backup
    from nghiquyet.errors import os_reason

    settings = load_settings()
    engine = make_engine(settings.resolved_database_url)
    try:
        summary = write_backup(engine, settings.files_dir, file)
    except BackupError as exc:
        raise fail(f"sao lưu không thành công: {exc}") from exc
    except OSError as exc:
        raise fail(f"sao lưu không thành công: {file}: {os_reason(exc)}; "
                   "chọn thư mục ghi được rồi chạy lại") from exc
    finally:
        engine.dispose()
    typer.echo(f"Đã sao lưu vào {file}: {summary.describe()}")


def restore(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu (do `nghiquyet backup` tạo)")],
    force: Annotated[bool, typer.Option("--force", help="XOÁ dữ liệu hiện có rồi khôi phục")] = False,
) -> None:
    """Khôi phục bản sao lưu vào cơ sở dữ liệu trống (SQLite hoặc PostgreSQL); trọn vẹn hoặc không gì cả."""
    from nghiquyet.config import load_settings
    from nghiquyet.db import make_engine
    from nghiquyet.db.backup import BackupError
    from nghiquyet.db.restore import restore as load_backup

    if not file.is_file():
        raise fail(f"không tìm thấy tệp sao lưu {file}")
    settings = load_settings()
    engine = make_engine(settings.resolved_database_url)
    try:
        summary = load_backup(engine, settings.files_dir, file, force=force)
    except (BackupError, OSError) as exc:
        raise fail(str(exc)) from exc
    finally:
        engine.dispose()
    typer.echo(f"Đã khôi phục {file} vào {engine.url.render_as_string(hide_password=True)}: "
               f"{summary.describe()}")
