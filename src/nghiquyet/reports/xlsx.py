"""The report as XLSX (openpyxl): the target table with formulas, a summary and the raw updates.

Number formats are stored in Excel's invariant syntax ("#,##0.0": "," groups thousands, "." marks
decimals); Excel and LibreOffice display them with the reader's locale, so a vi-VN machine shows
14.150,5. Writing the Vietnamese display form "#.##0,0" into the file would be read literally by
every spreadsheet program and break the numbers, so figures are stored as numbers, never as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nghiquyet.reports.data import GROUP_LABELS, ReportData
from nghiquyet.reports.safe_cells import Formula, put
from nghiquyet.reports.xlsx_rows import column_letters, quoted, row_xml, save_with_rows, style_id
from nghiquyet.status import Status

FONT = "Times New Roman"
HEADER_ROW = 4  # rows 1-2 carry the title and the period
TARGET_HEADERS = (
    ("STT", 6), ("Nhóm", 22), ("Chỉ tiêu", 42), ("Kế hoạch", 26), ("Giá trị kế hoạch", 14),
    ("Đơn vị tính", 14), ("Thực hiện", 14), ("% kế hoạch", 12), ("Đánh giá", 20),
    ("Đơn vị chủ trì", 30), ("Giải thích", 60),
)
LAST_COLUMN = get_column_letter(len(TARGET_HEADERS))
UPDATE_HEADERS = (
    ("STT", 7), ("Đơn vị", 30), ("Chỉ tiêu, nhiệm vụ", 45), ("Kỳ", 20), ("Số liệu", 14), ("Đơn vị tính", 14),
    ("Tiến độ (%)", 12), ("Ghi chú", 40), ("Trạng thái", 12), ("Ngày duyệt", 12),
)
# Light fills: the status colour must not hide the text printed on top of it.
STATUS_FILLS = {
    Status.vuot: "C6EFCE", Status.dat: "E2F0D9", Status.dung_tien_do: "DDEBF7",
    Status.nguy_co: "FFEB9C", Status.khong_dat: "FFC7CE", Status.chua_co_so_lieu: "EDEDED",
}
STATE_LABELS = {"approved": "Đã duyệt", "submitted": "Chờ duyệt", "draft": "Nháp", "returned": "Trả lại"}
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def number_format(value: float | None) -> str:
    """Whole numbers without decimals, others with one or two (stored invariant, shown per locale)."""
    if value is None or float(value).is_integer():
        return "#,##0"
    return "#,##0.0#"


class XlsxExporter:
    def render(self, data: ReportData, path: Path) -> None:
        wb = build_workbook(data)
        updates = wb["Số liệu cập nhật"]
        # The updates sheet (thousands of rows) is streamed into the file; the rest is openpyxl's.
        save_with_rows(wb, updates, _update_rows(wb, updates, data), _last_update_cell(data), path)


def build_workbook(data: ReportData) -> Workbook:
    """The workbook without the updates sheet's rows (its header, widths, filter and styles only)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Chỉ tiêu"
    _targets_sheet(ws, data)
    _summary_sheet(wb.create_sheet("Tổng hợp"), data)
    _updates_sheet(wb.create_sheet("Số liệu cập nhật"), data)
    _reporting_sheet(wb.create_sheet("Tình hình báo cáo"), data)
    wb.properties.title = f"{data.title} {data.subject}"
    wb.properties.creator = "nghiquyet"
    return wb


def write_header(ws: Worksheet, headers: tuple[tuple[str, int], ...], row: int) -> None:
    for col, (name, width) in enumerate(headers, 1):
        cell = put(ws, row, col, name)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(col)].width = width


def _title(ws: Worksheet, data: ReportData, width: int) -> None:
    put(ws, 1, 1, f"{data.title} {data.subject}").font = Font(name=FONT, bold=True, size=14)
    issuer = " - ".join(data.header.issuer_lines)
    put(ws, 2, 1, f"Kỳ báo cáo: {data.period_label}; {issuer}; "
                                   f"{data.header.place_date}").font = Font(name=FONT, italic=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)


