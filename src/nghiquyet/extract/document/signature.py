"""The closing block: recipients after "Nơi nhận:", capacity ("T/M TỈNH ỦY"), position, signer.

Read from the raw lines, because the signature often shares lines with the recipients list
in a second column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from nghiquyet.extract.model import Signer
from nghiquyet.extract.structure.outline import Outline
from nghiquyet.extract.text.casing import mixed_case
from nghiquyet.extract.text.fold import fold, fold_lines
from nghiquyet.extract.text.normalise import UPPER, Paragraph
from nghiquyet.extract.vocabulary.vocab import load


def is_caps(s: str) -> bool:
    """At least three letters, every one of them upper case."""
    letters = "".join(filter(str.isalpha, s))  # the loops run in C, not in a comprehension
    return len(letters) >= 3 and all(map(str.isupper, letters))


_CELL_GAP = re.compile(r"\s{3,}|\t+|\s\|\s|\s-\s(?=\*?[^\W\d_][^,]{1,40},\s*ngày\s)")


def cells_of(line: str) -> list[str]:
    """Columns of a header or signature line laid out side by side."""
    return _cells_of_folded(fold(line))


def _cells_of_folded(folded: str) -> list[str]:
    # Wide gaps in text laid out by spaces; " | " between the cells of a .docx layout table.
    # and a dash between the number and the place-date ("Số: 36/KH-UBND — Bảo Lộc, ngày ...").
    # A lone "|" stays (it ends a cell); a cell's own edge "ỦY BAN NHÂN DÂN |" is the table's rule.
    parts = (c.strip(" *") for c in _CELL_GAP.split(folded.strip()))
    return [c if c == "|" else c.strip(" *|") for c in parts if c and (c == "|" or c.strip(" *|"))]


def cells_of_lines(lines: Sequence[str]) -> list[list[str]]:
    """`cells_of` of each line, the lines folded in one pass."""
    return [_cells_of_folded(s) for s in fold_lines(lines)]


_EMPHASIS = re.compile(r"\*\*|__")


def without_emphasis(cell: str) -> str:
    """The cell without Markdown bold marks ("**", "__"), and stripped of spaces and stars."""
    if "**" in cell or "__" in cell:  # rare: spare the pattern scan
        cell = _EMPHASIS.sub("", cell)
    return cell.strip().strip("*").strip()


def _capacity(text: str) -> tuple[str, str] | None:
    data = load("metadata")
    upper = text.upper()
    if not upper.startswith(_capacity_prefixes()):  # most cells: spare the walk through every word
        return None
    for cap in _capacities():
        if upper.startswith(cap + " ") or upper.startswith(cap + "."):
            rest = text[len(cap) :].strip(" .")
            canon = data["capacity_canonical"].get(cap, cap)
            return str(canon), rest
    return None


@cache
def _capacities() -> list[str]:
    """Capacity words ("T/M", "KT."), longest first."""
    return sorted(load("metadata")["capacities"], key=len, reverse=True)


@cache
def _capacity_prefixes() -> tuple[str, ...]:
    """Every way a capacity word opens a cell ("T/M ", "KT."), for one `startswith`."""
    return tuple(cap + end for cap in _capacities() for end in " .")


def closing_cells(lines: Sequence[str], paragraphs: Sequence[Paragraph], outline: Outline) -> list[str]:
    """Cells of the raw lines from "Nơi nhận" on (two columns often share a line there)."""
    if outline.end >= len(paragraphs):
        return []
    out: list[str] = []
    for line_cells in cells_of_lines(lines[paragraphs[outline.end].line - 1 :]):
        for cell in line_cells:
            cell = without_emphasis(cell)
            if cell:
                out.append(cell)
    return out


_SIGNED = re.compile(r"^\(?(?:đã ký|ký)", re.IGNORECASE)
_NAME = re.compile(rf"(?:[{UPPER}][^\W\d_]*\s+){{1,5}}[{UPPER}][^\W\d_]*")


def read_signature(cells: Sequence[str]) -> tuple[Signer, str | None]:
    """Capacity ("T/M TỈNH ỦY"), position ("BÍ THƯ") and the signer's name."""
    signer = Signer()
    body: str | None = None
    positions = {p.upper() for p in load("metadata")["positions"]}
    start = None
    for i, cell in enumerate(cells):
        cap = _capacity(cell)
        if cap is not None and is_caps(cell):
            canon, who = cap
            body = who
            signer.capacity = f"{canon} {mixed_case(who)}"
            start = i + 1
            break
    if start is None:
        start = next((i for i, c in enumerate(cells) if c.upper().strip(" :") in positions), None)
        if start is None:
            return signer, None
    rest = [c for c in cells[start:] if not c.startswith(("-", "+", "Nơi nhận", "NƠI NHẬN"))]
    for j, c in enumerate(rest):
        if is_caps(c):
            signer.position = mixed_case(c.strip(" :"))
            for name in rest[j + 1 :]:
                n = name.strip()
                if _SIGNED.match(n) or (is_caps(n) and n.upper() in positions):
                    continue
                if is_caps(n) and 2 <= len(n.split()) <= 6:
                    n = " ".join(w[:1] + w[1:].lower() for w in n.split())
                if _NAME.fullmatch(n):
                    signer.name = n
                break
            break
    return signer, body


_RECIPIENTS_HEAD = re.compile(r"^(?:Nơi nhận|NƠI NHẬN)\s*:?\s*")


def read_recipients(cells: Sequence[str]) -> list[str]:
    """The "- ..." items after "Nơi nhận:"; a line starting in lower case continues the last."""
    out: list[str] = []
    started = False
    for cell in cells:
        t = cell.strip()
        if t.startswith(("Nơi nhận", "NƠI NHẬN")):
            started = True
            t = _RECIPIENTS_HEAD.sub("", t)
            if not t:
                continue
        if not started:
            continue
        if t.startswith(("-", "+", "•")):
            out.append(t.lstrip("-+• ").rstrip(" ,;."))
        elif out and t[:1].islower():
            out[-1] = f"{out[-1]} {t.rstrip(' ,;.')}"
    return [r for r in out if r]
