"""Normalise text as read into logical paragraphs that remember their source lines.

Two jobs:
- `fold(text)`: character-level clean-up of one string (NFC, one tone-mark convention, odd
  spaces and dashes), safe to call on any snippet;
- `paragraphs(lines)`: rejoin hard-wrapped lines (PDF text is often wrapped at a fixed width
  and double spaced), drop page numbers and running headers, and return `Paragraph`s whose
  `line` is the 1-based line of the file where each starts.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from nghiquyet.extract.fold import MULTI_SPACE, fold
from nghiquyet.extract.paragraph import UPPER, Paragraph
from nghiquyet.extract.wrap import (
    COLUMNS,
    MARKER,
    Phys,
    breaks,
    is_separator,
    split_heading,
    strip_md,
)

__all__ = ["UPPER", "Paragraph", "fold", "paragraphs", "table_cells"]

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.IGNORECASE)
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
    return any(s.startswith("#") or "**" in s for s in lines[:400])


def _drop_furniture(lines: Sequence[str]) -> list[Phys]:
    """Non-blank physical lines, without page numbers and the running headers beside them."""
    # One pass over the whole text is much faster than one per line; fold keeps line breaks.
    folded = fold("\n".join(lines)).split("\n")
    if len(folded) != len(lines):
        folded = [fold(s) for s in lines]
    raw = [(i + 1, s.strip()) for i, s in enumerate(folded)]
    nonblank = [(n, s) for n, s in raw if s]
    # A page number alone on its line between text lines; a bare "1." is a list marker instead.
    # It starts with "-", "Trang" or a digit: the first character rules out almost every line.
    page_idx = {
        k
        for k, (_, s) in enumerate(nonblank)
        if (s[0] in "-Tt" or s[0].isdigit()) and _PAGE_NUMBER.match(s) and not s.endswith(".")
    }
    drop = set(page_idx)
    if page_idx:
        # Running headers: a line repeated on three pages or more, beside a page number.
        counts = Counter(s for _, s in nonblank if len(s) >= 6)
        headers = {s for s, c in counts.items() if c >= 3 and not MARKER.match(s)}
        for k in page_idx:
            for j in range(max(0, k - 3), min(len(nonblank), k + 4)):
                if nonblank[j][1] in headers:
                    drop.add(j)
    markdown = _looks_markdown(lines)
    out = []
    for k, (n, s) in enumerate(nonblank):
        if k in drop:
            continue
        out.append(Phys(n, s, markdown_break=markdown and lines[n - 1].endswith("  ")))
    return out


def _width(phys: Sequence[Phys]) -> float:
    lengths = sorted(len(_flat(p.text)) for p in phys if len(p.text) >= 20)
    if not lengths:
        return 80.0
    return float(lengths[int(0.9 * (len(lengths) - 1))])


def _double_spaced(lines: Sequence[str]) -> bool:
    """True when most text lines are followed by a blank line (so blanks are layout, not breaks)."""
    followed = total = 0
    for a, b in itertools.pairwise(lines):
        if a.strip():
            total += 1
            followed += not b.strip()
    return total > 0 and followed / total > 0.6


def paragraphs(lines: Sequence[str]) -> list[Paragraph]:
    """Logical paragraphs of a document's lines (see module doc)."""
    phys = _drop_furniture(lines)
    if not phys:
        return []
    width = _width(phys)
    blanks_are_layout = _double_spaced(lines)
    # Hard-wrapped text (PDF) fills most lines to the margin; typed text (.docx, Markdown) keeps
    # one paragraph per line of any length, and there the width rule does not apply.
    long_lines = [p for p in phys if len(p.text) >= 20]
    near_margin = sum(len(_flat(p.text)) >= 0.75 * width for p in long_lines)
    wrapped = width < 130 and near_margin >= 0.5 * len(long_lines)
    out: list[Paragraph] = []
    cur: list[tuple[int, str]] = []
    cur_md = 0
    cur_bold = False
    prev: Phys | None = None

    quotes = 0  # open “ minus closed ” in the current paragraph

    def flush() -> None:
        nonlocal cur, quotes
        quotes = 0
        if not cur:
            return
        pieces: list[str] = []
        size = 0
        offsets: list[int] = []
        nos: list[int] = []
        last = ""
        for n, s in cur:
            # "01-" + "KL/TW", "20-" + "25%": rejoin without a space
            if pieces and not (last.endswith("-") and not last.endswith(" -") and s[:1].isalnum()):
                pieces.append(" ")
                size += 1
            offsets.append(size)
            nos.append(n)
            pieces.append(s)
            size += len(s)
            last = s
        text = "".join(pieces)
        out.append(
            Paragraph(
                text=text,
                line=cur[0][0],
                line_end=cur[-1][0],
                md_heading=cur_md,
                bold=cur_bold,
                offsets=tuple(offsets),
                lines=tuple(nos),
            )
        )
        cur = []

    for p in phys:
        has_bar = "|" in p.text  # most lines are no table: skip the table checks at C speed
        if has_bar and _TABLE_RULE.match(p.text):
            continue  # "|---|---|" under a Markdown table header
        cells = table_cells(p.text) if has_bar else ()
        if cells:
            flush()
            text = " | ".join(strip_md(c)[0] for c in cells)
            out.append(
                Paragraph(
                    text=text,
                    line=p.no,
                    line_end=p.no,
                    cells=tuple(strip_md(c)[0] for c in cells),
                    offsets=(0,),
                    lines=(p.no,),
                )
            )
            prev = None
            continue
        s, md_level, bold = strip_md(p.text)
        columns = "     " in s and bool(COLUMNS.search(s))
        s = _flat(s).strip()
        if not s:
            continue
        open_quote = quotes > 0
        if (
            prev is None
            or not cur
            or breaks(
                prev,
                p,
                cur[-1][1],
                s,
                md_level,
                bold,
                columns,
                width,
                blanks_are_layout,
                wrapped,
                lines,
                open_quote,
            )
        ):
            flush()
            cur_md, cur_bold = md_level, bold
        cur.append((p.no, s))
        if "“" in s or "”" in s:
            quotes += s.count("“") - s.count("”")
        prev = p
        if columns or md_level or is_separator(s):
            flush()
    flush()
    return [q for para in out for q in split_heading(para)]
