"""Read generated reports back from the real files: the DOCX, PDF and XLSX tables as cell texts.

The PDF has no table structure, only glyphs and the cell borders drawn as lines; a glyph
belongs to the cell whose borders enclose its centre, and a glyph reaching past its cell's border
is an overflow (issue 10 point 10).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from docx import Document
from openpyxl import load_workbook
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTAnno, LTChar, LTLine, LTPage, LTTextContainer, LTTextLine

# Border lines come in as thin rectangles' edges: half a point either way is the same line.
_SNAP = 1.0


@dataclass
class PdfCell:
    page: int
    left: float
    right: float
    bottom: float
    top: float
    chars: list[tuple[float, float, float, str]] = field(default_factory=list)  # (y, x0, x1, text)

    @property
    def text(self) -> str:
        lines: list[tuple[float, list[tuple[float, str]]]] = []
        for y, x0, _x1, t in sorted(self.chars, key=lambda c: (-c[0], c[1])):
            if not lines or abs(lines[-1][0] - y) > 2:
                lines.append((y, []))
            lines[-1][1].append((x0, t))
        text = " ".join("".join(t for _, t in sorted(parts)) for _, parts in lines)
        return " ".join(text.split())

    def overflowing(self) -> list[str]:
        """The glyphs drawn past this cell's left or right border."""
        return [t for _y, x0, x1, t in self.chars
                if t.strip() and (x0 < self.left - 0.5 or x1 > self.right + 0.5)]


@dataclass
class PdfRow:
    page: int
    cells: list[PdfCell]

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


def _lines(page: LTPage) -> tuple[list[LTLine], list[LTLine]]:
    vertical = [o for o in page if isinstance(o, LTLine) and abs(o.x0 - o.x1) < _SNAP]
    horizontal = [o for o in page if isinstance(o, LTLine) and abs(o.y0 - o.y1) < _SNAP]
    return vertical, horizontal


def _between(edges: list[float], at: float) -> tuple[float, float] | None:
    i = bisect_right(edges, at)
    if i == 0 or i == len(edges):
        return None
    return edges[i - 1], edges[i]


def _cell_of(char: LTChar, vertical: list[LTLine], horizontal: list[LTLine]) -> tuple[float, ...] | None:
    x, y = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
    xs = sorted({round(v.x0, 0) for v in vertical if v.y0 - _SNAP <= y <= v.y1 + _SNAP})
    ys = sorted({round(h.y0, 0) for h in horizontal if h.x0 - _SNAP <= x <= h.x1 + _SNAP})
    across, up = _between(xs, x), _between(ys, y)
    if across is None or up is None:
        return None
    return (*across, *up)


def pdf_rows(path: Path) -> list[PdfRow]:
    """Every table row of the PDF, page by page, top to bottom, cells left to right."""
    rows: list[PdfRow] = []
    for number, page in enumerate(extract_pages(str(path)), 1):
        vertical, horizontal = _lines(page)
        cells: dict[tuple[float, ...], PdfCell] = {}
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                last: PdfCell | None = None
                for glyph in line:
                    if isinstance(glyph, LTChar):
                        key = _cell_of(glyph, vertical, horizontal)
                        if key is None:
                            last = None
                            continue
                        last = cells.setdefault(key, PdfCell(number, *key))
                        last.chars.append((round(glyph.y0, 1), glyph.x0, glyph.x1, glyph.get_text()))
                    elif isinstance(glyph, LTAnno) and last is not None and last.chars:
                        y, _x0, x1, _t = last.chars[-1]
                        last.chars.append((y, x1, x1, " "))
        by_row: dict[tuple[float, float], list[PdfCell]] = {}
        for cell in cells.values():
            by_row.setdefault((cell.bottom, cell.top), []).append(cell)
        for (bottom, top), members in sorted(by_row.items(), key=lambda kv: -kv[0][1]):
            # Every column of the row, the empty ones too (they hold no glyph to find them by).
            mid = (bottom + top) / 2
            xs = sorted({round(v.x0, 0) for v in vertical if v.y0 - _SNAP <= mid <= v.y1 + _SNAP})
            found = {(c.left, c.right): c for c in members}
            row = [found.get((a, b)) or PdfCell(number, a, b, bottom, top) for a, b in pairwise(xs)]
            rows.append(PdfRow(number, row))
    return rows


def pdf_table(path: Path, header: list[str]) -> list[PdfRow]:
    """The rows under `header` (repeated on each page), until a row of another table."""
    rows = pdf_rows(path)
    out: list[PdfRow] = []
    inside = False
    for row in rows:
        if row.texts == header:
            inside = True
            continue
        if inside and len(row.cells) not in (1, len(header)):
            break
        if inside and len(row.cells) == len(header) and row.texts[0] == header[0]:
            break  # another table's header
        if inside:
            out.append(row)
    return out


def docx_table(path: Path, header: list[str]) -> list[list[str]]:
    """The rows (cell texts) of the DOCX table whose first row is `header`."""
    for table in Document(str(path)).tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows and rows[0] == header:
            return rows[1:]
    raise AssertionError(f"no table with header {header}")


def xlsx_sheet(path: Path, sheet: str, header_row: int) -> list[dict[str, object]]:
    """The sheet's rows under its header row, as {header: value}."""
    ws = load_workbook(str(path))[sheet]
    names = [c.value for c in ws[header_row]]
    return [{str(n): v for n, v in zip(names, row, strict=False)}
            for row in ws.iter_rows(min_row=header_row + 1, values_only=True)]


def report_text(path: Path) -> str:
    """Every word a person reads in the report (NFC, whitespace runs folded: PDF cells wrap anywhere)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
        for section in doc.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        text = "\n".join(parts)
    elif suffix == ".pdf":
        text = extract_text(str(path))
    elif suffix == ".xlsx":
        wb = load_workbook(str(path))
        text = "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                         for v in row if isinstance(v, str) and not v.startswith("="))
        text += "\n" + " ".join(ws.title for ws in wb.worksheets)
    else:
        raise ValueError(f"not a report: {path}")
    return " ".join(unicodedata.normalize("NFC", text).split())
