"""Judging a target once its period has closed: vượt / đạt / không đạt by comparator."""

from __future__ import annotations

from datetime import date

import pytest

from nghiquyet.status import APPROX_TOLERANCE, Period, Status, TargetSpec, judge, spec_for

YEAR = Period.parse("2024")
END = date(2024, 12, 31)


def closed(spec: TargetSpec, actual: float | None) -> tuple[Status, str]:
    j = judge(spec, actual, period=YEAR, plan_end=END)
    return j.status, j.rule


@pytest.mark.parametrize(
    ("comparator", "value", "actual", "status", "rule"),
    [
        ("gte", 14150, 14500, Status.vuot, "gte.exceeded"),
        ("gte", 14150, 14150, Status.dat, "gte.reached"),
        ("gte", 14150, 14149.9, Status.khong_dat, "gte.missed"),
        ("eq", 10, 10.5, Status.vuot, "eq.exceeded"),
        ("eq", 10, 10, Status.dat, "eq.reached"),
        ("eq", 10, 9.99, Status.khong_dat, "eq.missed"),
        ("gt", 90, 95, Status.vuot, "gt.exceeded"),  # one rule for vượt: past the plan by over 2%
        ("gt", 90, 91, Status.dat, "gt.reached"),
        ("gt", 90, 90, Status.khong_dat, "gt.missed"),
        ("lt", 1.2, 1.1, Status.vuot, "lt.exceeded"),
        ("lt", 1.2, 1.19, Status.dat, "lt.reached"),
        ("lt", 1.2, 1.2, Status.khong_dat, "lt.missed"),
        ("lt", 1.2, 1.3, Status.khong_dat, "lt.missed"),
        ("lte", 4, 4, Status.dat, "lte.reached"),
        ("lte", 4, 3, Status.vuot, "lte.exceeded"),
        ("lte", 4, 3.95, Status.dat, "lte.reached"),
        ("lte", 4, 4.01, Status.khong_dat, "lte.missed"),
    ],
)
def test_comparator_fixes_reached(
    comparator: str, value: float, actual: float, status: Status, rule: str
) -> None:
    assert closed(spec_for(comparator=comparator, value=value, unit="%"), actual) == (status, rule)


def test_decimal_text_equality_is_not_broken_by_float_noise() -> None:
    spec = spec_for(comparator="gte", value=0.3, unit="%")
    assert closed(spec, 0.1 + 0.2)[0] is Status.dat


@pytest.mark.parametrize(
    ("actual", "status", "rule"),
    [(0.9, Status.khong_dat, "range.missed"), (1.0, Status.dat, "range.reached"),
     (1.2, Status.dat, "range.reached"), (1.5, Status.dat, "range.reached"),
     (1.6, Status.vuot, "range.exceeded")],
)
def test_decrease_range_is_judged_on_the_decrease(actual: float, status: Status, rule: str) -> None:
    # Poverty "giảm 1,0 - 1,5%/năm": the unit reports how much the rate fell.
    spec = spec_for(comparator="range", value=1.0, value_max=1.5, unit="%", change="decrease",
                    metric="Tỷ lệ hộ nghèo")
    assert spec.direction == "up"
    assert closed(spec, actual) == (status, rule)


def test_range_of_a_level_where_lower_is_better_flips() -> None:
    spec = spec_for(comparator="range", value=1.5, value_max=2.0, unit="%", metric="Tỷ lệ hộ nghèo")
    assert spec.direction == "down"
    assert closed(spec, 1.4)[0] is Status.vuot
    assert closed(spec, 1.5)[0] is Status.dat
    assert closed(spec, 2.0)[0] is Status.dat
    assert closed(spec, 2.1)[0] is Status.khong_dat


def test_eq_target_going_down_when_office_says_so() -> None:
    spec = spec_for(comparator="eq", value=2.0, unit="%", direction="down")
    assert closed(spec, 1.8) == (Status.vuot, "eq.exceeded")
    assert closed(spec, 2.0) == (Status.dat, "eq.reached")
    assert closed(spec, 2.2) == (Status.khong_dat, "eq.missed")


