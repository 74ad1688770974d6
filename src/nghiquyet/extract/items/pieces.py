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
_NEWLINE = re.compile(r"\n\s*")
_BULLET = re.compile(r"[-+•*–]")
_BULLET_START = re.compile(r"[-+•*–]\s+")


def _column(body: str, raw: str, estimate: int | None) -> int | None:
    """Where the piece's opening words stand in its source line as read: the place of its first
    words nearest the estimate (a piece that wraps has only its first words on the line)."""
    folded = raw.casefold()
    for size in (30, 12):
        probe = body[:size].casefold().rstrip()
        places = [m.start() for m in re.finditer(re.escape(probe), folded)] if probe else []
        if places:
            return min(places, key=lambda at: abs(at - estimate)) if estimate is not None else places[0]
    return estimate


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


def _line_starts(text: str, line: int, line_end: int, lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """(offset in text, source line, the line's list marker) of each source line found in the text.

    A line that opens with a marker ("- ", "a) ") starts at its marker when the text kept it.
    """
    found = [(0, line, "")]
    pos = 1
    folded = text.casefold()
    for n in range(line + 1, min(line_end, len(lines)) + 1):
        raw = lines[n - 1]
        m = _MARKER.match(raw)
        marker = m.group().strip() if m else ""
        probe = " ".join(raw[m.end() if m else 0 :].split())[:30].casefold()
        if not probe:
            continue
        at = folded.find(probe, pos)
        if at < 0:
            continue
        back = len(text[:at].rstrip())
        if marker and text[:back].endswith(marker):
            at = back - len(marker)
        found.append((at, n, marker))
        pos = at + 1
    return found


def _paragraph(text: str, line: int, starts: list[tuple[int, int, str]]) -> Paragraph:
    return Paragraph(text=text, line=line, line_end=starts[-1][1],
                     offsets=tuple(o for o, _, _ in starts), lines=tuple(n for _, n, _ in starts))


def _bounds(text: str, para: Paragraph, starts: list[tuple[int, int, str]]) -> tuple[dict[int, bool],
                                                                                     dict[int, str]]:
    """Where a piece may start (→ whether a cut there is the usual one), and the labels found there."""
    bounds: dict[int, bool] = {0: True}
    labels: dict[int, str] = {}
    for seg in segments(para, 0):
        # An inline list item starts at its marker ("(2) Thu nhập …"), which the segment skips.
        at = text.rfind(seg.label, max(0, seg.start - len(seg.label) - 2), seg.start) if seg.label else -1
        start = at if at >= 0 else seg.start
        bounds[start] = True
        if seg.label:
            labels[start] = seg.label
    for offset, _, marker in starts[1:]:
        if marker or _CLAUSE_END.search(text[:offset]):
            bounds[offset] = True
        if marker and not _BULLET.fullmatch(marker):
            labels.setdefault(offset, marker)
    for m in _NEWLINE.finditer(text):  # a text that kept its line breaks (bullets under a lead)
        if m.end() < len(text):
            usual = bool(_MARKER.match(text, m.end())) or bool(_CLAUSE_END.search(text[: m.start()]))
            bounds[m.end()] = bounds.get(m.end(), False) or usual
    for m in _SEMICOLON.finditer(text):
        if m.end() < len(text):
            bounds.setdefault(m.end(), False)
    return bounds, labels


def _own_words(body: str, label: str | None) -> tuple[str, int]:
    """The piece's words without its label or bullet; how many characters were taken off the front."""
    if label and body.startswith(label):
        rest = body[len(label) :].lstrip()
    elif m := _BULLET_START.match(body):
        rest = body[m.end() :]
    else:
        return body, 0
    return rest.strip(), len(body) - len(rest)


def item_pieces(text: str, *, line: int, line_end: int | None = None, column: int | None = None,
                lines: Sequence[str] = (), at: Sequence[int] | None = None) -> list[Piece]:
    """The pieces of an item's text, in order (one piece when there is nowhere to split).

    `at` cuts at exactly those offsets of `text` instead (a reader's own choice of places).
    """
    last = max(line, line_end or line)
    starts = _line_starts(text, line, last, lines) if line > 0 and lines else [(0, line, "")]
    para = _paragraph(text, line, starts)
    bounds, labels = _bounds(text, para, starts)
    if at is not None:
        bounds, labels = {0: True, **dict.fromkeys(at, True)}, {}
    order = sorted(o for o in bounds if 0 <= o < len(text))
    pieces: list[Piece] = []
    for k, start in enumerate(order):
        end = order[k + 1] if k + 1 < len(order) else len(text)
        raw = text[start:end]
        label = labels.get(start)
        body, taken = _own_words(raw.strip(), label)
        if not body:
            continue
        lead = start + len(raw) - len(raw.lstrip()) + taken
        first = para.line_at(lead)
        estimate = column + lead if first == line and column is not None else None
        if first != line:
            estimate = column_at(para, lead)
        col = _column(body, lines[first - 1] if 0 < first <= len(lines) else "", estimate)
        pieces.append(Piece(text=body, start=lead, end=lead + len(body), line=first,
                            line_end=para.line_at(max(lead, lead + len(body) - 1)), column=col,
                            label=label, cut=bounds[start] and bool(pieces)))
    return pieces or [Piece(text.strip(), 0, len(text), line, last, column, None, False)]


def offsets_of_parts(text: str, parts: Sequence[str]) -> list[int] | None:
    """Where each of `parts` starts in `text`, when the parts are the text cut into pieces in order
    (spaces and line breaks may differ, nothing else); None when they are not."""
    offsets: list[int] = []
    pos = 0
    for part in parts:
        words = part.split()
        if not words:
            continue
        m = re.compile(r"\s*" + r"\s+".join(re.escape(w) for w in words)).match(text, pos)
        if m is None:
            return None
        offsets.append(m.start() + len(m.group()) - len(m.group().lstrip()))
        pos = m.end()
    return offsets if text[pos:].strip() == "" and offsets else None
