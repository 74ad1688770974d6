"""Reports say how the units reported: per reporting period, the reports owed, sent on time, late or not
at all, and the share of units that sent all theirs on time — in the data and in DOCX, PDF and XLSX.

A 2024 plan reported quarterly by two units, read on 10/01/2025 (Q4's reports are due on 15/01):
Q1 A on time, B late; Q2 both on time; Q3 A never, B on time; Q4 not due yet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from nghiquyet.documents.models import Document
from nghiquyet.reports import write_report
from nghiquyet.reports.base import REPORTING_COLUMNS
from nghiquyet.reports.build import build_report_data
from nghiquyet.tracking.service import assign, create_update, submit_update
from tests.factories import make_plan, make_unit, make_user
from tests.reports.readback import docx_table, pdf_table, report_text, xlsx_sheet

ON = dt.date(2025, 1, 10)
SENT = {  # (unit, quarter) → the day its report was sent
    ("A", "Q1"): dt.date(2024, 4, 12), ("B", "Q1"): dt.date(2024, 4, 20),
    ("A", "Q2"): dt.date(2024, 7, 15), ("B", "Q2"): dt.date(2024, 7, 1),
    ("B", "Q3"): dt.date(2024, 10, 14),
}


@pytest.fixture
def plan_id(db: Session) -> int:
    office = make_user(db, role="office")
    plan = make_plan(db, title="Kế hoạch báo cáo hằng quý năm 2024")
    doc = Document(filename="kh-quy.txt", sha256="e" * 64, size=1, kind="txt", stored_path="x",
                   extraction={"reporting": {"cadence": ["quarter"], "body": "Văn phòng"}})
    db.add(doc)
    db.flush()
    plan.document_id = doc.id
    units = {"A": make_unit(db, name="Sở Tài chính"), "B": make_unit(db, name="Sở Y tế")}
    reporters = {k: make_user(db, role="unit", unit=u) for k, u in units.items()}
    for key, indicator in zip(("A", "B"), plan.indicators, strict=True):
        assign(db, item_type="indicator", item_id=indicator.id, unit_id=units[key].id, actor=office)
    for (key, quarter), day in SENT.items():
        index = 0 if key == "A" else 1
        made = create_update(db, actor=reporters[key], period=f"2024-{quarter}", value=1.0,
                             target_id=plan.indicators[index].targets[0].id)
        submit_update(db, update_id=made.id, actor=reporters[key])
        made.submitted_at = dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)
    db.flush()
    return plan.id


def test_the_data_counts_each_reporting_period(db: Session, plan_id: int) -> None:
    data = build_report_data(db, plan_id=plan_id, period="2024", as_of=ON)
    got = [(r.period_label, r.due, r.expected, r.on_time, r.late, r.missing, r.units, r.units_on_time)
           for r in data.reporting]
    assert got == [
        ("Quý I/2024", dt.date(2024, 4, 15), 2, 1, 1, 0, 2, 1),
        ("Quý II/2024", dt.date(2024, 7, 15), 2, 2, 0, 0, 2, 2),
        ("Quý III/2024", dt.date(2024, 10, 15), 2, 1, 0, 1, 2, 1),
        ("Quý IV/2024", dt.date(2025, 1, 15), 0, 0, 0, 0, 2, 0),  # not due on 10/01/2025
    ]
    assert data.reporting[0].on_time_text == "1/2 đơn vị (50%)"
    assert data.reporting_sentence == ("Các đơn vị chủ trì phải gửi 6 báo cáo đã đến hạn, đã gửi 5 "
                                       "(4 đúng hạn, 1 trễ hạn), chưa gửi 1.")


def test_a_quarter_report_counts_its_own_period_only(db: Session, plan_id: int) -> None:
    data = build_report_data(db, plan_id=plan_id, period="2024-Q3", as_of=ON)
    assert [(r.period_label, r.missing) for r in data.reporting] == [("Quý III/2024", 1)]


EXPECTED_ROWS = [
    ["Quý I/2024", "15/04/2024", "2", "2", "1", "1", "0", "1/2 đơn vị (50%)"],
    ["Quý II/2024", "15/07/2024", "2", "2", "2", "0", "0", "2/2 đơn vị (100%)"],
    ["Quý III/2024", "15/10/2024", "2", "1", "1", "0", "1", "1/2 đơn vị (50%)"],
]


def test_docx_and_pdf_print_the_table(db: Session, plan_id: int, tmp_path: Path) -> None:
    docx = tmp_path / "r.docx"
    write_report(db, plan_id=plan_id, period="2024", fmt="docx", path=docx, as_of=ON)
    assert docx_table(docx, list(REPORTING_COLUMNS)) == EXPECTED_ROWS
    assert "IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ" in report_text(docx)
    pdf = tmp_path / "r.pdf"
    write_report(db, plan_id=plan_id, period="2024", fmt="pdf", path=pdf, as_of=ON)
    assert [row.texts for row in pdf_table(pdf, list(REPORTING_COLUMNS))] == EXPECTED_ROWS
    assert "chưa gửi 1." in report_text(pdf)


def test_xlsx_has_a_sheet_with_numbers(db: Session, plan_id: int, tmp_path: Path) -> None:
    xlsx = tmp_path / "r.xlsx"
    write_report(db, plan_id=plan_id, period="2024", fmt="xlsx", path=xlsx, as_of=ON)
    rows = xlsx_sheet(xlsx, "Tình hình báo cáo", header_row=4)
    assert [(r["Kỳ báo cáo"], r["Phải gửi"], r["Đúng hạn"], r["Chưa gửi"], r["Đơn vị gửi đúng hạn"])
            for r in rows] == [("Quý I/2024", 2, 1, 0, 1), ("Quý II/2024", 2, 2, 0, 2),
                               ("Quý III/2024", 2, 1, 1, 1)]
    assert str(rows[0]["Tỷ lệ đơn vị gửi đúng hạn"]).startswith("=IF(H5>0")
