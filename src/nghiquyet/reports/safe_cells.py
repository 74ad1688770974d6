"""User text in spreadsheets stays text: a unit's note "=HYPERLINK(...)" must never become a live formula.

Every sheet writes its cells through `put`, and every CSV its rows through `csv_row`. Only the
formulas the exporter writes itself are wrapped in `Formula`; any other string is stored as text.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# The characters spreadsheet programs read as the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Formula(str):
    """A formula written by the exporter itself (e.g. =SUM over the rows above)."""


def is_risky(value: object) -> bool:
    return isinstance(value, str) and not isinstance(value, Formula) and value.startswith(FORMULA_STARTS)


def put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one cell; user strings are stored as strings whatever their first character."""
    cell = ws.cell(row=row, column=column, value=value)
    if is_risky(value):
        cell.data_type = "s"  # openpyxl inferred "f" for a leading "="; the file must hold text
        cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell
    return cell


def csv_value(value: object) -> object:
    """A CSV has no cell types: a leading quote is what Excel and LibreOffice read as 'this is text'."""
    return f"'{value}" if is_risky(value) else value


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_value(v) for v in values]
