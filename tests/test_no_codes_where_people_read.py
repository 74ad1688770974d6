"""Issue 10 point 5: no rule code, ISO period code, English state word or document file name where a
person reads — every page route of the demo as each role, and the reports generated from it.

Codes stay in the API's JSON only. The pages are read as a person reads them: the text between tags
(scripts and styles left out) and the attributes shown on screen (title, placeholder, aria-label).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from nghiquyet.cli import app as cli_app
from nghiquyet.config import Settings
from nghiquyet.db import make_engine, make_session_factory
from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.reports import write_report
from nghiquyet.tracking.models import TargetShare
from nghiquyet.web.app import create_app
from nghiquyet.web.pages import router as pages_router
from tests.reports.readback import report_text

# The status rule ids (status/rules.py: "<comparator or basis>.<outcome>", "indicator.<status>",
# "no_data", "no_value"), the status codes, and the series warnings' rules.
_OUTCOMES = "reached|exceeded|missed|on_track|behind|no_targets|vuot|dat|khong_dat|dung_tien_do|nguy_co|" \
            "chua_co_so_lieu"
RULE_CODE = re.compile(
    rf"\b(?:(?:eq|gt|gte|lt|lte|approx|range|prorata|level|seasonal|indicator)\.(?:{_OUTCOMES})"
    r"|no_data|no_value|khong_dat|dung_tien_do|nguy_co|chua_co_so_lieu|annual_below_path|missing_year"
    r"|unit_differs)\b")
# "2024-Q2", "2024-H1", "2024-03" (a stored period) and "2024-03-15" (an ISO date): Vietnamese writes
# "Quý II/2024", "6 tháng đầu năm 2024", "Tháng 3/2024", "15/03/2024".
ISO_PERIOD = re.compile(r"(?<![\d/-])(?:19|20)\d\d-(?:Q[1-4]|H[12]|0[1-9]|1[0-2])\b")
ENGLISH = re.compile(r"\b(?:approved|submitted|draft|returned|proposed|accepted|rejected|Not Found|"
                     r"Method Not Allowed|Internal Server Error|None|null|true|false)\b")
ROLES = ("vanphong", "sotaichinh", "lanhdao", "kiemtra", "quantri", "ductrong")
# Pages that are not HTML for a person (a calendar feed, a download, a script) or only redirect.
NOT_PAGES = {"/lich/{token}.ics", "/minh-chung/{evidence_id}", "/sw.js", "/login"}


class _Visible(HTMLParser):
    """Text a person sees: data outside <script>/<style>, plus attributes shown on screen."""

    SHOWN = ("title", "placeholder", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._skip_file = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        if tag == "dd" and ("class", "source-file") in attrs:
            self._skip_file += 1  # the review page names the uploaded file once, on purpose
        self.parts += [v for k, v in attrs if k in self.SHOWN and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1
        if tag == "dd" and self._skip_file:
            self._skip_file -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and not self._skip_file:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


@dataclass
class Leaks:
    found: dict[str, set[str]] = field(default_factory=dict)

    def check(self, where: str, text: str, filenames: set[str]) -> None:
        hits = {m.group(0) for rx in (RULE_CODE, ISO_PERIOD, ENGLISH) for m in rx.finditer(text)}
        hits |= {f for f in filenames if f in text}
        for hit in hits:
            self.found.setdefault(hit, set()).add(where)

    def report(self) -> str:
        return "\n".join(f"{hit!r} on {sorted(where)[:4]}" for hit, where in sorted(self.found.items()))


@dataclass
class Demo:
    settings: Settings
    filenames: set[str]
    params: dict[str, list[str]]
    plans: list[int]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    data_dir = tmp_path_factory.mktemp("words-demo")
    result = CliRunner().invoke(cli_app, ["demo", "--seed-only"],
                                env={"NGHIQUYET_DATA_DIR": str(data_dir), "NGHIQUYET_DATABASE_URL": ""})
    assert result.exit_code == 0, result.output
    url = f"sqlite:///{data_dir / 'demo' / 'nghiquyet.db'}"
    settings = Settings(data_dir=data_dir / "demo", database_url=url,
                        secret_key="khoa-thu-nghiem-du-dai-cho-hs256-tests-0123")
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        yield Demo(settings, set(session.scalars(select(Document.filename))), _params(session),
                   list(session.scalars(select(Plan.id).order_by(Plan.id))))
    engine.dispose()


def _params(session: Session) -> dict[str, list[str]]:
    """Values for each path parameter: every indicator and task (their statuses differ), a few others."""
    indicators = [str(i) for i in session.scalars(select(Indicator.id).order_by(Indicator.id))]
    tasks = [str(i) for i in session.scalars(select(Task.id).order_by(Task.id))]
    from nghiquyet.explanations.models import Blocker

    return {
        "indicator_id": indicators, "task_id": tasks, "item_id": indicators[:3] + tasks[:3],
        "document_id": [str(i) for i in session.scalars(select(Document.id).order_by(Document.id))],
        "plan_id": [str(i) for i in session.scalars(select(Plan.id).order_by(Plan.id))],
        "blocker_id": [str(i) for i in session.scalars(select(Blocker.id).limit(3))],
        # Shared targets first: the share editor shows its rows filled in.
        "target_id": [str(i) for i in session.scalars(
            select(Target.id).order_by(~select(TargetShare.id).where(TargetShare.target_id == Target.id)
                                       .exists(), Target.id).limit(3))],
        "kind": ["indicator"], "index": ["0"],
    }


def _routes(router: Any) -> Iterator[str]:
    for route in router.routes:
        if hasattr(route, "original_router"):
            yield from _routes(route.original_router)
        elif "GET" in (getattr(route, "methods", None) or ()):
            yield route.path


def _urls(path: str, params: dict[str, list[str]], everything: bool) -> list[str]:
    """The route with each parameter filled; every value for the office, the first three otherwise."""
    names = re.findall(r"{(\w+)}", path)
    if not names:
        return [path]
    urls = [path]
    for name in names:
        values = params[name] if everything else params[name][:3]
        urls = [u.replace("{" + name + "}", v, 1) for u in urls for v in values]
    return urls


# Periods of each kind, so the labels of quarters and halves are read too.
EXTRA = ["/?period=2024-Q2", "/?period=2024-H1", "/?period=2024", "/chi-tieu?period=2024-Q3",
         "/nhiem-vu?period=2024-H2", "/theo-cap?period=2024-Q2", "/tim-kiem?q=thu+ng%C3%A2n+s%C3%A1ch",
         "/tro-ly?q=ch%E1%BB%89+ti%C3%AAu+thu+ng%C3%A2n+s%C3%A1ch+n%C4%83m+2024", "/trang-khong-co",
         "/chi-tieu/abc"]


def test_pages_of_every_role_show_no_codes_periods_or_file_names(demo: Demo) -> None:
    templates = sorted(set(_routes(pages_router)) - NOT_PAGES)
    leaks, seen = Leaks(), 0
    with TestClient(create_app(demo.settings), follow_redirects=False) as client:
        for role in ROLES:
            client.cookies.clear()
            signed = client.post("/dang-nhap", data={"username": role, "password": role, "next": "/"})
            if signed.status_code != 303:  # a demo password that differs from the name (soyte1)
                continue
            office = role == "vanphong"
            urls = [u for t in templates for u in _urls(t, demo.params, office)]
            urls += EXTRA + [f"/chi-tieu/{i}?period=2024-Q2" for i in demo.params["indicator_id"][:25]]
            for url in urls:
                r = client.get(url)
                if "html" not in r.headers.get("content-type", ""):
                    continue
                seen += 1
                leaks.check(f"{role} {url}", visible_text(r.text), demo.filenames)
    assert seen > 400
    assert not leaks.found, "\n" + leaks.report()


def test_reports_show_no_codes_periods_or_file_names(demo: Demo, tmp_path: Path) -> None:
    leaks = Leaks()
    engine = make_engine(demo.settings.resolved_database_url)
    jobs = [(plan, "2024", fmt, None) for plan in demo.plans for fmt in ("docx", "xlsx")]
    jobs += [(demo.plans[3], period, fmt, None) for period in ("2024-Q2", "2024-H1", "2024")
             for fmt in ("docx", "pdf", "xlsx")]
    jobs += [(demo.plans[3], "2024", fmt, "2024-H1") for fmt in ("docx", "xlsx")]
    try:
        with make_session_factory(engine)() as session:
            for plan, period, fmt, base in jobs:
                out = tmp_path / f"{plan}-{period}-{base}.{fmt}"
                write_report(session, plan_id=plan, period=period, fmt=fmt, path=out, compare_to=base)
                leaks.check(out.name, report_text(out), demo.filenames)
    finally:
        engine.dispose()
    assert not leaks.found, "\n" + leaks.report()


def test_console_lists_and_demo_summary_are_vietnamese(demo: Demo) -> None:
    env = {"NGHIQUYET_DATA_DIR": str(demo.settings.data_dir),
           "NGHIQUYET_DATABASE_URL": demo.settings.resolved_database_url}
    leaks = Leaks()
    for args in (["plans"], ["series"], ["proposals"],
                 ["tally", "--unit", "1", "--period", "2024-Q2"]):
        result = CliRunner().invoke(cli_app, args, env=env)
        assert result.exit_code == 0, result.output
        leaks.check(" ".join(args), result.output, demo.filenames)
    assert not leaks.found, "\n" + leaks.report()
