"""`serve` (migrate, then uvicorn) and `demo` (a fresh SQLite database full of realistic data)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nghiquyet.commands.common import fail, open_database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from nghiquyet.config import Settings

# uvicorn imports the app by name, so the CLI never imports the web layer (layers contract).
APP_FACTORY = "nghiquyet.web.app:create_app_from_env"


POSTGRES_CONNECTIONS = 90  # of PostgreSQL's default 100, leaving some for psql, backups and the CLI


def pool_share(workers: int, wanted: int) -> int:
    """Each worker's pool: `wanted`, or less when N workers' pools and bursts (1.5 × size each)
    would pass POSTGRES_CONNECTIONS."""
    return max(2, min(wanted, int(POSTGRES_CONNECTIONS / 1.5) // workers))


def _run_uvicorn(host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    from nghiquyet.config import load_settings

    if workers > 1 and "NGHIQUYET_DB_POOL_SIZE" not in os.environ:
        # Each worker builds its app from the environment, so the share is handed down through it.
        os.environ["NGHIQUYET_DB_POOL_SIZE"] = str(pool_share(workers, load_settings().db_pool_size))

    # With workers > 1 uvicorn starts that many processes, each building the app from the
    # environment; they share the one database (SQLite in WAL mode, or PostgreSQL's pool each).
    # X-Forwarded-Proto/-For count only from NGHIQUYET_TRUSTED_PROXIES: they decide the Secure
    # cookie and the address that login throttling counts, so nobody else may claim them.
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, proxy_headers=True,
                forwarded_allow_ips=load_settings().trusted_proxies, log_level="info", workers=workers)


def serve(
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe (0.0.0.0: mở cho mạng nội bộ)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Cổng")] = 8000,
    workers: Annotated[int, typer.Option(
        help="Số tiến trình phục vụ song song (mỗi tiến trình một nhóm kết nối cơ sở dữ liệu)",
        min=1, max=64)] = 1,
) -> None:
    """Chạy máy chủ web (tạo hoặc nâng cấp cơ sở dữ liệu trước khi chạy)."""
    from nghiquyet.accounts.signing_key import KEY_FILE, WeakSecretKey, with_signing_key
    from nghiquyet.config import load_settings

    # Before touching the database: a guessable NGHIQUYET_SECRET_KEY stops the start (WeakSecretKey).
    explicit = load_settings().secret_key is not None
    try:
        settings = with_signing_key(load_settings())
    except WeakSecretKey as exc:
        raise fail(str(exc)) from exc
    settings, engine, _ = open_database(settings)
    engine.dispose()
    typer.echo(f"Cơ sở dữ liệu: {engine.url.render_as_string(hide_password=True)}")
    if not explicit:
        typer.echo(f"Khóa ký phiên đăng nhập: {settings.data_dir / KEY_FILE} (tự tạo, quyền 0600).")
    if workers > 1:
        typer.echo(f"Tiến trình phục vụ: {workers}")
    typer.echo(f"Địa chỉ: http://{host}:{port}/  (API: /api/v1, tài liệu API: /docs)")
    _run_uvicorn(host, port, workers)


def demo_settings(base: Settings) -> Settings:
    """The demo's database: NGHIQUYET_DATABASE_URL when set (it must be empty), else its own SQLite file."""
    if os.environ.get("NGHIQUYET_DATABASE_URL"):
        return base
    data_dir = base.data_dir / "demo"
    url = f"sqlite:///{(data_dir / 'nghiquyet.db').resolve()}"
    return base.model_copy(update={"data_dir": data_dir, "database_url": url})


def _fresh(data_dir: Path) -> None:
    # Remove only the demo's own folder: the real database beside it is never touched.
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)


def _has_rows(factory: sessionmaker[Session]) -> bool:
    from sqlalchemy import select

    from nghiquyet.accounts.models import User

    with factory() as session:
        return session.scalars(select(User.id).limit(1)).first() is not None


def demo(
    port: Annotated[int, typer.Option(help="Cổng")] = 8000,
    host: Annotated[str, typer.Option(help="Địa chỉ lắng nghe")] = "127.0.0.1",
    seed_only: Annotated[bool, typer.Option("--seed-only", help="Chỉ tạo dữ liệu mẫu rồi thoát")] = False,
) -> None:
    """Tạo cơ sở dữ liệu mẫu MỚI (Lâm Đồng: văn bản, đơn vị, tài khoản, giao việc, số liệu) rồi chạy."""
    from nghiquyet.config import load_settings
    from nghiquyet.demo import build_demo

    chosen = bool(os.environ.get("NGHIQUYET_DATABASE_URL"))
    settings = demo_settings(load_settings())
    if not chosen:
        _fresh(settings.data_dir)
    settings, engine, factory = open_database(settings)
    try:
        if chosen and _has_rows(factory):
            # A database the user named is never wiped: the demo needs an empty one.
            raise fail("cơ sở dữ liệu trong NGHIQUYET_DATABASE_URL đã có dữ liệu; hãy dùng một cơ sở dữ liệu "
                       "trống cho dữ liệu mẫu (hoặc bỏ biến này để dùng tệp SQLite riêng)")
        summary = build_demo(factory, settings)
    finally:
        engine.dispose()
    url = engine.url.render_as_string(hide_password=True)
    typer.echo(f"Dữ liệu mẫu: {url.removeprefix('sqlite:///')}")
    typer.echo(summary.describe())
    typer.echo("Tài khoản (tên / mật khẩu — vai trò):")
    for account in summary.accounts:
        typer.echo(f"  {account.username:<14} / {account.password:<14} — {account.label}")
    if seed_only:
        return
    typer.echo(f"Địa chỉ: http://{host}:{port}/  (đăng nhập: vanphong / vanphong)")
    # The app factory reads settings from the environment: point it at the demo database.
    os.environ["NGHIQUYET_DATA_DIR"] = str(settings.data_dir)
    os.environ["NGHIQUYET_DATABASE_URL"] = settings.resolved_database_url
    _run_uvicorn(host, port)
