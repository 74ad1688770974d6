"""The places one extracted item can be split at: its sentences, inline list items and lines.

Review splits an item the extractor read as one ("(1) … (2) …" glued together, two bullets
joined across a line break, a task whose second sentence is a target). `item_pieces` cuts the
item's text where the extractor's own segmenter would (structure/segments.py: inline
enumerations, else sentences), and also at source lines that open a new list item or follow a
line ending a clause, and at ";". Each piece keeps the source line it stands on, so every part of
a split keeps its evidence. `cut` says whether splitting before the piece is the usual reading
(a sentence or list item starts) or only possible (a ";" inside one sentence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nghiquyet.extract.structure.segments import column_at, segments
from nghiquyet.extract.text.paragraph import Paragraph

# A list marker opening a source line: "- ", "+ ", "•", "a) ", "1. ", "(2) ".
_MARKER = re.compile(r"^\s*(?:[-+•*–]|\(?\d{1,2}[.)]|\(?[a-zđ]\))\s*")
_CLAUSE_END = re.compile(r"[.;:!?…]\s*$")
_SEMICOLON = re.compile(r";\s*")


def _column(body: str, raw: str) -> int | None:
    """Where the piece's opening words stand in its source line as read, when they are there."""
    probe = body[:30].casefold()
    at = raw.casefold().find(probe) if probe else -1
    return at if at >= 0 else None


@dataclass(frozen=True, slots=True)
class Piece:
    """`text` is the item's text[start:end], stripped; `line`..`line_end` are source lines."""

    text: str
    start: int
    end: int
    line: int
    line_end: int
    column: int | None  # where the piece starts in its source line, when known
    label: str | None  # an inline list item's own label ("(2)", "b)")
    cut: bool  # a split before this piece is the usual reading


def _line_starts(text: str, line: int, line_end: int, lines: Sequence[str]) -> list[tuple[int, int, int]]:
    """(offset in text, source line, marker length) of each source line found in the item's text."""
    found = [(0, line, 0)]
    pos = 1
    folded = text.casefold()
    for n in range(line + 1, min(line_end, len(lines)) + 1):
        raw = lines[n - 1]
        marker = _MARKER.match(raw)
        body = raw[marker.end() :] if marker else raw
        probe = " ".join(body.split())[:30].casefold()
        if not probe:
            continue
        at = folded.find(probe, pos)
        if at < 0:
            continue
        found.append((at, n, marker.end() if marker else 0))
        pos = at + 1
    return found


def _paragraph(text: str, line: int, starts: list[tuple[int, int, int]]) -> Paragraph:
    return Paragraph(text=text, line=line, line_end=starts[-1][1],
                     offsets=tuple(o for o, _, _ in starts), lines=tuple(n for _, n, _ in starts))


def item_pieces(text: str, *, line: int, line_end: int | None = None, column: int | None = None,
                lines: Sequence[str] = ()) -> list[Piece]:
    """The pieces of an item's text, in order (one piece when there is nowhere to split)."""
    last = max(line, line_end or line)
    starts = _line_starts(text, line, last, lines) if line > 0 and lines else [(0, line, 0)]
    para = _paragraph(text, line, starts)
    marker_of = {o: m for o, _, m in starts}
    bounds: dict[int, bool] = {}  # offset where a piece may start → whether that is the usual cut
    labels: dict[int, str | None] = {}
    for seg in segments(para, 0):
        # An inline list item starts at its marker ("(2) Thu nhập …"), which the segment skips.
        at = text.rfind(seg.label, max(0, seg.start - len(seg.label) - 2), seg.start) if seg.label else -1
        start = at if at >= 0 else seg.start
        bounds[start] = True
        labels[start] = seg.label
    for offset, _, marker in starts[1:]:
        before = text[:offset]
        if marker or _CLAUSE_END.search(before):
            bounds[offset] = True
    for m in _SEMICOLON.finditer(text):
        if m.end() < len(text):
            bounds.setdefault(m.end(), False)
    bounds[0] = True
    order = sorted(o for o in bounds if 0 <= o < len(text))
    pieces: list[Piece] = []
    for k, start in enumerate(order):
        end = order[k + 1] if k + 1 < len(order) else len(text)
        raw = text[start:end]
        body = raw.strip()
        lead = start + len(raw) - len(raw.lstrip())
        label = labels.get(start)
        if label and body.startswith(label):  # the label is the part's own, not its text
            rest = body[len(label) :]
            lead += len(body) - len(rest.lstrip())
            body = rest.strip()
        if not body:
            continue
        first = para.line_at(lead)
        col = _column(body, lines[first - 1] if 0 < first <= len(lines) else "")
        if col is None and first == line:
            col = column + lead if column is not None else None
        elif col is None:
            line_offset = max(o for o, n, _ in starts if n == first)
            col = column_at(para, lead) + marker_of.get(line_offset, 0)
        pieces.append(Piece(text=body, start=lead, end=lead + len(body), line=first,
                            line_end=para.line_at(max(lead, lead + len(body) - 1)), column=col,
                            label=label, cut=bounds[start] and bool(pieces)))
    return pieces or [Piece(text.strip(), 0, len(text), line, last, column, None, False)]
