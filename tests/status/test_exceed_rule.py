"""One rule for "vượt" versus "đạt" (docs/status.md): how far past the plan's figure, never the wording."""

from __future__ import annotations

from datetime import date

import pytest

from nghiquyet.status import EXCEED_MARGIN, Period, Status, TargetSpec, judge, spec_for

YEAR = Period.parse("2024")
END = date(2024, 12, 31)


def closed(spec: TargetSpec, actual: float) -> Status:
    return judge(spec, actual, period=YEAR, plan_end=END).status


def test_issue_examples_trên_8_and_56_trieu_at_108_percent_read_alike() -> None:
    # Issue 10 point 1: "trên 8%" at 108% was "Đạt" while "56 triệu đồng" at 108% was "Vượt kế hoạch".
    above = spec_for(comparator="gt", value=8, unit="%")
    money = spec_for(comparator="eq", value=56, unit="triệu đồng")
    assert closed(above, 8 * 1.08) is closed(money, 56 * 1.08) is Status.vuot
    assert closed(above, 8 * 1.01) is closed(money, 56 * 1.01) is Status.dat


@pytest.mark.parametrize(
    ("comparator", "value", "value_max", "direction"),
    [("gt", 8, None, "up"), ("gte", 8, None, "up"), ("eq", 8, None, "up"), ("approx", 8, None, "up"),
     ("range", 6, 8, "up"), ("lt", 8, None, "down"), ("lte", 8, None, "down"), ("eq", 8, None, "down"),
     ("range", 8, 10, "down")],
)
def test_every_comparator_is_vuot_past_the_margin_and_dat_within_it(
    comparator: str, value: float, value_max: float | None, direction: str
) -> None:
    spec = spec_for(comparator=comparator, value=value, value_max=value_max, unit="%", direction=direction)
    sign = 1 if direction == "up" else -1
    assert closed(spec, 8 * (1 + sign * 0.08)) is Status.vuot
    assert closed(spec, 8 * (1 + sign * 0.01)) is Status.dat
    assert closed(spec, 8 * (1 + sign * EXCEED_MARGIN)) is Status.dat  # exactly at the margin: not past it


def test_explanation_says_why_vuot_or_only_dat() -> None:
    spec = spec_for(comparator="gt", value=8, unit="%")
    far = judge(spec, 8.64, period=YEAR, plan_end=END).explanation_vi
    near = judge(spec, 8.08, period=YEAR, plan_end=END).explanation_vi
    assert far == "Thực hiện 8,64%, kế hoạch trên 8%, cao hơn mức kế hoạch quá 2%: vượt kế hoạch"
    assert near == ("Thực hiện 8,08%, kế hoạch trên 8%, cao hơn mức kế hoạch không quá 2% "
                    "(chưa tính là vượt): đạt kế hoạch")
    ceiling = judge(spec_for(comparator="lt", value=4, unit="%"), 3.5, period=YEAR, plan_end=END)
    assert ceiling.explanation_vi == ("Thực hiện 3,5%, kế hoạch dưới 4%, thấp hơn mức kế hoạch quá 2%: "
                                      "vượt kế hoạch")
