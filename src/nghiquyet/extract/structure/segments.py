"""Segments: the pieces of a paragraph that can each be one item, in any layout.

A paragraph may be one list item, a sentence of prose, a whole web page pasted on one line, or an
inline enumeration ("Về kinh tế: (1) ... (2) ..."; "1. ... 2. ..." inside one line). `segments`
cuts a paragraph into its inline items when it has an enumeration, else into its sentences, and
keeps where each piece starts in the paragraph so review can highlight it at its place.

Every scan here is one left-to-right pass (finditer over the paragraph), so the cost is linear in
the paragraph's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from nghiquyet.extract.text.paragraph import UPPER, Paragraph


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of paragraph `para`: `text` is `paragraph.text[start:end]`, stripped."""

    text: str
    para: int
    start: int
    end: int
    line: int
    column: int  # where the piece starts in its source line (0-based, in the normalised text)
    label: str | None = None  # "(3)", "2." for an inline enumeration's item


# A sentence ends at ".", "!", "?" or "…" followed by space and a capital, a digit or an opening
# bracket; not after one-letter or place abbreviations ("TP. Đà Lạt", "TT. Ái Nghĩa"). A source's
# tag between a heading and its lead ends the heading too.
_SENTENCE_END = re.compile(
    rf"(?:\.{{3}}|[.!?…])(?:/\.)?(?<!\bTP\.)(?<!\bTT\.)(?<!\bTX\.)(?<!\bTh\.)(?<!\b[{UPPER}]\.)"
    rf"\s+(?=[{UPPER}\d(\"“*+•-])"
    # A press page's heading glued to its lead by the source's tag: "... 8,5%(sav.gov.vn) - Chính phủ".
    r"|\((?:[A-ZĐ]{2,8}|[\w.-]+\.(?:vn|com|net|org))\)\s*[-–—]\s+|(?<=\s)[A-ZĐ]{2,8}\.VN\s*[-–—]\s+"
)
# Inline enumeration markers: "(1)", "1.", "1)", "a)" opening a piece, after a start, a space or a
# colon/semicolon. The number must read 1, 2, 3 ... in order to count (see `_enumeration`).
_MARKER = re.compile(
    rf"(?:(?<=^)|(?<=[\s:;,]))(?:\((\d{{1,2}})\)|(\d{{1,2}})[.)]|([a-zđ])\))\s+(?=[{UPPER}\w])"
)
_ROMAN_GROUP = re.compile(rf"(?:(?<=^)|(?<=[\s.;:]))(?:[IVX]{{1,4}})[.\-–]\s+(?=[{UPPER}])")


def column_at(p: Paragraph, offset: int) -> int:
    """Where character `offset` of `p.text` stands in its own source line."""
    if p.cells:
        # A table row's text is its cells rebuilt (from one line or one cell per line): no offset in
        # it stands for a place in a source line, so review highlights the row from its start.
        return 0
    if not p.offsets:
        return offset
    k = max(0, bisect_right(p.offsets, offset) - 1)
    return offset - p.offsets[k]


def _piece(p: Paragraph, index: int, start: int, end: int, label: str | None = None) -> Segment | None:
    raw = p.text[start:end]
    text = raw.strip(" ;,")
    if not text:
        return None
    lead = start + (len(raw) - len(raw.lstrip(" ;,")))
    return Segment(text, index, lead, end, p.line_at(lead), column_at(p, lead), label)


