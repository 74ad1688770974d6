"""Properties: better figures never give worse statuses; closed and open periods use disjoint statuses."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.status import Period, Status, TargetSpec, judge
from nghiquyet.status.rules import Direction

END = date(2024, 12, 31)
PERIODS = [Period.parse(p) for p in ("2024-01", "2024-Q1", "2024-H1", "2024-Q3", "2024")]
figures = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
comparators = st.sampled_from(["eq", "gt", "gte", "lt", "lte", "approx", "range"])


@st.composite
def specs(draw: st.DrawFn) -> TargetSpec:
    comparator = draw(comparators)
    value = draw(st.floats(min_value=0.01, max_value=1e5))
    value_max = value + draw(st.floats(min_value=0, max_value=1e4)) if comparator == "range" else None
    direction: Direction = "down" if comparator in ("lt", "lte") else draw(st.sampled_from(["up", "down"]))
    if comparator in ("gt", "gte"):
        direction = "up"
    return TargetSpec(comparator, value, value_max, direction=direction,
                      kind=draw(st.sampled_from(["cumulative", "level"])), unit="tỷ đồng")


@given(specs(), figures, figures, st.sampled_from(PERIODS))
def test_a_better_figure_never_gives_a_worse_status(
    spec: TargetSpec, a: float, b: float, period: Period
) -> None:
    worse, better = (min(a, b), max(a, b)) if spec.direction == "up" else (max(a, b), min(a, b))
    s_worse = judge(spec, worse, period=period, plan_end=END).status
    s_better = judge(spec, better, period=period, plan_end=END).status
    assert s_better.goodness >= s_worse.goodness


@given(specs(), figures, st.sampled_from(PERIODS))
def test_closed_periods_give_final_statuses_and_open_ones_progress(
    spec: TargetSpec, a: float, period: Period
) -> None:
    j = judge(spec, a, period=period, plan_end=END)
    final = {Status.vuot, Status.dat, Status.khong_dat}
    assert (j.status in final) == (period.end >= END)
    assert j.rule and j.explanation_vi


@given(specs(), st.sampled_from(PERIODS))
def test_no_data_is_always_chua_co_so_lieu(spec: TargetSpec, period: Period) -> None:
    assert judge(spec, None, period=period, plan_end=END).rule == "no_data"
