"""The exporter extension point: one method, `render(data, path)`, and a registry by format name."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from nghiquyet.errors import InputError
from nghiquyet.reports.data import GROUP_LABELS, ReportData
from nghiquyet.status.fmt import vn_number

FORMATS = ("docx", "pdf", "xlsx")
# Liberation Serif (SIL OFL), Times New Roman's metric twin: embedded in the PDF, drawn in the charts.
FONTS_DIR = Path(__file__).parent / "fonts"
MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class Exporter(Protocol):
    def render(self, data: ReportData, path: Path) -> None:
        """Write the report to `path`."""


def get_exporter(fmt: str) -> Exporter:
    """The exporter for `docx`, `pdf` or `xlsx`; imported lazily (their libraries load slowly)."""
    if fmt == "docx":
        from nghiquyet.reports.docx import DocxExporter

        return DocxExporter()
    if fmt == "pdf":
        from nghiquyet.reports.pdf import PdfExporter

        return PdfExporter()
    if fmt == "xlsx":
        from nghiquyet.reports.xlsx import XlsxExporter

        return XlsxExporter()
    raise InputError(f"Định dạng báo cáo '{fmt}' không hỗ trợ", hint="dùng docx, pdf hoặc xlsx")


def number_text(value: float | None, unit: str | None = None) -> str:
    """A figure as Vietnamese text for documents: "14.500", "1,25"; empty when there is none."""
    if value is None:
        return ""
    return vn_number(value)


def percent_text(ratio: float | None) -> str:
    return "" if ratio is None else f"{vn_number(ratio * 100, 1)}%"


REPORTING_COLUMNS = ("Kỳ báo cáo", "Hạn gửi", "Phải gửi", "Đã gửi", "Đúng hạn", "Trễ hạn", "Chưa gửi",
                     "Đơn vị gửi đúng hạn")


def reporting_cells(data: ReportData) -> list[list[str]]:
    """The reporting-rate table's cells, one row per reporting period already due (DOCX and PDF alike)."""
    return [[r.period_label, r.due.strftime("%d/%m/%Y"), str(r.expected), str(r.received), str(r.on_time),
             str(r.late), str(r.missing), r.on_time_text] for r in data.reporting if r.expected]


def appendix_cells(data: ReportData) -> list[list[str]]:
    """The printed appendix's cells, one row per update it lists (DOCX and PDF alike): a target's
    figure, or a task's progress in per cent."""
    return [[str(i), u.unit, u.item, u.period_label,
             number_text(u.value) if u.value is not None else percent_text(
                 None if u.progress is None else u.progress / 100), u.note]
            for i, u in enumerate(data.appendix, 1)]


def target_cells(data: ReportData) -> list[list[str] | str]:
    """The targets table's rows (DOCX and PDF alike): a group's label (one cell across the table)
    before its first target, then one row of seven cells per target."""
    rows: list[list[str] | str] = []
    group = None
    for r in data.rows:
        if r.group != group:
            group = r.group
            rows.append(GROUP_LABELS.get(group, group))
        rows.append([str(r.number), r.metric, r.plan_text, number_text(r.actual), r.ratio_text,
                     r.status_label, r.lead_unit])
    return rows
