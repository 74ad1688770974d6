"""Text → lines numbered exactly as an editor (and the scorer) numbers them."""

from __future__ import annotations

import re

# Only CR LF, CR and LF end a line. str.splitlines() also breaks on VT, FF, FS, GS, RS, NEL,
# U+2028 and U+2029, which would shift every later line number: those become spaces instead.
_BREAK = re.compile(r"\r\n|\r|\n")
_SPACE_LIKE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufffe\uffff]")


def clean_line(line: str) -> str:
    """One line with separators and control characters turned into spaces (they would break lines)."""
    return _SPACE_LIKE.sub(" ", line.replace("\ufeff", ""))


def table_row(cells: list[str]) -> str:
    """A table row as one line, cells joined by " | "; framed in "|" when its first or last cell is
    empty, so that stripping the line cannot eat the empty cell and shift every column after it."""
    line = " | ".join(cells)
    if cells and not (cells[0] and cells[-1]):
        return f"| {line} |"
    return line


def split_lines(text: str) -> list[str]:
    """Lines of `text` without their endings; a final line ending does not start a new line."""
    text = clean_line(text)
    lines = _BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def split_pages(text: str) -> tuple[list[str], list[int]]:
    """Lines as split_lines gives them, plus where pages start when a form feed opens a line.

    pdftotext and Word's plain-text export put a form feed (\\f) before each new page's first
    line; it is dropped there, and the line index recorded, so the normaliser can find page
    numbers and running headers. A form feed anywhere else is just a space.
    """
    raw = _BREAK.split(text)
    if len(raw) > 1 and raw[-1] == "":
        raw.pop()
    starts: list[int] = []
    for i, line in enumerate(raw):
        if line.startswith("\x0c"):
            starts.append(i)
            raw[i] = line.lstrip("\x0c")
    if starts and starts[0] != 0:
        starts.insert(0, 0)
    return [clean_line(line) for line in raw], starts
