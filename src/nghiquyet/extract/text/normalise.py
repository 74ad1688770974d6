"""Normalise text as read into logical paragraphs that remember their source lines.

Two jobs:
- `fold(text)`: character-level clean-up of one string (NFC, one tone-mark convention, odd
  spaces and dashes), safe to call on any snippet;
- `paragraphs(lines)`: rejoin hard-wrapped lines (PDF text is often wrapped at a fixed width
  and double spaced), drop page numbers and running headers, and return `Paragraph`s whose
  `line` is the 1-based line of the file where each starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from itertools import compress
from operator import sub

from nghiquyet.extract.text.fold import MULTI_SPACE, fold, fold_lines, keeps_blank_lines
from nghiquyet.extract.text.paragraph import UPPER, Paragraph
from nghiquyet.extract.text.wrap import (
    COLUMNS,
    MARKER,
    Layout,
    breaks,
    is_separator,
    split_heading,
    strip_md,
)

__all__ = ["UPPER", "Paragraph", "fold", "paragraphs", "table_cells"]

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.IGNORECASE)
# Style attributes cut from their tag ("0cm;text-align:justify;line-height:130%\">"), repeated.
_MARKUP_DEBRIS = re.compile(r'(?:[^\s<>"]*(?:[:;][^\s<>"]*)+"?/?>\s*)+|undefined', re.IGNORECASE)
_CELL_FIGURE = re.compile(r"^\d[\d.,]*%?$")
_TABLE_RULE = re.compile(r"^(?=.*\|)\|?[\s:|-]*-{3,}[\s:|-]*\|?$")


def _flat(s: str) -> str:
    """Runs of spaces as one (skipping the regex for the usual line that has none)."""
    return MULTI_SPACE.sub(" ", s) if "  " in s else s


def table_cells(s: str) -> tuple[str, ...]:
    """The cells of a table row, or () for ordinary text."""
    t = s.strip()
    if t.startswith("|") and t.endswith("|") and len(t) > 1:
        return tuple(c.strip() for c in t[1:-1].split("|"))
    if t.count(" | ") >= 2:
        return tuple(c.strip() for c in t.split(" | "))
    return ()


def _looks_markdown(lines: Sequence[str]) -> bool:
    head = lines[:400]
    text = "\n".join(head)
    # A "#" at all is rare: only then look for a line that starts with one.
    return "**" in text or ("#" in text and any(s.startswith("#") for s in head))


def _folded_lines(lines: Sequence[str], raw: str) -> list[str]:
    """Every line (`raw` is all of them joined by "\n") folded and stripped; a blank one is "".
    A page copied with its markup's debris ("0cm;text-align:justify;line-height:130%\">",
    "undefined" where a script wrote nothing) has those lines blank: their figures are styles."""
    out = list(map(str.strip, fold_lines(lines, raw)))
    if '">' in raw or "undefined" in raw:  # rare: spare the scan
        out = ["" if _MARKUP_DEBRIS.fullmatch(s) else s for s in out]
    return out


def _page_numbers(texts: Sequence[str]) -> list[int]:
    """Indexes of the lines that are a page number alone ("12", "- 12 -", "Trang 3/40").

    A bare number right after another bare figure is a table cell arriving one per line
    ("114,59" / "120" / "104"): two page numbers never follow each other."""
    return [
        k for k, s in enumerate(texts)
        if _may_be_page_number(s) and _PAGE_NUMBER.match(s) and not (k and _CELL_FIGURE.match(texts[k - 1]))
    ]


def _may_be_page_number(s: str) -> bool:
    """False for a (stripped, non-blank) line `_PAGE_NUMBER` cannot match."""
    # It starts with "-", "Trang" or a digit and ends with a digit or "-": the two ends rule out
    # nearly every line ("- Tăng cường ...;" and "1. Mục tiêu" start like a page number).
    return (s[0] in "-Tt" or s[0].isdigit()) and (s[-1] == "-" or s[-1].isdigit())


def _drop_furniture(nos: list[int], texts: list[str]) -> tuple[list[int], list[str]]:
    """The non-blank lines (numbers from 1 and text) without page numbers and the running headers
    beside them."""
    page_idx = _page_numbers(texts)
    if not page_idx:
        return nos, texts
    drop = set(page_idx)
    # Running headers: a line repeated on three pages or more, beside a page number.
    counts = Counter(s for s in texts if len(s) >= 6)
    headers = {s for s, c in counts.items() if c >= 3 and not MARKER.match(s)}
    for k in page_idx:
        for j in range(max(0, k - 3), min(len(texts), k + 4)):
            if texts[j] in headers:
                drop.add(j)
    keep = [k not in drop for k in range(len(texts))]
    return list(compress(nos, keep)), list(compress(texts, keep))


def _margin(texts: Sequence[str]) -> tuple[float, bool]:
    """The right margin of the text, and whether it is hard-wrapped there.

    Hard-wrapped text (PDF) fills most lines to the margin; typed text (.docx, Markdown) keeps
    one paragraph per line of any length, and there the width rule does not apply.
    """
    # The lengths of the lines of 20 characters or more, runs of spaces counting as one.
    if "  " in "\n".join(texts):  # rare ("  " cannot span a line break: the lines are stripped)
        lengths = sorted(len(_flat(s)) for s in texts if len(s) >= 20)
    else:  # sorted once, the short ones cut off the front in C
        lengths = sorted(map(len, texts))
        del lengths[: bisect_left(lengths, 20)]
    width = float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 80.0
    near_margin = len(lengths) - bisect_left(lengths, 0.75 * width)
    return width, width < 130 and near_margin >= 0.5 * len(lengths)


def _double_spaced(filled: Sequence[int], size: int) -> bool:
    """True when most text lines are followed by a blank line (so blanks are layout, not breaks).

    `filled`: the numbers (from 1, in order) of the lines with text, of `size` lines.
    """
    if not filled:
        return False
    last = filled[-1] == size  # the last line has no line after it
    total = len(filled) - last
    # A line followed by a blank one ends a run of lines with text; a new run starts after a gap.
    runs = 1 + len(filled) - 1 - list(map(sub, filled[1:], filled)).count(1)
    followed = runs - last
    return total > 0 and followed / total > 0.6


def _clean(t: str) -> tuple[str, int, bool, bool]:
    """A line without Markdown marks and runs of spaces: (text, heading depth, all bold, columns)."""
    s, md_level, bold = strip_md(t)
    columns = "     " in s and bool(COLUMNS.search(s))
    return _flat(s).strip(), md_level, bold, columns


def _join(texts: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """The text of a paragraph's lines and where each line starts in it."""
    if "-\n" in "\n".join(texts):  # a line ends in "-" (at C speed)
        return _join_hyphenated(texts)
    offsets = []
    at = 0
    for s in texts:
        offsets.append(at)
        at += len(s) + 1
    return " ".join(texts), tuple(offsets)


