"""Browser harness: a demo database in a temp dir, the app served by uvicorn on 127.0.0.1, Debian chromium.

Skips with a reason when /usr/bin/chromium is missing, unless NGHIQUYET_REQUIRE_BROWSER=1 (then fails).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import DESKTOP
from tests.browser.own_site import serve

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            # One worker runs them all (`pytest -n 2 --dist loadgroup`): one demo database, one chromium.
            item.add_marker(pytest.mark.xdist_group(name="browser"))


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = "Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
    if os.environ.get("NGHIQUYET_REQUIRE_BROWSER") == "1":
        pytest.fail(reason + " and NGHIQUYET_REQUIRE_BROWSER=1")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database (seed data only: units, accounts, plans) built as `nghiquyet demo` would."""
    _need_chromium()
    from nghiquyet.config import load_settings
    from nghiquyet.db import make_engine, make_session_factory, migrate
    from nghiquyet.demo import build_demo

    data_dir = tmp_path_factory.mktemp("nq-browser")
    settings = load_settings(data_dir=data_dir)
    migrate(settings.resolved_database_url)
    engine = make_engine(settings.resolved_database_url)
    try:
        build_demo(make_session_factory(engine), settings)
    finally:
        engine.dispose()
    return data_dir


@pytest.fixture(scope="session")
def base_url(demo_data_dir: Path) -> Iterator[str]:
    with serve(demo_data_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield instance
        instance.close()


class Recorder:
    """Every URL the page asked for, so a test can assert none left 127.0.0.1."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def foreign(self) -> list[str]:
        return [
            u
            for u in self.urls
            if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).hostname != "127.0.0.1"
        ]


@pytest.fixture
def requests_seen() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Any, base_url: str, requests_seen: Recorder) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", base_url=base_url)
    pg = context.new_page()
    pg.on("request", lambda request: requests_seen.urls.append(request.url))
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
    assert requests_seen.foreign() == [], f"requests to another host: {requests_seen.foreign()}"
