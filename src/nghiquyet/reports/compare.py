"""Comparison report: one plan's targets in two periods side by side (quarter vs quarter, year vs year).

Built from two `ReportData`, so both sides are judged exactly as their own reports judge them.
Exporters: XLSX (difference and change as formulas) and DOCX (same administrative layout).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from nghiquyet.reports.base import number_text, percent_text
from nghiquyet.reports.data import ReportData, TargetRow
from nghiquyet.reports.docx_layout import (
    BODY_PT,
    add_header_block,
    add_par,
    add_signature_block,
    setup_document,
)
from nghiquyet.reports.docx_table import Row, add_table
from nghiquyet.reports.safe_cells import Formula, put
from nghiquyet.reports.xlsx import BORDER, FONT, number_format, write_header
from nghiquyet.status import Status


@dataclass(slots=True)
class CompareRow:
    number: int
    metric: str
    plan_text: str
    unit: str | None
    before: float | None
    after: float | None
    status_before: Status
    status_after: Status

    @property
    def difference(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def change(self) -> float | None:
        """Relative change (after - before) / before, as a fraction."""
        diff = self.difference
        return None if diff is None or not self.before else diff / self.before


@dataclass(slots=True)
class CompareData:
    base: ReportData  # the earlier period (kỳ so sánh)
    current: ReportData
    rows: list[CompareRow]

    @property
    def subject(self) -> str:
        return (f"So sánh kết quả thực hiện {self.current.plan_title}: {_lc(self.current.period_label)} "
                f"với {_lc(self.base.period_label)}")


def compare(base: ReportData, current: ReportData) -> CompareData:
    """Pair the two reports' rows by target (by row order where a target has no id)."""
    def key(r: TargetRow) -> object:
        return r.target_id if r.target_id is not None else ("row", r.number)

    before = {key(r): r for r in base.rows}
    rows = []
    for i, r in enumerate(current.rows, 1):
        b = before.get(key(r))
        rows.append(CompareRow(i, r.metric, r.plan_text, r.unit, b.actual if b else None, r.actual,
                               b.status if b else Status.chua_co_so_lieu, r.status))
    return CompareData(base, current, rows)


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]


COLUMNS = ("STT", "Chỉ tiêu", "Kế hoạch", "Kỳ trước", "Kỳ này", "Chênh lệch", "Tăng/giảm",
           "Đánh giá kỳ trước", "Đánh giá kỳ này")


class CompareXlsxExporter:
    def render(self, data: CompareData, path: Path) -> None:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "So sánh"
        put(ws, 1, 1, data.subject).font = Font(name=FONT, bold=True, size=13)
        headers = list(zip(COLUMNS, (6, 42, 26, 16, 16, 14, 12, 20, 20), strict=True))
        headers[3] = (data.base.period_label, 16)
        headers[4] = (data.current.period_label, 16)
        write_header(ws, tuple(headers), 3)
        for i, r in enumerate(data.rows, 4):
            values: list[object] = [
                r.number, r.metric, r.plan_text, r.before, r.after,
                Formula(f'=IF(AND(ISNUMBER(D{i}),ISNUMBER(E{i})),E{i}-D{i},"")'),
                Formula(f'=IF(AND(ISNUMBER(D{i}),ISNUMBER(E{i}),D{i}<>0),(E{i}-D{i})/D{i},"")'),
                r.status_before.label_vi, r.status_after.label_vi,
            ]
            for col, value in enumerate(values, 1):
                cell = put(ws, i, col, value)
                cell.font = Font(name=FONT)
                cell.border = BORDER
                cell.alignment = Alignment(vertical="top", wrap_text=col in (2, 3))
            for col, value in ((4, r.before), (5, r.after), (6, r.difference)):
                ws.cell(row=i, column=col).number_format = number_format(value)
            ws.cell(row=i, column=7).number_format = "0.0%"
        ws.freeze_panes = "C4"
        ws.auto_filter.ref = f"A3:{get_column_letter(len(COLUMNS))}{max(len(data.rows) + 3, 4)}"
        wb.save(str(path))


class CompareDocxExporter:
    def render(self, data: CompareData, path: Path) -> None:
        doc = Document()
        setup_document(doc)
        cur = data.current
        add_header_block(doc, cur.header)
        add_par(doc, "", space_after=0)
        add_par(doc, "BÁO CÁO", 15, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
        add_par(doc, data.subject, BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
        add_par(doc, "-----", BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
        for report in (data.base, cur):
            t = report.tally
            add_par(doc, f"- {report.period_label}: {t.complete:02d}/{t.total:02d} chỉ tiêu hoàn thành và "
                         "vượt kế hoạch.", BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_mm=10)
        improved = sum(1 for r in data.rows if r.status_after.goodness > r.status_before.goodness >= 0)
        worse = sum(1 for r in data.rows if 0 <= r.status_after.goodness < r.status_before.goodness)
        add_par(doc, f"- So với {_lc(data.base.period_label)}: {improved} chỉ tiêu chuyển biến tốt hơn, "
                     f"{worse} chỉ tiêu kém đi.", BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_mm=10)
        columns = (*COLUMNS[:3], data.base.period_label, data.current.period_label, *COLUMNS[5:])
        rows: list[Row] = [[str(r.number), r.metric, r.plan_text, number_text(r.before), number_text(r.after),
                            number_text(r.difference), percent_text(r.change), r.status_before.label_vi,
                            r.status_after.label_vi] for r in data.rows]
        add_table(doc, columns, (9, 34, 22, 16, 16, 16, 16, 18, 18), rows, center_cols={0}, size_pt=10)
        add_par(doc, "")
        add_signature_block(doc, cur.signer, cur.recipients)
        doc.save(str(path))


def get_compare_exporter(fmt: str) -> CompareXlsxExporter | CompareDocxExporter:
    from nghiquyet.errors import InputError

    if fmt == "xlsx":
        return CompareXlsxExporter()
    if fmt == "docx":
        return CompareDocxExporter()
    raise InputError(f"Báo cáo so sánh chưa hỗ trợ định dạng '{fmt}'", hint="dùng docx hoặc xlsx")