def _enumeration(text: str) -> list[tuple[int, int, str]]:
    """(marker start, item start, label) of the longest run 1, 2, 3 ... (or a, b, c) of markers."""
    best: list[tuple[int, int, str]] = []
    runs: dict[str, list[tuple[int, int, str]]] = {}
    for m in _MARKER.finditer(text):
        paren, dec, alpha = m.groups()
        if alpha is not None:
            kind, value = "alpha", ord(alpha) - ord("a") + 1
            label = f"{alpha})"
        elif paren is not None:
            kind, value, label = "paren", int(paren), f"({paren})"
        else:
            kind, value, label = "dec", int(dec or 0), m.group().strip()
        run = runs.setdefault(kind, [])
        if value == len(run) + 1:
            run.append((m.start(), m.end(), label))
        elif value == 1:
            if len(run) > len(best):
                best = run
            runs[kind] = [(m.start(), m.end(), label)]
    for run in runs.values():
        if len(run) > len(best):
            best = run
    return best if len(best) >= 2 else []


_HEADLINE_LINE = re.compile(rf"[{UPPER}][^\n]{{10,110}}[^\W_]")


def _headline_breaks(p: Paragraph, start: int, stop: int) -> list[tuple[int, int]]:
    """(end, next start) of source lines inside `p` that stand alone as headlines: short, opening
    with a capital, closed by no punctuation, and followed by a line opening with a capital (a
    portal's list of other headlines above an article's lead, kept in one paragraph)."""
    out: list[tuple[int, int]] = []
    bounds = [*p.offsets, len(p.text)]
    # Only the lines starting inside [start, stop): `sentences` runs once per piece of an
    # enumeration, and scanning every line of the paragraph each time would be quadratic.
    for k in range(bisect_left(p.offsets, start), len(p.offsets) - 1):
        a, b = bounds[k], bounds[k + 1]
        if b >= stop:
            break
        line = p.text[a:b].rstrip()
        nxt = p.text[b : b + 1]
        if _HEADLINE_LINE.fullmatch(line) and nxt.isupper():
            out.append((a + len(line), b))
    return out


def sentences(p: Paragraph, index: int, start: int = 0, end: int | None = None) -> list[Segment]:
    """The sentences of `p.text[start:end]`."""
    stop = len(p.text) if end is None else end
    out: list[Segment] = []
    pos = start
    if len(p.offsets) > 2 and not p.cells:
        for line_end, next_start in _headline_breaks(p, start, stop):
            if line_end <= pos:
                continue
            piece = _piece(p, index, pos, line_end)
            if piece is not None:
                out.append(piece)
            pos = next_start
    for m in _SENTENCE_END.finditer(p.text, pos, stop):
        piece = _piece(p, index, pos, m.start() + len(m.group().rstrip()))
        if piece is not None:
            out.append(piece)
        pos = m.end()
    piece = _piece(p, index, pos, stop)
    if piece is not None:
        out.append(piece)
    return out


def segments(p: Paragraph, index: int) -> list[Segment]:
    """The inline items of a paragraph that enumerates, else its sentences.

    The text before the first marker (the lead: "Về kinh tế:") is a segment of its own, and so is
    each group heading of a one-line page ("I. Về kinh tế (11 chỉ tiêu)").
    """
    text = p.text
    marks = _enumeration(text)
    if not marks:
        return sentences(p, index)
    out: list[Segment] = []
    bounds = sorted({(s, e, lab) for s, e, lab in marks} | {(m.start(), m.start(), "") for m in
                                                             _ROMAN_GROUP.finditer(text, marks[0][0])})
    out.extend(sentences(p, index, 0, bounds[0][0]))
    for k, (mark_start, item_start, label) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        if not label:  # a group heading between items: one lead segment ("II. Về xã hội")
            head = _piece(p, index, mark_start, end)
            if head is not None:
                out.append(head)
            continue
        # The last item of an inline list ends with its sentence: what follows ("Giao Ủy ban nhân
        # dân ...") is prose of its own, read sentence by sentence.
        stop = _SENTENCE_END.search(text, item_start, end) if k + 1 == len(bounds) else None
        piece = _piece(p, index, item_start, stop.start() + 1 if stop else end, label)
        if piece is not None:
            out.append(piece)
        if stop:
            out.extend(sentences(p, index, stop.end(), end))
    return out
