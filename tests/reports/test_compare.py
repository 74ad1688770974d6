"""Comparison report: a period against an earlier one, in XLSX (formulas) and DOCX."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from sqlalchemy.orm import Session

from nghiquyet.reports import write_report
from nghiquyet.reports.compare import compare
from nghiquyet.reports.sample import sample_report_data
from nghiquyet.status import Status
from tests.reports.conftest import ReportPlan


def test_compare_pairs_targets_and_computes_change() -> None:
    data = compare(sample_report_data("2024-H1"), sample_report_data("2024"))
    revenue = data.rows[1]
    assert (revenue.before, revenue.after) == (7250.0, 14500.0)
    assert revenue.difference == 7250.0 and revenue.change == 1.0
    assert revenue.status_after is Status.vuot
    assert data.subject.endswith("năm 2024 với 6 tháng đầu năm 2024")


def test_compare_xlsx_has_both_periods_and_formulas(
    db: Session, report_plan: ReportPlan, tmp_path: Path
) -> None:
    out = tmp_path / "ss.xlsx"
    write_report(db, plan_id=report_plan.plan.id, period="2024", compare_to="2024-Q2", fmt="xlsx", path=out)
    ws = openpyxl.load_workbook(out)["So sánh"]
    assert [c.value for c in ws[3]][3:5] == ["Quý II/2024", "Năm 2024"]
    assert [ws.cell(4, c).value for c in (2, 4, 5)] == ["Thu ngân sách nhà nước", 7250, 14500]
    assert ws.cell(4, 6).value == '=IF(AND(ISNUMBER(D4),ISNUMBER(E4)),E4-D4,"")'


def test_compare_docx(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    out = tmp_path / "ss.docx"
    write_report(db, plan_id=report_plan.plan.id, period="2024", compare_to="2024-Q2", fmt="docx", path=out)
    doc = docx.Document(str(out))
    row = [c.text for c in doc.tables[1].rows[1].cells]
    assert row[:7] == [
        "1",
        "Thu ngân sách nhà nước",
        "từ 14.150 tỷ đồng trở lên",
        "7.250",
        "14.500",
        "7.250",
        "100%",
    ]
    assert any("So sánh kết quả thực hiện" in p.text for p in doc.paragraphs)
