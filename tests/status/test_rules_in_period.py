"""Inside the period: đúng tiến độ / có nguy cơ against the pro-rata, seasonal or level expectation."""

from __future__ import annotations

from datetime import date

import pytest

from nghiquyet.status import Period, Status, judge, kind_for, spec_for

END = date(2024, 12, 31)
REVENUE = spec_for(comparator="gte", value=14150, unit="tỷ đồng")


@pytest.mark.parametrize(
    ("unit", "kind"),
    [("tỷ đồng", "cumulative"), ("nghìn lượt", "cumulative"), ("hộ", "cumulative"), ("xã", "cumulative"),
     ("%", "level"), ("%/năm", "level"), ("bác sĩ/vạn dân", "level"), ("triệu đồng/người", "level"),
     ("bậc", "level"), (None, "level"), ("đơn vị lạ", "level")],
)
def test_kind_follows_the_unit(unit: str | None, kind: str) -> None:
    assert kind_for(unit) == kind


def test_quarter_ahead_of_pro_rata_is_on_track() -> None:
    j = judge(REVENUE, 3600, period=Period.parse("2024-Q1"), plan_end=END)
    assert (j.status, j.rule) == (Status.dung_tien_do, "prorata.on_track")
    assert j.expected == pytest.approx(14150 / 4)


def test_quarter_behind_pro_rata_is_at_risk() -> None:
    j = judge(REVENUE, 3000, period=Period.parse("2024-Q1"), plan_end=END)
    assert (j.status, j.rule) == (Status.nguy_co, "prorata.behind")
    assert "quý I/2024" in j.explanation_vi and "3.537,5 tỷ đồng" in j.explanation_vi


def test_exactly_on_the_pro_rata_line_is_on_track() -> None:
    j = judge(REVENUE, 7075, period=Period.parse("2024-H1"), plan_end=END)
    assert j.status is Status.dung_tien_do


def test_as_of_inside_the_period_uses_days_elapsed() -> None:
    j = judge(REVENUE, 3000, period=Period.parse("2024"), plan_end=END, as_of=date(2024, 3, 10))
    assert j.status is Status.dung_tien_do
    assert j.expected == pytest.approx(14150 * 70 / 366)


def test_seasonal_share_overrides_pro_rata() -> None:
    # Tourism peaks at year end: the office expects only 15% of visitors by the end of Q1.
    j = judge(REVENUE, 2200, period=Period.parse("2024-Q1"), plan_end=END, expected_share=0.15)
    assert (j.status, j.rule) == (Status.dung_tien_do, "seasonal.on_track")
    j = judge(REVENUE, 2000, period=Period.parse("2024-Q1"), plan_end=END, expected_share=0.15)
    assert j.rule == "seasonal.behind"


def test_level_targets_compare_with_the_target_itself() -> None:
    share = spec_for(comparator="gte", value=90, unit="%")
    assert judge(share, 91, period=Period.parse("2024-Q1"), plan_end=END).rule == "level.on_track"
    assert judge(share, 89, period=Period.parse("2024-Q1"), plan_end=END).rule == "level.behind"
    jobless = spec_for(comparator="lt", value=1.2, unit="%")
    assert judge(jobless, 1.25, period=Period.parse("2024-H1"), plan_end=END).status is Status.nguy_co


def test_cumulative_ceiling_is_prorated_too() -> None:
    accidents = spec_for(comparator="lte", value=100, unit="vụ")
    assert judge(accidents, 20, period=Period.parse("2024-Q1"), plan_end=END).status is Status.dung_tien_do
    assert judge(accidents, 30, period=Period.parse("2024-Q1"), plan_end=END).status is Status.nguy_co


def test_decrease_range_in_period_is_a_level() -> None:
    poverty = spec_for(comparator="range", value=1.0, value_max=1.5, unit="%", change="decrease")
    j = judge(poverty, 0.8, period=Period.parse("2024-H1"), plan_end=END)
    assert (j.status, j.rule) == (Status.nguy_co, "level.behind")


def test_year_report_closes_the_year_target() -> None:
    j = judge(REVENUE, 14000, period=Period.parse("2024"), plan_end=END)
    assert j.status is Status.khong_dat


def test_in_period_without_data() -> None:
    j = judge(REVENUE, None, period=Period.parse("2024-Q2"), plan_end=END)
    assert j.status is Status.chua_co_so_lieu and "quý II/2024" in j.explanation_vi
