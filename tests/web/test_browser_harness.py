"""The browser suite skips with a reason when chromium is missing, unless NGHIQUYET_REQUIRE_BROWSER=1."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import conftest as harness


def test_missing_chromium_skips_with_a_reason(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(harness, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("NGHIQUYET_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed"):
        harness._need_chromium()


def test_missing_chromium_fails_when_the_browser_is_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(harness, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("NGHIQUYET_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="NGHIQUYET_REQUIRE_BROWSER=1"):
        harness._need_chromium()


def test_requests_to_other_hosts_are_caught() -> None:
    seen = harness.Recorder()
    seen.urls += [
        "http://127.0.0.1:8000/static/app.css",
        "data:image/png;base64,xx",
        "https://cdn.example/x.js",
    ]
    assert seen.foreign() == ["https://cdn.example/x.js"]
