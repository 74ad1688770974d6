"""The report as DOCX in the Vietnamese administrative layout (python-docx)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm
from docx.table import Table

from nghiquyet.reports.base import REPORTING_COLUMNS, appendix_cells, reporting_cells, target_cells
from nghiquyet.reports.charts import status_chart_png
from nghiquyet.reports.data import ReportData
from nghiquyet.reports.docx_layout import (
    BODY_PT,
    add_header_block,
    add_par,
    add_signature_block,
    setup_document,
)
from nghiquyet.reports.docx_table import Row, add_table

TARGET_COLUMNS = ("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "% KH", "Đánh giá", "Đơn vị chủ trì")
TARGET_WIDTHS_MM = (10, 45, 26, 20, 15, 22, 27)
TASK_COLUMNS = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ", "Ghi chú")
TASK_WIDTHS_MM = (10, 58, 35, 20, 17, 25)
UPDATE_COLUMNS = ("STT", "Đơn vị", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Số liệu", "Ghi chú")
UPDATE_WIDTHS_MM = (10, 38, 50, 22, 20, 25)  # "6 tháng đầu năm 2024" in two lines
REPORTING_WIDTHS_MM = (28, 20, 15, 15, 15, 15, 15, 42)
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


class DocxExporter:
    def render(self, data: ReportData, path: Path) -> None:
        build_docx(data).save(str(path))


def build_docx(data: ReportData, *, chart: bool = True) -> DocxDocument:
    doc = Document()
    setup_document(doc)
    add_header_block(doc, data.header)
    add_par(doc, "", space_after=0)
    add_par(doc, data.title, 15, bold=True, align=CENTER, space_after=0)
    add_par(doc, data.subject, BODY_PT, bold=True, align=CENTER, space_after=0)
    add_par(doc, "-----", BODY_PT, align=CENTER)

    _heading(doc, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    _body(doc, f"{data.summary_sentence} Cụ thể:")
    for sentence in data.overview:
        _body(doc, f"- {sentence}.")
    _target_table(doc, data)
    if chart and data.groups:
        par = add_par(doc, align=CENTER)
        par.add_run().add_picture(io.BytesIO(status_chart_png(data)), width=Mm(150))
        add_par(doc, f"Biểu đồ: Kết quả thực hiện chỉ tiêu {_lc(data.period_label)}", 12, italic=True,
                align=CENTER)

    _heading(doc, "II. CÁC CHỈ TIÊU CHƯA ĐẠT, CÓ NGUY CƠ KHÔNG ĐẠT")
    if not data.lagging:
        _body(doc, "Không có chỉ tiêu chưa đạt hoặc có nguy cơ không đạt.")
    for row in data.lagging:
        _body(doc, f"- {row.lagging_sentence}")
    if data.missing:
        names = "; ".join(f"{r.metric} ({r.lead_unit})" if r.lead_unit else r.metric for r in data.missing)
        _body(doc, f"- Chưa có số liệu: {names}.")

    _heading(doc, "III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ")
    if data.tasks:
        rows: list[Row] = [[str(r.number), r.title, r.lead_unit,
                            r.deadline.strftime("%d/%m/%Y") if r.deadline else "",
                 r.progress_text, ("Quá hạn. " if r.overdue else "") + r.note] for r in data.tasks]
        add_table(doc, TASK_COLUMNS, TASK_WIDTHS_MM, rows, center_cols={0, 3, 4})
    else:
        _body(doc, "Chưa có nhiệm vụ được giao trong kỳ.")

    _heading(doc, "IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ")
    _body(doc, data.reporting_sentence)
    if any(r.expected for r in data.reporting):
        add_table(doc, REPORTING_COLUMNS, REPORTING_WIDTHS_MM, list(reporting_cells(data)),
                  center_cols=set(range(1, 8)))

    add_par(doc, "")
    add_signature_block(doc, data.signer, data.recipients)

    if data.updates:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        add_par(doc, "PHỤ LỤC", BODY_PT, bold=True, align=CENTER, space_after=0)
        add_par(doc, f"Số liệu báo cáo của các đơn vị {_lc(data.period_label)}", BODY_PT, italic=True,
                align=CENTER)
        add_table(doc, UPDATE_COLUMNS, UPDATE_WIDTHS_MM, list(appendix_cells(data)), center_cols={0, 3},
                  size_pt=11)
        if data.appendix_omitted:
            add_par(doc, f"(Còn {data.appendix_omitted} số liệu khác; toàn bộ {len(data.updates)} số liệu "
                         "có trong bản XLSX của báo cáo, trang \"Số liệu cập nhật\".)", 12, italic=True)
    return doc


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]


def _heading(doc: DocxDocument, text: str) -> None:
    add_par(doc, text, BODY_PT, bold=True, align=JUSTIFY)


def _body(doc: DocxDocument, text: str) -> None:
    add_par(doc, text, BODY_PT, align=JUSTIFY, indent_mm=10)


def _target_table(doc: DocxDocument, data: ReportData) -> Table:
    return add_table(doc, TARGET_COLUMNS, TARGET_WIDTHS_MM, list(target_cells(data)), center_cols={0})
