"""build_report_data: the figures, statuses, names and notes the report shows come from the database."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from nghiquyet.reports.build import build_report_data, default_header, find_place
from nghiquyet.status import Status
from tests.factories import make_unit
from tests.reports.conftest import TARGETS, ReportPlan


def test_rows_carry_the_approved_year_figures(db: Session, report_plan: ReportPlan) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024", as_of=dt.date(2025, 1, 10))
    assert [r.metric for r in data.rows] == [t[0] for t in TARGETS]
    assert [r.actual for r in data.rows] == [t[7] for t in TARGETS]
    assert [r.plan_value for r in data.rows] == [t[2] for t in TARGETS]
    assert [r.status for r in data.rows] == [
        Status.vuot,
        Status.khong_dat,
        Status.dat,
        Status.chua_co_so_lieu,
        Status.vuot,
    ]
    assert data.rows[0].lead_unit == "Sở Tài chính"
    assert data.rows[0].plan_text == "từ 14.150 tỷ đồng trở lên"


def test_overview_counts_per_group(db: Session, report_plan: ReportPlan) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    assert data.closed
    assert (data.tally.total, data.tally.complete) == (5, 3)
    assert data.overview == [
        "Kinh tế - xã hội có 02/04 chỉ tiêu hoàn thành và vượt kế hoạch; 01/04 chỉ tiêu chưa đạt; "
        "01/04 chỉ tiêu chưa có số liệu",
        "Xây dựng Đảng và hệ thống chính trị có 01/01 chỉ tiêu hoàn thành và vượt kế hoạch",
    ]


def test_lagging_items_carry_the_units_explanation(db: Session, report_plan: ReportPlan) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    [lag] = data.lagging
    assert lag.metric == "Tỷ lệ thất nghiệp khu vực thành thị"
    assert lag.note == "Doanh nghiệp may mặc cắt giảm lao động"
    assert lag.lead_unit == "Sở Lao động - Thương binh và Xã hội"
    assert [r.metric for r in data.missing] == ["Khách du lịch"]


def test_tasks_and_appendix(db: Session, report_plan: ReportPlan) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    first, second = data.tasks
    assert (first.progress, first.note, first.lead_unit, first.overdue) == (
        80.0,
        "Còn 2 dự án chậm",
        "Sở Tài chính",
        False,
    )
    assert second.progress is None and second.overdue
    # 4 targets × (Q2 + year) + 1 task update, all approved.
    assert len(data.updates) == 9
    assert {u.period for u in data.updates} == {"2024", "2024-Q2"}


def test_quarter_report_judges_progress(db: Session, report_plan: ReportPlan) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024-Q2")
    assert not data.closed
    assert data.rows[0].actual == 7250.0
    assert data.rows[0].status is Status.dung_tien_do  # 7.250 ≥ 50% of 14.150
    assert data.subject.endswith("quý II/2024")


def test_header_follows_the_issuer(db: Session, report_plan: ReportPlan) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024", as_of=dt.date(2025, 1, 10))
    h = data.header
    assert h.party and h.issuer_lines == ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG"]
    assert h.number.endswith("-BC/VPTU") and h.place_date == "Lâm Đồng, ngày 10 tháng 01 năm 2025"
    assert data.plan_title.startswith("Nghị quyết số 15-NQ/TU")
    state = default_header("UBND tỉnh Lâm Đồng", dt.date(2025, 3, 25))
    assert not state.party and state.place == "Lâm Đồng" and state.number.endswith("/BC-UBND")


@pytest.mark.parametrize(
    ("issuer", "lines", "suffix", "party"),
    [
        ("Tỉnh ủy Lâm Đồng", ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG"], "-BC/VPTU", True),
        ("Ban Chấp hành Đảng bộ tỉnh", ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG"], "-BC/VPTU", True),
        ("Ban Thường vụ Tỉnh ủy", ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG"], "-BC/VPTU", True),
        (
            "Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh",
            ["ĐẢNG ỦY UBND TỈNH LÂM ĐỒNG", "VĂN PHÒNG"],
            "-BC/VPĐU",
            True,
        ),
        ("Huyện ủy Đức Trọng", ["HUYỆN ỦY ĐỨC TRỌNG", "VĂN PHÒNG"], "-BC/VPHU", True),
        ("Ủy ban nhân dân tỉnh Lâm Đồng", ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"], "/BC-UBND", False),
    ],
)
def test_header_for_each_kind_of_issuer(issuer: str, lines: list[str], suffix: str, party: bool) -> None:
    # The seeds name their issuer loosely ("Ban Chấp hành Đảng bộ tỉnh"); the province comes from elsewhere.
    place = find_place(issuer) or "Lâm Đồng"
    h = default_header(issuer, dt.date(2025, 1, 2), place=place)
    assert (h.issuer_lines, h.number.endswith(suffix), h.party) == (lines, True, party)


def test_place_comes_from_the_top_unit_when_the_issuer_has_none(db: Session, report_plan: ReportPlan) -> None:
    report_plan.plan.issuer = "Tỉnh ủy"
    make_unit(db, name="Tỉnh ủy Lâm Đồng", kind="tinh_uy")
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024", as_of=dt.date(2025, 1, 2))
    assert data.header.issuer_lines[0] == "TỈNH ỦY LÂM ĐỒNG"
    assert data.header.place_date.startswith("Lâm Đồng, ngày 02 tháng 01 năm 2025")


def test_summary_sentence_speaks_of_progress_inside_the_period(db: Session, report_plan: ReportPlan) -> None:
    year = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    assert year.summary_sentence == "Trong năm 2024, có 03/05 chỉ tiêu hoàn thành và vượt kế hoạch."
    q2 = build_report_data(db, plan_id=report_plan.plan.id, period="2024-Q2")
    assert q2.summary_sentence.startswith("Đến hết quý II/2024, có ")
    assert "chỉ tiêu có nguy cơ không đạt" in q2.summary_sentence
