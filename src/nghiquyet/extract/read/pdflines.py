"""A PDF's visual lines → the document's own paragraphs, one line each, from the layout alone.

A PDF wraps every paragraph at the page width, and its text layer gives the wrapped lines. The
words cannot tell a wrapped line from a new paragraph ("… trong đó thu nội địa" / "3.500 tỷ đồng."
is one sentence; a title wrapped onto a second line looks like the body after it), but the page
can, as a reader's eye does. A line starts a new paragraph when, against the line before it:
- the type changes: bold against regular, or another font size;
- the gap between the two lines is wider than the document's usual line pitch (space after a
  paragraph), or the line stands higher on the page (another column, a floating box);
- its left edge differs from the line before, when that line was itself a continuation: all the
  lines after a paragraph's first share one edge, so a step in or out is a first-line indent or the
  next item of a hanging list (the first line of a paragraph may stand anywhere: indented, hanging,
  centred);
- the line before ended short of the right margin by more than this line's first word: had the
  paragraph gone on, that word would have fitted there.
Lines whose place is not known (pdfminer's text, a table row, a line of two columns) stand alone.
Each step looks at two neighbouring lines and two document-wide figures: the work stays linear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# A font size this much (points) from the line before is another style of type.
SIZE_STEP = 0.6
# The gap between two lines of one paragraph is the usual pitch; Word's smallest paragraph spacing
# (3 pt after 12-14 pt type) adds a fifth of it, so a tenth more (and half a point of rounding)
# already means space between paragraphs.
GAP_RATIO = 1.1
GAP_SLACK = 0.5
PITCH_FLOOR = 0.9  # no two lines of text stand closer than this share of their size
RECUR = 0.03  # a pitch met between this share of the pairs of lines (and twice) is the document's
EDGE = 1.5  # points: left edges closer than this are one edge
SPACE = 0.25  # a word space, as a share of the font size
# The right margin: where the longest lines of a page size end, one line in 50 (a text box, a
# stray wide line) left out. Justified text shows it: JUSTIFIED lines or more end there. Else (a
# page of short lines, ragged text) it is put no nearer than the left margin's mirror, as offices
# set a right margin no wider than the left (Nghị định 30/2020: 30-35 mm left, 15-20 mm right).
OVERHANG = 50
JUSTIFIED = 3
# However few lines a document has to learn its pitch from, a gap of this many times the type's
# size is space between paragraphs (Word's double spacing is 2.3 times).
WIDE_GAP = 2.5


@dataclass(frozen=True, slots=True)
class Box:
    """Where a visual line stands (PDF points, y upwards) and in what type."""

    left: float
    right: float
    base: float  # the bottom of its first character's font box: the same for every line of one font
    size: float
    bold: bool
    first_word: float  # the width of its first word
    page_width: float
    # Where its last visual line starts: pdfium gives a word hyphenated across two lines as one
    # line of text, which then spans two lines of the page (else the same as left and base).
    last_left: float | None = None
    last_base: float | None = None

    @property
    def end_left(self) -> float:
        return self.left if self.last_left is None else self.last_left

    @property
    def end_base(self) -> float:
        return self.base if self.last_base is None else self.last_base


@dataclass(frozen=True, slots=True)
class VisualLine:
    """One line as the page shows it; `box` is None when its place is not known (it stands alone)."""

    text: str
    page: int
    box: Box | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """Document-wide figures: the right margin per page width, the line pitch per font size."""

    rights: dict[int, float]
    pitches: dict[float, float]
    body: tuple[float, float] | None  # (size, pitch) of the most common type, for other sizes

    def right(self, box: Box) -> float:
        return self.rights[round(box.page_width)]

    def pitch(self, size: float) -> float:
        """The widest gap between two lines of one paragraph in type of this size."""
        known = self.pitches.get(_size_key(size))
        if known is None and self.body is not None:
            known = self.body[1] * size / self.body[0]
        if known is None:
            return WIDE_GAP * size
        return min(known * GAP_RATIO + GAP_SLACK, WIDE_GAP * size)


def _size_key(size: float) -> float:
    return round(size * 2) / 2


def frame(lines: Sequence[VisualLine]) -> Frame:
    """The right margins and line pitches of a document's lines."""
    rights: dict[int, list[float]] = {}
    lefts: dict[int, float] = {}
    pitches: dict[float, Counter[float]] = {}
    sizes: Counter[float] = Counter()
    before: VisualLine | None = None
    for line in lines:
        box = line.box
        if box is not None:
            key = round(box.page_width)
            rights.setdefault(key, []).append(box.right)
            lefts[key] = min(lefts.get(key, box.left), box.left)
            sizes[_size_key(box.size)] += 1
            prev = before.box if before is not None and before.page == line.page else None
            if prev is not None and abs(prev.size - box.size) <= SIZE_STEP and prev.end_base > box.base:
                pitch = round((prev.end_base - box.base) * 2) / 2
                pitches.setdefault(_size_key(box.size), Counter())[pitch] += 1
        before = line
    margins = {}
    for width, values in rights.items():
        values.sort()
        margin = values[len(values) - 1 - len(values) // OVERHANG]
        if sum(1 for v in values if abs(v - margin) <= EDGE) < JUSTIFIED:
            margin = max(margin, width - lefts[width])
        margins[width] = margin
    usual = {size: _line_pitch(size, counts) for size, counts in pitches.items()}
    body = None
    if usual:
        size = max(usual, key=lambda s: (sizes[s], s))
        body = (size, usual[size])
    return Frame(margins, usual, body)


def _line_pitch(size: float, counts: Counter[float]) -> float:
    """The pitch between two lines of one paragraph: the smallest that recurs, not the commonest
    (in a list of one-line items most gaps are between paragraphs). Closer than the type's own
    size is no pitch: a raised figure, or a line the text layer cut in two."""
    total = sum(counts.values())
    for pitch in sorted(counts):
        if pitch >= PITCH_FLOOR * size and counts[pitch] >= max(2, RECUR * total):
            return pitch
    return counts.most_common(1)[0][0]


def starts_paragraph(prev: Box, box: Box, prev_opens: bool, same_page: bool, layout: Frame) -> bool:
    """Does the line at `box` start a paragraph after the line at `prev` (see module doc)?

    `prev_opens`: the line before is the first line of its paragraph.
    """
    if prev.bold != box.bold or abs(prev.size - box.size) > SIZE_STEP:
        return True
    if same_page:
        pitch = prev.end_base - box.base
        if pitch <= 0 or pitch > layout.pitch(box.size):
            return True
    if not prev_opens and abs(box.left - prev.end_left) > EDGE:
        return True
    return layout.right(prev) - prev.right > box.first_word + SPACE * box.size


def paragraphs(lines: Sequence[VisualLine]) -> tuple[list[str], list[int]]:
    """The paragraphs as lines of text, and for each visual line the index of the one holding it."""
    layout = frame(lines)
    out: list[str] = []
    where: list[int] = []
    pieces: list[str] = []
    prev: VisualLine | None = None
    opens = True  # `prev` is the first line of the paragraph being built

    def flush() -> None:
        if pieces:
            out.append("".join(pieces))
            pieces.clear()

    for line in lines:
        text = line.text.strip()
        box, last = line.box, prev.box if prev is not None else None
        joined = (box is not None and last is not None and prev is not None and pieces
                  and not starts_paragraph(last, box, opens, prev.page == line.page, layout))
        if joined:
            pieces.append(_glue(pieces[-1], text))
        else:
            flush()
        opens = not joined and (box is None or box.last_left is None)
        pieces.append(text)
        where.append(len(out))
        prev = line
    flush()
    return out, where


def _glue(before: str, after: str) -> str:
    """What goes between two wrapped lines: nothing after a word broken at its hyphen ("01-" +
    "KL/TW", "2021-" + "2025"), else a space."""
    if before.endswith("-") and not before.endswith(" -") and after[:1].isalnum():
        return ""
    return " "
