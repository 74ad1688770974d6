"""Templates hold no inline script, style or handler: the Content-Security-Policy would refuse them.

Re-run after every merge: other branches edit templates, and an inline `style=` slips in easily.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).parents[2] / "src" / "nghiquyet" / "web" / "templates"
ALL = sorted(TEMPLATES.rglob("*.html"))

JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
# Each pattern: what the CSP (script-src 'self'; style-src 'self') blocks in markup.
FORBIDDEN = {
    "inline <script> (only <script src=...></script> is allowed)": re.compile(
        r"<script(?![^>]*\bsrc=)[^>]*>|<script[^>]*\bsrc=[^>]*>\s*[^<\s]", re.I),
    "<style> element": re.compile(r"<style[\s>]", re.I),
    "style= attribute": re.compile(r"\sstyle\s*=", re.I),
    "on*= event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I | re.S),
    "javascript: URL": re.compile(r"javascript\s*:", re.I),
    "hx-on (htmx runs it with eval)": re.compile(r"\shx-on", re.I),
}


def test_the_scan_finds_every_template() -> None:
    assert len(ALL) > 20 and (TEMPLATES / "base.html") in ALL


@pytest.mark.parametrize("path", ALL, ids=[str(p.relative_to(TEMPLATES)) for p in ALL])
def test_template_has_no_inline_script_style_or_handler(path: Path) -> None:
    # Jinja comments never reach the browser; blank them so line numbers stay right.
    text = JINJA_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), path.read_text(encoding="utf-8"))
    found = []
    for what, pattern in FORBIDDEN.items():
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.name}:{line}: {what}: {match.group(0)[:60]!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("sample", [
    '<div style="margin:0">', "<p onclick='x()'>", "<script>alert(1)</script>",
    '<a href="javascript:void(0)">', "<style>p{}</style>", '<button hx-on:click="x">',
    '<select id="a"\n  onchange="this.form.submit()">',
])
def test_the_scan_catches_each_kind(sample: str) -> None:
    assert any(p.search(sample) for p in FORBIDDEN.values()), sample


def test_the_scan_allows_script_files_and_data_attributes() -> None:
    ok = '<script src="/static/app.js" defer></script><div data-onchange="x" class="mt-0" hx-get="/a">'
    assert not any(p.search(ok) for p in FORBIDDEN.values())