def _targets_sheet(ws: Worksheet, data: ReportData) -> None:
    _title(ws, data, len(TARGET_HEADERS))
    write_header(ws, TARGET_HEADERS, HEADER_ROW)
    body = Font(name=FONT)
    wrap = Alignment(vertical="top", wrap_text=True)
    row = HEADER_ROW
    for r in data.rows:
        row += 1
        values: list[object] = [
            r.number, GROUP_LABELS.get(r.group, r.group), r.metric, r.plan_text, r.plan_value, r.unit or "",
            r.actual,
            # % of plan stays a live formula, so a corrected figure recomputes it.
            Formula(f'=IF(AND(ISNUMBER(G{row}),ISNUMBER(E{row}),E{row}<>0),G{row}/E{row},"")'),
            r.status_label, r.lead_unit,
            " ".join(filter(None, (r.doubt_sentence, r.explanation))) + (f" — {r.note}" if r.note else ""),
        ]
        for col, value in enumerate(values, 1):
            cell = put(ws, row, col, value)
            cell.font = body
            cell.alignment = wrap
            cell.border = BORDER
        ws.cell(row=row, column=5).number_format = number_format(r.plan_value)
        ws.cell(row=row, column=7).number_format = number_format(r.actual)
        ws.cell(row=row, column=8).number_format = "0.0%"
    last = max(row, HEADER_ROW + 1)
    for status, color in STATUS_FILLS.items():
        ws.conditional_formatting.add(
            f"A{HEADER_ROW + 1}:{LAST_COLUMN}{last}",
            FormulaRule(formula=[f'$I{HEADER_ROW + 1}="{status.label_vi}"'],
                        fill=PatternFill("solid", fgColor=color, bgColor=color)),
        )
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)  # header row and STT/Nhóm/Chỉ tiêu stay put
    ws.auto_filter.ref = f"A{HEADER_ROW}:{LAST_COLUMN}{last}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def _summary_sheet(ws: Worksheet, data: ReportData) -> None:
    headers = (("Nhóm chỉ tiêu", 36), ("Tổng số", 10), ("Hoàn thành", 12),
               *((s.label_vi, 14) for s in Status), ("Tóm tắt", 90))
    _title(ws, data, len(headers))
    write_header(ws, headers, HEADER_ROW)
    row = HEADER_ROW
    n = len(headers)
    for g in [*data.groups, None]:
        row += 1
        if g is None:
            # The total row sums the groups with formulas.
            values: list[object] = ["Tổng cộng", *(
                Formula(f"=SUM({get_column_letter(c)}{HEADER_ROW + 1}:{get_column_letter(c)}{row - 1})")
                for c in range(2, n))]
            values.append("; ".join(data.overview))
        else:
            values = [g.label, g.tally.total, g.tally.complete,
                      *(g.tally.by_status.get(s.value, 0) for s in Status), g.sentence]
        for col, value in enumerate(values, 1):
            cell = put(ws, row, col, value)
            cell.font = Font(name=FONT, bold=g is None)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=col == n)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)


def _style_arrays(ws: Worksheet, formats: tuple[str, ...]) -> dict[str, StyleArray]:
    """One resolved style record per number format, in the report's font, from a scratch cell."""
    out = {}
    scratch = ws.cell(row=1, column=60)
    for fmt in formats:
        scratch.font = Font(name=FONT)
        scratch.number_format = fmt
        out[fmt] = copy(scratch._style)
    ws._cells.pop((1, 60), None)
    return out


def _updates_sheet(ws: Worksheet, data: ReportData) -> None:
    write_header(ws, UPDATE_HEADERS, 1)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_last_update_cell(data)}"


def _last_update_cell(data: ReportData) -> str:
    return f"{get_column_letter(len(UPDATE_HEADERS))}{max(len(data.updates) + 1, 2)}"


def _update_rows(wb: Workbook, ws: Worksheet, data: ReportData) -> Iterator[str]:
    """The updates as row XML; the styles are registered now, before the workbook is saved."""
    styles = _style_arrays(ws, ("General", "#,##0", "#,##0.0#", "dd/mm/yyyy"))
    ids = {fmt: style_id(wb, style) for fmt, style in styles.items()}
    risky = style_id(wb, quoted(styles["General"]))
    letters = column_letters(len(UPDATE_HEADERS))

    def rows() -> Iterator[str]:
        text = ids["General"]
        texts: dict[str, str] = {}
        for i, u in enumerate(data.updates, 1):
            values: list[object] = [i, u.unit, u.item, u.period_label, u.value, u.unit_of_measure or "",
                                    u.progress, u.note, STATE_LABELS.get(u.state, u.state), u.decided_at]
            formats = [text] * len(values)
            formats[4], formats[9] = ids[number_format(u.value)], ids["dd/mm/yyyy"]
            yield row_xml(i + 1, values, formats, text, risky, letters, texts)

    return rows()


REPORTING_HEADERS = (
    ("Kỳ báo cáo", 22), ("Hạn gửi", 12), ("Phải gửi", 10), ("Đã gửi", 10), ("Đúng hạn", 10),
    ("Trễ hạn", 10), ("Chưa gửi", 10), ("Đơn vị phải gửi", 14), ("Đơn vị gửi đúng hạn", 16),
    ("Tỷ lệ đơn vị gửi đúng hạn", 16),
)


def _reporting_sheet(ws: Worksheet, data: ReportData) -> None:
    """Per reporting period: reports owed, sent, on time, late, missing, and the units' on-time share
    (a formula over the two unit counts, shown as a percentage)."""
    _title(ws, data, len(REPORTING_HEADERS))
    put(ws, 3, 1, data.reporting_sentence).font = Font(name=FONT)
    write_header(ws, REPORTING_HEADERS, HEADER_ROW)
    for row, r in enumerate((r for r in data.reporting if r.expected), HEADER_ROW + 1):
        values: list[object] = [r.period_label, r.due, r.expected, r.received, r.on_time, r.late, r.missing,
                                r.units, r.units_on_time, Formula(f"=IF(H{row}>0,I{row}/H{row},\"\")")]
        for col, value in enumerate(values, 1):
            cell = put(ws, row, col, value)
            cell.font = Font(name=FONT)
            cell.border = BORDER
            cell.number_format = "dd/mm/yyyy" if col == 2 else "0.0%" if col == 10 else "General"
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)
