"""A site of one's own: a fresh SQLite database built by the test, served on its own port.

The session's demo site is shared by every browser test; a test that needs exact figures builds them
here instead, so it neither depends on the demo's data nor changes what other tests read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from nghiquyet.config import Settings, load_settings
from tests.browser.helpers import DESKTOP
from tests.serving import free_port


@contextmanager
def serve(data_dir: Path) -> Iterator[str]:
    """The app on the database in `data_dir`, served by uvicorn on 127.0.0.1; yields its base URL."""
    import uvicorn

    from nghiquyet.web.app import create_app

    app = create_app(load_settings(data_dir=data_dir))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def own_site(data_dir: Path, build: Callable[[Session, Settings], None]) -> Iterator[str]:
    """A migrated empty database in `data_dir`, filled by `build` (committed), then served."""
    from nghiquyet.db import make_engine, make_session_factory, migrate

    settings = load_settings(data_dir=data_dir)
    migrate(settings.resolved_database_url)
    engine = make_engine(settings.resolved_database_url)
    try:
        with make_session_factory(engine)() as session:
            build(session, settings)
            session.commit()
    finally:
        engine.dispose()
    with serve(data_dir) as url:
        yield url


@contextmanager
def open_page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh browser context (no cookies) on `base_url`, at desktop width, in Vietnamese."""
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", base_url=base_url)
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    try:
        yield pg
    finally:
        context.close()
