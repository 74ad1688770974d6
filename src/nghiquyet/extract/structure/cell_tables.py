"""Tables that arrive one cell per line (a web page or a PDF copied as text).

"TT / Chỉ tiêu / Đơn vị tính / Kế hoạch năm 2022 / Thực hiện / Tỷ lệ %", then "Giá trị sản xuất /
Tỷ.đ / 381,8 / 403,98 / 105,8" each on its own line: the header is a run of short paragraphs that
name table columns (data/layout.json); the rows that follow are rebuilt from the shape of their
cells — an optional label, the item's text, its unit, then its numbers in the header's order — and
become row paragraphs with `cells`, as a .docx or Markdown table would, so tables.py reads them.
Empty cells are lost in such copies, which is why rows are rebuilt by shape, not by counting.
"""

from __future__ import annotations

import re
from dataclasses import replace

from nghiquyet.extract.figures.numbers import parse_vn_number
from nghiquyet.extract.structure.tables import column_kind
from nghiquyet.extract.text.paragraph import Paragraph

_LABEL = re.compile(r"[IVXLC]{1,5}|[A-HĐ]|\d{1,3}|[a-zđ]\)?")
_SHORT = 60  # longer than this, a paragraph is prose, not a cell


def _is_number(cell: str) -> bool:
    try:
        parse_vn_number(cell.strip().rstrip("%").strip())
    except ValueError:
        return False
    return True


def _header_widths(paras: list[Paragraph]) -> list[int]:
    """For each paragraph, how many paragraphs from it form a header row of column names (0 when none).

    A run of column names ends at the first paragraph that is no column name, whatever paragraph
    it started from: so one backward pass gives every start its run and the kinds named in it
    (rescanning the run from each start was quadratic in a page of short headings; issue 11).
    """
    n = len(paras)
    widths = [0] * n
    run = 0
    found: frozenset[str] = frozenset()
    for j in range(n - 1, -1, -1):
        text = paras[j].text
        short = len(text) <= 40 and not paras[j].cells
        kind = column_kind(text) if short else None
        if not short or (kind is None and not text.lower().startswith(("tỷ lệ", "so sánh", "ghi chú"))):
            run, found = 0, frozenset()
            continue
        run += 1
        if kind is not None and kind not in found:
            found = found | {kind}
        if run >= 3 and "text" in found and len(found) >= 3:
            widths[j] = run
    return widths


def _rows(paras: list[Paragraph], start: int, numeric: int) -> tuple[list[list[Paragraph]], int]:
    """Rows of cells from `start` (`numeric` number columns), and the index after the table."""
    rows: list[list[Paragraph]] = []
    row: list[Paragraph] = []
    state = "start"  # start → label → text → unit → numbers
    numbers = 0
    j = start
    while j < len(paras):
        p = paras[j]
        cell = p.text.strip()
        if p.cells or len(cell) > _SHORT or cell.endswith(":") or cell.startswith("["):
            break
        full = state == "numbers" and numbers >= numeric
        if _LABEL.fullmatch(cell) and (state == "start" or full or (state == "text" and not row)):
            if row:
                rows.append(row)
            row, state, numbers = [p], "label", 0
        elif _is_number(cell) and state != "start":
            if full:
                break  # more numbers than columns: the table is over
            row.append(p)
            state, numbers = "numbers", numbers + 1
        elif _is_number(cell):
            break  # numbers with no item: not this table's row
        elif state == "text" and len(cell) <= 12:
            row.append(p)  # the unit: "Tỷ.đ", "%", "ha"
            state = "unit"
        else:
            if row and state != "label":
                rows.append(row)
                row = []
            row.append(p)
            state, numbers = "text", 0
        j += 1
    if row:
        rows.append(row)
    return rows, j


def _row_paragraph(cells: list[Paragraph], header_kinds: list[str | None]) -> tuple[str, ...]:
    """The row's cells placed under the header's columns (label, text, unit, then numbers)."""
    out = [""] * len(header_kinds)
    numeric = [k for k, kind in enumerate(header_kinds) if kind not in ("label", "text", "unit")]
    label_at = header_kinds.index("label") if "label" in header_kinds else None
    text_at = header_kinds.index("text")
    unit_at = header_kinds.index("unit") if "unit" in header_kinds else None
    n = 0
    for k, p in enumerate(cells):
        cell = p.text.strip()
        if k == 0 and _LABEL.fullmatch(cell) and len(cells) > 1 and not _is_number(cells[1].text):
            if label_at is not None:
                out[label_at] = cell
        elif _is_number(cell) and n < len(numeric):
            out[numeric[n]] = cell
            n += 1
        elif not out[text_at]:
            out[text_at] = cell
        elif unit_at is not None and not out[unit_at]:
            out[unit_at] = cell
    return tuple(out)


def join_cell_tables(paras: list[Paragraph]) -> list[Paragraph]:
    """`paras` with every one-cell-per-line table rebuilt as row paragraphs."""
    out: list[Paragraph] = []
    widths = _header_widths(paras)
    i = 0
    while i < len(paras):
        width = widths[i]
        if not width:
            out.append(paras[i])
            i += 1
            continue
        head = paras[i : i + width]
        kinds = [column_kind(p.text) for p in head]
        numeric = sum(1 for k in kinds if k not in ("label", "text", "unit"))
        rows, end = _rows(paras, i + width, numeric)
        if not rows:
            out.append(paras[i])
            i += 1
            continue
        out.append(_joined(head, tuple(p.text.strip() for p in head)))
        out.extend(_joined(row, _row_paragraph(row, kinds)) for row in rows)
        i = end
    return out


def _joined(parts: list[Paragraph], cells: tuple[str, ...]) -> Paragraph:
    return replace(parts[0], text=" | ".join(cells), line_end=parts[-1].line_end, cells=cells,
                   offsets=(), lines=())
