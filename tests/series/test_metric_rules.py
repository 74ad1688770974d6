"""The pure series rules, on wording of our own: folding, synonyms, qualifiers, units, checks, judgements."""

from __future__ import annotations

import pytest

from nghiquyet.series.metric import convert, fold, same_metric, units_compatible
from nghiquyet.series.rules import Point, check, read_judgement, required_growth, share_of_plan


def test_folding_drops_marks_and_folds_d() -> None:
    assert fold("Thu NGÂN SÁCH, địa bàn") == "thu ngan sach dia ban"


@pytest.mark.parametrize(("a", "b"), [
    ("Thu ngân sách nhà nước trên địa bàn", "thu NSNN"),
    ("Tỷ lệ người dân tham gia BHYT", "Tỷ lệ bao phủ bảo hiểm y tế toàn dân"),
    ("Tổng sản phẩm trên địa bàn bình quân đầu người", "GRDP bình quân đầu người/năm"),
    ("Tốc độ tăng trưởng kinh tế", "Tốc độ tăng trưởng GRDP (giá so sánh)"),
])
def test_names_of_one_metric_match(a: str, b: str) -> None:
    assert same_metric(a, "%", b, "%").same


@pytest.mark.parametrize(("a", "b"), [
    ("Tỷ lệ thất nghiệp", "Tỷ lệ thất nghiệp khu vực thành thị"),  # a sub-group is another series
    ("Tỷ lệ nghèo đa chiều", "Tỷ lệ nghèo đa chiều vùng đồng bào dân tộc thiểu số"),
    ("GRDP bình quân đầu người", "GDP bình quân đầu người"),
    ("Thu ngân sách nhà nước", "Thu ngân sách so với dự toán giao"),  # a share of the plan
])
def test_names_of_different_metrics_do_not_match(a: str, b: str) -> None:
    assert not same_metric(a, "%", b, "%").same


def test_units_of_one_kind_are_compatible_and_convert() -> None:
    assert units_compatible("tỷ đồng", "nghìn tỷ đồng")
    assert units_compatible("bác sỹ/1 vạn dân", "bác sĩ")
    assert not units_compatible("tỷ đồng", "%")
    assert convert(2, "nghìn tỷ đồng", "tỷ đồng") == 2000
    assert not same_metric("Thu ngân sách", "tỷ đồng", "Thu ngân sách", "%").same


def test_an_addition_is_not_the_total() -> None:
    assert not same_metric("Số xã đạt chuẩn", "xã", "Số xã đạt chuẩn", "xã", "increase", None).same
    assert same_metric("Tỷ lệ hộ nghèo", "%", "Tỷ lệ hộ nghèo", "%", "decrease", None).same


def test_share_of_plan_is_converted_against_the_target_base() -> None:
    conv = share_of_plan(25.0, "%", "thu ngân sách đạt 25% dự toán năm", 2000.0, "tỷ đồng")
    assert conv is not None and conv.value == 500.0
    assert conv.shown == "25% × 2.000 tỷ đồng = 500 tỷ đồng"
    assert share_of_plan(25.0, "%", "tăng 25% so cùng kỳ", 2000.0, "tỷ đồng") is None
    assert share_of_plan(25.0, "%", "đạt 25% kế hoạch", 80.0, "%") is None


def _p(year: int, value: float, *, term: bool = False, unit: str = "tỷ đồng", line: int = 1) -> Point:
    return Point(plan_id=year if not term else 1, doc="a.txt" if term else f"{year}.txt", line=line,
                 year=year, term=term, first_year=2021 if term else None, value=value, unit=unit)


def test_an_annual_target_below_the_path_to_the_term_target_is_flagged() -> None:
    assert required_growth(100, 121, 2) == pytest.approx(0.1)
    term = _p(2025, 121, term=True, line=9)
    # From the 2023 figure 100, 121 in 2025 needs 10% a year: 2024 must reach 110.
    warnings = check([term, _p(2024, 105, line=4)], actuals={2023: 100})
    assert [w.rule for w in warnings] == ["annual_below_path"]
    assert warnings[0].sources == (("2024.txt", 4), ("a.txt", 9))
    assert "10%/năm" in warnings[0].message
    assert check([term, _p(2024, 111)], actuals={2023: 100}) == []


def test_a_growth_rate_below_the_term_average_is_flagged() -> None:
    warnings = check([_p(2025, 7.5, term=True, unit="%"), _p(2024, 7.0, unit="%")])
    assert [w.rule for w in warnings] == ["annual_below_path"]


def test_a_tracked_year_without_an_annual_target_and_a_changed_unit_are_flagged() -> None:
    warnings = check([_p(2025, 121, term=True), _p(2024, 115, unit="nghìn tỷ đồng")],
                     tracked_years={2023, 2024, 2026})
    rules = sorted(w.rule for w in warnings)
    assert rules == ["missing_year", "unit_differs"]
    assert "2023" in next(w.message for w in warnings if w.rule == "missing_year")


def test_judgements_are_read_from_indicator_counts() -> None:
    done = read_judgement("Số chỉ tiêu hoàn thành và vượt kế hoạch", "chỉ tiêu", 16, 19)
    assert done is not None and done.completed() == 16
    missed = read_judgement("Số chỉ tiêu chưa về đích", "chỉ tiêu", 3, 19)
    assert missed is not None and not missed.done and missed.completed() == 16
    assert read_judgement("GRDP", "%", 6.4, None) is None
