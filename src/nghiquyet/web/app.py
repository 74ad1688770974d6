"""The FastAPI application, built by `create_app(settings)`: nothing happens at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session, sessionmaker
from starlette.types import ASGIApp

from nghiquyet import __version__
from nghiquyet.accounts.signing_key import with_signing_key
from nghiquyet.config import Settings, load_settings
from nghiquyet.db import make_engine, make_session_factory
from nghiquyet.notifications.email import SmtpChannel
from nghiquyet.reminders.scheduler import ReminderScheduler
from nghiquyet.web.api import api_router
from nghiquyet.web.api.errors import install_error_handlers
from nghiquyet.web.csrf import CrossOriginGuard, origin_of
from nghiquyet.web.headers import SecurityHeaders
from nghiquyet.web.pages import router as pages_router
from nghiquyet.web.pages.errors import install_page_errors

STATIC_DIR = Path(__file__).parent / "static"
# FastAPI's own page starts Swagger UI with an inline script (refused by the CSP) and takes its icon
# from a CDN (deployments have no internet): this one loads everything from /static.
_SWAGGER_PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nghiquyet — API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<div id="swagger-ui" data-openapi-url="/openapi.json"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/swagger/init.js"></script>
</body>
</html>
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the engine and session factory live on `app.state` (migrations are run by the CLI)."""
    settings = with_signing_key(settings or load_settings())  # refuses a guessable key
    engine = make_engine(settings.resolved_database_url, pool_size=settings.db_pool_size)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        scheduler = start_reminders(settings, app.state.session_factory)
        yield
        if scheduler is not None:
            scheduler.stop()
        engine.dispose()  # close pooled connections when the server stops

    app = FastAPI(
        lifespan=lifespan,
        title="nghiquyet",
        version=__version__,
        description="Theo dõi thực hiện nghị quyết: văn bản → kế hoạch → giao việc → tiến độ → đánh giá.",
        docs_url=None,  # served below with vendored Swagger UI assets
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)

    install_error_handlers(app)
    install_page_errors(app)  # HTML for pages, JSON kept under /api/
    own = origin_of(settings.base_url)  # the public address, when a proxy changes the Host header
    app.add_middleware(CrossOriginGuard, trusted_origins=frozenset({own} if own else ()))
    app.include_router(api_router, prefix="/api/v1")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(_SWAGGER_PAGE)

    app.include_router(pages_router)
    wrap_outermost(app, SecurityHeaders)

    return app


def wrap_outermost(app: FastAPI, middleware: Callable[[ASGIApp], ASGIApp]) -> None:
    """Put `middleware` outside Starlette's error middleware too, so its 500 answers pass through it."""
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: middleware(build())  # type: ignore[method-assign]


def start_reminders(settings: Settings, factory: sessionmaker[Session]) -> ReminderScheduler | None:
    """NGHIQUYET_REMINDERS=on: the reminder job runs inside the server (one sender among workers)."""
    if settings.reminders.lower() not in ("on", "1", "true"):
        return None
    channel = SmtpChannel.from_url(settings.smtp_url, settings.smtp_from) if settings.smtp_url else None
    scheduler = ReminderScheduler(factory, channel=channel, base_url=settings.base_url,
                                  interval_s=settings.reminders_interval_s)
    scheduler.start()
    return scheduler


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory`: the CLI names it by string, so cli never imports web."""
    from nghiquyet.web.pages.common import compile_templates

    compile_templates()  # each worker, once, before it takes requests
    return create_app(load_settings())
