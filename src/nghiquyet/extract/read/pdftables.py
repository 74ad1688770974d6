"""Ruled tables on a PDF page: the grid from the drawn lines, the text of each cell from the boxes.

A PDF's text layer reads a table cell by cell, and a wrapped cell line by line, so a targets table
("STT | Chỉ tiêu | Đơn vị | Kế hoạch") arrives as a scatter of short lines whose figures have lost
their metric. Word's "Save as PDF", LibreOffice and report generators draw the borders as thin paths:
their positions give the rows and columns, and each character goes to the cell holding its centre.
Each table comes back as one line per row, cells joined by " | ", as the .docx reader writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nghiquyet.extract.read.lines import table_row

_THIN = 2.5  # points: a path this thin in one direction is a rule
_MIN_RULE = 8.0  # shorter rules are underlines, ticks or bullets
_SAME = 1.5  # positions closer than this are one grid line


@dataclass(slots=True)
class Grid:
    """One table: column edges left to right, row edges top to bottom (PDF points, y upwards)."""

    xs: list[float]
    ys: list[float]
    cells: dict[tuple[int, int], list[int]] = field(default_factory=dict)  # (row, col) → char indices

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        if not (self.xs[0] < x < self.xs[-1] and self.ys[-1] < y < self.ys[0]):
            return None
        col = next(i for i in range(len(self.xs) - 1) if x < self.xs[i + 1])
        row = next(i for i in range(len(self.ys) - 1) if y > self.ys[i + 1])
        return row, col

    def rows(self, text: str) -> list[str]:
        """The table's rows as "cell | cell" lines (rows with no text are left out)."""
        out = []
        for r in range(len(self.ys) - 1):
            cells = [" ".join("".join(text[i] for i in self.cells.get((r, c), [])).replace("\n", " ").split())
                     for c in range(len(self.xs) - 1)]
            if any(cells):
                out.append(table_row(cells))
        return out


def _merge(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SAME:
            out.append(v)
    return out


def _joined(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Horizontal rules with the pieces of one line joined: Word draws a row's rule across the table,
    Chromium (and so an HTML page printed to PDF) one piece per cell."""
    out: list[tuple[float, float, float]] = []
    for y, x0, x1 in sorted(rules, key=lambda r: (round(r[0] / _SAME), r[1])):
        if out and abs(out[-1][0] - y) <= _SAME and x0 <= out[-1][2] + _SAME:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], x1))
        else:
            out.append((y, x0, x1))
    return out


def find_grids(page: Any) -> list[Grid]:
    """The ruled tables of a pypdfium2 page (none when it draws no grid)."""
    import pypdfium2.raw as raw

    horizontal: list[tuple[float, float, float]] = []  # y, x0, x1
    vertical: list[tuple[float, float, float]] = []  # x, y0, y1
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom <= _THIN and right - left >= _MIN_RULE:
            horizontal.append(((top + bottom) / 2, left, right))
        elif right - left <= _THIN and top - bottom >= _MIN_RULE:
            vertical.append(((left + right) / 2, bottom, top))
    if len(horizontal) < 2 or len(vertical) < 2:
        return []
    horizontal = _joined(horizontal)
    # Vertical rules whose spans overlap belong to one table; a table ends where they stop.
    spans: list[list[tuple[float, float, float]]] = []
    for rule in sorted(vertical, key=lambda v: -v[2]):
        for group in spans:
            low = min(v[1] for v in group)
            if rule[2] >= low - _SAME and rule[1] <= max(v[2] for v in group) + _SAME:
                group.append(rule)
                break
        else:
            spans.append([rule])
    grids = []
    for group in spans:
        low, high = min(v[1] for v in group), max(v[2] for v in group)
        xs = _merge([v[0] for v in group])
        across = [h for h in horizontal if h[1] <= xs[0] + _SAME and h[2] >= xs[-1] - _SAME]
        ys = _merge([h[0] for h in across if low - _SAME <= h[0] <= high + _SAME])
        if len(xs) >= 2 and len(ys) >= 2:
            grids.append(Grid(xs, ys[::-1]))
    return grids


def assign(grids: list[Grid], text: str, textpage: Any) -> dict[int, Grid]:
    """Put every character inside a grid into its cell; returns char index → its grid."""
    inside: dict[int, Grid] = {}
    if not grids:
        return inside
    last: tuple[Grid, tuple[int, int]] | None = None
    for i, ch in enumerate(text):
        if ch in "\r\n":  # a wrapped cell's line break: a space in the cell it ends
            if last is not None and ch == "\n":
                last[0].cells[last[1]].append(i)
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        x, y = (left + right) / 2, (bottom + top) / 2
        for grid in grids:
            cell = grid.cell_of(x, y)
            if cell is not None:
                grid.cells.setdefault(cell, []).append(i)
                inside[i] = grid
                last = grid, cell
                break
        else:
            last = None
    return inside