def _join_hyphenated(texts: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """`_join` when a line ends in "-"."""
    pieces: list[str] = []
    size = 0
    offsets: list[int] = []
    last = ""
    for s in texts:
        # "01-" + "KL/TW", "20-" + "25%": rejoin without a space
        if pieces and not (last.endswith("-") and not last.endswith(" -") and s[:1].isalnum()):
            pieces.append(" ")
            size += 1
        offsets.append(size)
        pieces.append(s)
        size += len(s)
        last = s
    return "".join(pieces), tuple(offsets)


def _table_row(no: int, cells: Sequence[str]) -> Paragraph:
    cells = tuple(strip_md(c)[0] for c in cells)
    return Paragraph(" | ".join(cells), no, no, cells=cells, offsets=(0,), lines=(no,))


def _body(lines: Sequence[str]) -> tuple[list[int], list[str], Layout]:
    """The lines with text (numbers from 1, and text folded and stripped) without the furniture,
    and the layout of the document."""
    raw = "\n".join(lines)
    stripped = _folded_lines(lines, raw)
    nos = list(compress(range(1, len(stripped) + 1), stripped))
    # Blank lines as the source has them (fold may empty a line of zero-width characters).
    filled = stripped if keeps_blank_lines(raw) else list(map(str.strip, lines))
    filled_nos = nos if filled is stripped else list(compress(range(1, len(filled) + 1), filled))
    nos, texts = _drop_furniture(nos, list(filter(None, stripped)))
    width, wrapped = _margin(texts)
    return nos, texts, Layout(width, wrapped, _double_spaced(filled_nos, len(lines)), filled)


def paragraphs(lines: Sequence[str]) -> list[Paragraph]:
    """Logical paragraphs of a document's lines (see module doc)."""
    nos, texts, layout = _body(lines)
    if not texts:
        return []
    md_breaks = {n for n in nos if lines[n - 1].endswith("  ")} if _looks_markdown(lines) else set()
    out: list[Paragraph] = []
    cur_nos: list[int] = []
    cur_texts: list[str] = []
    cur_md = 0
    cur_bold = False
    quotes = 0  # open “ minus closed ” in the current paragraph
    closed = True  # the next line starts a paragraph, whatever it says
    before = ""  # the last line of the current paragraph
    prev_no = 0

    def flush() -> None:
        nonlocal cur_nos, cur_texts, quotes
        quotes = 0
        if not cur_texts:
            return
        if len(cur_texts) == 1:
            no = cur_nos[0]
            out.append(Paragraph(cur_texts[0], no, no, cur_md, cur_bold, (), (0,), (no,)))
        else:
            text, offsets = _join(cur_texts)
            para = Paragraph(text, cur_nos[0], cur_nos[-1], cur_md, cur_bold, (), offsets, tuple(cur_nos))
            out.extend(split_heading(para))
        cur_nos, cur_texts = [], []

    for n, t in zip(nos, texts, strict=True):
        if "|" in t:  # most lines are no table: skip the table checks at C speed
            if _TABLE_RULE.match(t):
                continue  # "|---|---|" under a Markdown table header
            cells = table_cells(t)
            if cells:
                flush()
                out.append(_table_row(n, cells))
                closed = True
                continue
        if "  " in t or "*" in t or "_" in t or t[:1] == "#":
            s, md_level, bold, columns = _clean(t)
            if not s:
                continue
            # A heading, a bold line, a line of columns or a rule is a paragraph of its own.
            alone = bool(md_level or bold or columns) or is_separator(s)
        else:  # the usual line: nothing to clean
            s, md_level, bold = t, 0, False
            alone = is_separator(s)
        open_quote = quotes > 0
        if closed or alone or breaks(before, s, open_quote, prev_no, n, layout):
            flush()
            cur_md, cur_bold = md_level, bold
        cur_nos.append(n)
        cur_texts.append(s)
        if "“" in s or "”" in s:
            quotes += s.count("“") - s.count("”")
        closed = alone or n in md_breaks
        before, prev_no = s, n
    flush()
    return out
