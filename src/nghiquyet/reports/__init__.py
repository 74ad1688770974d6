"""Official reports of a plan for a period: DOCX, PDF, XLSX and a period-against-period comparison."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from nghiquyet.reports.base import FORMATS, MEDIA_TYPES, Exporter, get_exporter
from nghiquyet.reports.data import ReportData

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["FORMATS", "MEDIA_TYPES", "Exporter", "ReportData", "get_exporter", "report_filename",
           "write_report"]


def report_filename(plan_id: int, period: str, fmt: str, compare_to: str | None = None) -> str:
    """An ASCII file name offices can mail around: bao-cao-ke-hoach-3-2024-Q1.docx."""
    extra = f"-so-voi-{compare_to}" if compare_to else ""
    return f"bao-cao-ke-hoach-{plan_id}-{period}{extra}.{fmt}"


def write_report(session: Session, *, plan_id: int, period: str, fmt: str, path: Path,
                 compare_to: str | None = None, as_of: dt.date | None = None) -> ReportData:
    """Build the report (or, with `compare_to`, the comparison with that period) and write it to `path`."""
    from nghiquyet.reports.build import build_report_data

    exporter = get_exporter(fmt)  # checks the format before any query runs
    data = build_report_data(session, plan_id=plan_id, period=period, as_of=as_of)
    if compare_to:
        from nghiquyet.reports.compare import compare, get_compare_exporter

        base = build_report_data(session, plan_id=plan_id, period=compare_to, as_of=as_of)
        get_compare_exporter(fmt).render(compare(base, data), path)
    else:
        exporter.render(data, path)
    return data
