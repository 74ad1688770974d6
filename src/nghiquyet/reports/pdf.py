"""The report as PDF: the HTML template rendered by WeasyPrint (text layer, embedded fonts).

WeasyPrint rather than LibreOffice headless: it is a Python package (no 300 MB office suite, no apt),
runs in-process and thread-safe (LibreOffice needs one profile directory per process or a second
conversion silently writes nothing), and the HTML template is easy to keep in step with the DOCX.
Font: Liberation Serif (Times New Roman's metric twin) shipped in reports/fonts and loaded by
@font-face, so the PDF looks the same, with every Vietnamese glyph, on a machine without fonts.
"""

from __future__ import annotations

import base64
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from nghiquyet.reports.base import FONTS_DIR, REPORTING_COLUMNS, number_text, percent_text, reporting_cells
from nghiquyet.reports.charts import status_chart_png
from nghiquyet.reports.data import GROUP_LABELS, ReportData, TargetRow


def _env() -> Environment:
    env = Environment(loader=PackageLoader("nghiquyet.reports", "templates"),
                      autoescape=select_autoescape(["html"]))
    env.globals.update(num=number_text, pct=percent_text, lc=lambda s: s[:1].lower() + s[1:],
                       reporting_cells=reporting_cells, reporting_columns=REPORTING_COLUMNS)
    return env


def render_html(data: ReportData, *, chart: bool = True) -> str:
    """The report as one self-contained HTML page (the chart inlined as a data URI)."""
    rows: list[TargetRow | str] = []
    group = None
    for r in data.rows:
        if r.group != group:
            group = r.group
            rows.append(GROUP_LABELS.get(group, group))
        rows.append(r)
    png = base64.b64encode(status_chart_png(data)).decode("ascii") if chart and data.groups else ""
    return _env().get_template("report.html").render(data=data, target_rows=rows, chart=png)


class PdfExporter:
    def render(self, data: ReportData, path: Path) -> None:
        from weasyprint import HTML

        HTML(string=render_html(data), base_url=str(FONTS_DIR) + "/").write_pdf(str(path))