def test_approx_tolerance_is_two_percent_of_the_value() -> None:
    assert APPROX_TOLERANCE == 0.02
    spec = spec_for(comparator="approx", value=1000, unit="tỷ đồng")
    assert closed(spec, 980)[0] is Status.dat  # exactly 2% short
    assert closed(spec, 979)[0] is Status.khong_dat
    assert closed(spec, 1020)[0] is Status.dat  # exactly 2% over
    assert closed(spec, 1021) == (Status.vuot, "approx.exceeded")


def test_gte_wins_over_a_contradicting_down_direction() -> None:
    spec = TargetSpec("gte", 10, direction="down")
    assert closed(spec, 12)[0] is Status.vuot


def test_explanation_states_the_figures_in_vietnamese() -> None:
    spec = spec_for(comparator="gte", value=14150, unit="tỷ đồng")
    j = judge(spec, 14500, period=YEAR, plan_end=END)
    assert j.explanation_vi.startswith("Thực hiện 14.500 tỷ đồng ≥ kế hoạch từ 14.150 tỷ đồng trở lên")
    assert j.explanation_vi.endswith("vượt kế hoạch")
    assert j.ratio == pytest.approx(14500 / 14150)
    low = judge(spec_for(comparator="lt", value=1.2, unit="%"), 1.3, period=YEAR, plan_end=END)
    assert low.explanation_vi == "Thực hiện 1,3%, kế hoạch dưới 1,2%: không đạt kế hoạch"


def test_no_data_and_qualitative_targets() -> None:
    j = judge(spec_for(comparator="gte", value=90, unit="%"), None, period=YEAR, plan_end=END)
    assert (j.status, j.rule) == (Status.chua_co_so_lieu, "no_data")
    assert "năm 2024" in j.explanation_vi
    q = judge(spec_for(comparator="eq", value=None), 5, period=YEAR, plan_end=END)
    assert (q.status, q.rule) == (Status.chua_co_so_lieu, "no_value")


def test_target_year_closes_before_the_plan_does() -> None:
    # A 2021-2025 programme with a 2024 target: the 2024 report is final for that target.
    spec = spec_for(comparator="gte", value=100, unit="tỷ đồng", year=2024)
    j = judge(spec, 90, period=YEAR, plan_end=date(2025, 12, 31))
    assert j.rule == "gte.missed"
    later = spec_for(comparator="gte", value=100, unit="tỷ đồng")
    assert judge(later, 90, period=YEAR, plan_end=date(2025, 12, 31)).rule == "prorata.behind"


def test_zero_value_target_has_no_ratio() -> None:
    j = judge(spec_for(comparator="lte", value=0, unit="vụ"), 0, period=YEAR, plan_end=END)
    assert j.status is Status.dat and j.ratio is None


def test_status_labels_are_vietnamese() -> None:
    assert Status.vuot.label_vi == "Vượt kế hoạch"
    assert Status.nguy_co.label_vi == "Có nguy cơ không đạt"
    assert Status.chua_co_so_lieu.label_vi == "Chưa có số liệu"
    assert Status("dat") is Status.dat and Status.dat == "dat"


def test_decrease_is_the_size_of_the_fall_even_when_the_wording_says_down() -> None:
    # The extractor marks "giảm 2 - 2,5%" with direction "down" (the poverty rate should fall);
    # the unit reports how much it fell, so 1,8 is short of the plan, not beyond it.
    spec = spec_for(comparator="range", value=2.0, value_max=2.5, unit="%", change="decrease",
                    metric="Tỷ lệ giảm nghèo", direction="down")
    assert spec.direction == "up"
    assert closed(spec, 1.8) == (Status.khong_dat, "range.missed")
    assert closed(spec, 2.6) == (Status.vuot, "range.exceeded")
    ceiling = spec_for(comparator="lt", value=4, unit="%", change="increase", metric="Chỉ số giá tiêu dùng")
    assert ceiling.direction == "down" and closed(ceiling, 3.95)[0] is Status.dat
    assert closed(ceiling, 3.5)[0] is Status.vuot  # well under the ceiling: past it by over 2%
