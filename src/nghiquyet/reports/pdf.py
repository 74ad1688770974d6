"""The report as PDF: the same sections as the DOCX, laid out by reportlab (text layer, embedded fonts).

reportlab rather than an HTML engine: WeasyPrint took about 4 s of CPU for the 14 pages of a plan of
20 targets × 300 units (styles computed and boxes laid out per table cell), reportlab about 0.3 s;
it is a plain Python package (no Pango or LibreOffice), runs in-process and is thread-safe per document.
Font: Liberation Serif (Times New Roman's metric twin) shipped in reports/fonts, so the PDF looks the
same, with every Vietnamese glyph, on a machine without fonts.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Spacer

from nghiquyet.reports.base import REPORTING_COLUMNS, appendix_cells, reporting_cells, target_cells
from nghiquyet.reports.charts import status_chart_png
from nghiquyet.reports.data import Header, ReportData, Signer
from nghiquyet.reports.pdf_layout import BODY_PT, Row, build_pdf, grid_table, par, plain_table

TARGET_COLUMNS = ("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "% KH", "Đánh giá", "Đơn vị chủ trì")
TARGET_WIDTHS = (0.07, 0.20, 0.16, 0.14, 0.12, 0.14, 0.17)
TASK_COLUMNS = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tiến độ", "Ghi chú")
TASK_WIDTHS = (0.07, 0.33, 0.20, 0.14, 0.10, 0.16)
REPORTING_WIDTHS = (0.16, 0.15, 0.08, 0.08, 0.08, 0.08, 0.08, 0.29)
UPDATE_COLUMNS = ("STT", "Đơn vị", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Số liệu", "Ghi chú")
UPDATE_WIDTHS = (0.07, 0.24, 0.33, 0.10, 0.11, 0.15)
CHART_WIDTH_MM = 150


class PdfExporter:
    def render(self, data: ReportData, path: Path) -> None:
        build_pdf(str(path), story(data), title=f"{data.title} — {data.subject}")


def story(data: ReportData, *, chart: bool = True) -> list[Flowable]:
    """The report's flowables, top to bottom, in the order and wording of the DOCX."""
    out: list[Flowable] = [_header_block(data.header),
                           par(data.title, 15, "center", bold=True, before=14),
                           par(data.subject, align="center", bold=True),
                           par("-----", align="center", after=6)]
    out.append(_heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"))
    out.append(_body(f"{data.summary_sentence} Cụ thể:"))
    out += [_body(f"- {sentence}.") for sentence in data.overview]
    out.append(_spaced(_target_table(data)))
    if chart and data.groups:
        out += [_chart(status_chart_png(data)),
                par(f"Biểu đồ: Kết quả thực hiện chỉ tiêu {_lc(data.period_label)}", 12, "center",
                    italic=True, after=6)]

    out.append(_heading("II. CÁC CHỈ TIÊU CHƯA ĐẠT, CÓ NGUY CƠ KHÔNG ĐẠT"))
    out += [_body(f"- {row.lagging_sentence}") for row in data.lagging]
    if not data.lagging:
        out.append(_body("Không có chỉ tiêu chưa đạt hoặc có nguy cơ không đạt."))
    if data.missing:
        names = "; ".join(f"{r.metric} ({r.lead_unit})" if r.lead_unit else r.metric for r in data.missing)
        out.append(_body(f"- Chưa có số liệu: {names}."))

    out.append(_heading("III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ"))
    if data.tasks:
        tasks: list[Row] = [[str(t.number), t.title, t.lead_unit,
                             t.deadline.strftime("%d/%m/%Y") if t.deadline else "", t.progress_text,
                             ("Quá hạn. " if t.overdue else "") + t.note] for t in data.tasks]
        out.append(_spaced(grid_table(TASK_COLUMNS, TASK_WIDTHS, tasks,
                                      align={0: "center", 3: "center", 4: "center"})))
    else:
        out.append(_body("Chưa có nhiệm vụ được giao trong kỳ."))

    out.append(_heading("IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"))
    out.append(_body(data.reporting_sentence))
    cells = reporting_cells(data)
    if cells:
        out.append(_spaced(grid_table(REPORTING_COLUMNS, REPORTING_WIDTHS, cells,
                                      align={i: "center" for i in range(1, len(REPORTING_COLUMNS))})))
    out.append(KeepTogether([Spacer(1, 14), _signature_block(data.signer, data.recipients)]))

    if data.updates:
        out += [PageBreak(), par("PHỤ LỤC", align="center", bold=True),
                par(f"Số liệu báo cáo của các đơn vị {_lc(data.period_label)}", align="center", italic=True,
                    after=6)]
        out.append(_spaced(grid_table(UPDATE_COLUMNS, UPDATE_WIDTHS, appendix_cells(data), size=11,
                                      align={0: "center", 3: "center", 4: "right"})))
        if data.appendix_omitted:
            out.append(par(f"(Còn {data.appendix_omitted} số liệu khác; toàn bộ {len(data.updates)} số liệu "
                           "có trong bản XLSX của báo cáo, trang \"Số liệu cập nhật\".)", 12, italic=True))
    return out


def _lc(text: str) -> str:
    return text[:1].lower() + text[1:]


def _heading(text: str) -> Flowable:
    return par(text, bold=True, before=10, after=6)


def _body(text: str) -> Flowable:
    return par(text, indent_mm=10, after=6)


def _spaced(table: Flowable) -> Flowable:
    table.spaceBefore, table.spaceAfter = 6, 8
    return table


def _target_table(data: ReportData) -> Flowable:
    return grid_table(TARGET_COLUMNS, TARGET_WIDTHS, target_cells(data),
                      align={0: "center", 3: "right", 4: "right"})


def _chart(png: bytes) -> Flowable:
    width, height = ImageReader(io.BytesIO(png)).getSize()
    image = Image(io.BytesIO(png), width=CHART_WIDTH_MM * mm, height=CHART_WIDTH_MM * mm * height / width)
    image.spaceBefore = image.spaceAfter = 6
    return image


def _header_block(header: Header) -> Flowable:
    """Issuer and number on the left; the Party's or the state's motto and the place and date on the right."""
    lines = header.issuer_lines
    left: list[Any] = [par(line, align="center", bold=i > 0 or len(lines) == 1)
                       for i, line in enumerate(lines)]
    left += [par("*" if header.party else "――――――", align="center"),
             par(header.number, align="center", keep_spaces=True)]
    if header.party:
        right: list[Any] = [par("ĐẢNG CỘNG SẢN VIỆT NAM", 15, "center", bold=True, underline=True)]
    else:
        right = [par("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, "center", bold=True),
                 par("Độc lập - Tự do - Hạnh phúc", align="center", bold=True, underline=True)]
    right += [Spacer(1, BODY_PT * 1.3), par(header.place_date, align="center", italic=True)]
    return plain_table([left, right], (0.44, 0.56))


def _signature_block(signer: Signer, recipients: list[str]) -> Flowable:
    """"Nơi nhận:" on the left, the signer's capacity, position and name on the right (same row)."""
    left: list[Any] = [par("Nơi nhận:", 12, "left", bold=True, italic=True)]
    left += [par(f"- {r}{'.' if i == len(recipients) - 1 else ','}", 11, "left")
             for i, r in enumerate(recipients)]
    right: list[Any] = [par(signer.capacity, align="center", bold=True)]
    if signer.position:
        right.append(par(signer.position, align="center", bold=True))
    right += [Spacer(1, 60), par(signer.name, align="center", bold=True)]
    return plain_table([left, right], (0.48, 0.52))
