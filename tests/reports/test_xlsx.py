"""The XLSX report: numbers stored as numbers, % of plan as formulas, frozen header, raw updates."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy.orm import Session

from nghiquyet.reports import write_report
from nghiquyet.reports.xlsx import HEADER_ROW, number_format
from tests.reports.conftest import TARGETS, ReportPlan


def _open(db: Session, report_plan: ReportPlan, tmp_path: Path) -> openpyxl.Workbook:
    out = tmp_path / "r.xlsx"
    write_report(db, plan_id=report_plan.plan.id, period="2024", fmt="xlsx", path=out)
    return openpyxl.load_workbook(out)


def test_target_sheet_values_and_formulas(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    ws = _open(db, report_plan, tmp_path)["Chỉ tiêu"]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:9] == [
        "STT",
        "Nhóm",
        "Chỉ tiêu",
        "Kế hoạch",
        "Giá trị kế hoạch",
        "Đơn vị tính",
        "Thực hiện",
        "% kế hoạch",
        "Đánh giá",
    ]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [r[2] for r in rows] == [t[0] for t in TARGETS]
    assert [r[4] for r in rows] == [t[2] for t in TARGETS]
    assert [r[6] for r in rows] == [t[7] for t in TARGETS]
    first = HEADER_ROW + 1
    assert (
        ws.cell(first, 8).value
        == f'=IF(AND(ISNUMBER(G{first}),ISNUMBER(E{first}),E{first}<>0),G{first}/E{first},"")'
    )
    assert ws.cell(first, 8).number_format == "0.0%"
    assert ws.cell(first, 9).value == "Vượt kế hoạch"
    # No rule code reaches the sheet (issue 10 point 5): the column after the status is the lead unit.
    assert "Quy tắc" not in header and ws.cell(first, 10).value == "Sở Tài chính"
    assert not any(isinstance(v, str) and "." in v and v.split(".")[0] in ("gte", "gt", "eq", "indicator")
                   for row in rows for v in row)


def test_layout_frozen_bold_header_widths_and_status_fills(
    db: Session, report_plan: ReportPlan, tmp_path: Path
) -> None:
    wb = _open(db, report_plan, tmp_path)
    ws = wb["Chỉ tiêu"]
    assert ws.freeze_panes == f"D{HEADER_ROW + 1}"
    assert ws.cell(HEADER_ROW, 1).font.b
    assert ws.column_dimensions["C"].width >= 40
    rules = [r for rng in ws.conditional_formatting for r in rng.rules]
    assert any('"Không đạt"' in r.formula[0] for r in rules)
    assert ws.cell(HEADER_ROW + 1, 7).number_format == "#,##0"
    assert ws.cell(HEADER_ROW + 2, 7).number_format == "#,##0.0#"


def test_updates_and_summary_sheets(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    wb = _open(db, report_plan, tmp_path)
    updates = wb["Số liệu cập nhật"]
    assert updates.freeze_panes == "A2"
    values = list(updates.iter_rows(min_row=2, values_only=True))
    assert len(values) == 9
    assert {v[8] for v in values} == {"Đã duyệt"}
    assert ("Sở Tài chính", "Thu ngân sách nhà nước", "Năm 2024", 14500) in {v[1:5] for v in values}
    summary = wb["Tổng hợp"]
    rows = list(summary.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert rows[0][:3] == ("Kinh tế - xã hội", 4, 2)
    assert rows[-1][0] == "Tổng cộng" and str(rows[-1][1]).startswith("=SUM(B")


def test_number_format_is_stored_invariant() -> None:
    # Excel shows "#,##0.0#" as 14.150,5 on a vi-VN machine; the file never holds the display form.
    assert number_format(14150) == "#,##0"
    assert number_format(1.25) == "#,##0.0#"
    assert number_format(None) == "#,##0"
