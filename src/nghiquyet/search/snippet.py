"""Snippets: the matched words of a line wrapped in <mark>, everything else HTML-escaped."""

from __future__ import annotations

import html
import re

from nghiquyet.search.fold import fold_char

_WORD = re.compile(r"[^\W_]+")
SNIPPET_CHARS = 240


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The text folded character by character, and for each folded character its original index."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for f in fold_char(ch):
            out.append(f)
            where.append(i)
    return "".join(out), where


def match_spans(text: str, terms: set[str], prefix: str | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) in `text` of the words whose folded form is a query term (or starts with prefix)."""
    folded, where = _folded_with_map(text)
    spans: list[tuple[int, int]] = []
    for m in _WORD.finditer(folded):
        word = m.group()
        if word in terms or (prefix is not None and word.startswith(prefix)):
            start = where[m.start()]
            end = where[m.end() - 1] + 1
            spans.append((start, end))
    return spans


def snippet(text: str, terms: set[str], prefix: str | None = None, width: int = SNIPPET_CHARS) -> str:
    """HTML: a window of the text around its first match, the matches marked."""
    spans = match_spans(text, terms, prefix)
    lo, hi = 0, len(text)
    if len(text) > width:
        first = spans[0][0] if spans else 0
        lo = max(0, first - width // 3)
        hi = min(len(text), lo + width)
    parts: list[str] = ["…" if lo > 0 else ""]
    pos = lo
    for start, end in spans:
        if start < pos or end > hi:
            continue
        parts.append(html.escape(text[pos:start]))
        parts.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    parts.append(html.escape(text[pos:hi]))
    if hi < len(text):
        parts.append("…")
    return "".join(parts)
