"""The lazy explanation is the eager one: every judgement reads exactly as before it was deferred.

The reference below is `judge` / `judge_indicator` as they were when the text was built eagerly
(commit edd47f1), kept verbatim except for names, so any drift in wording is caught here; the
closed wording since gained the vượt/đạt margin clause (`_margin_text`, issue 10 point 1).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.status import Judgement, Period, Status, TargetSpec, indicator_status, judge, judge_indicator
from nghiquyet.status.fmt import vn_number, with_unit
from nghiquyet.status.period import elapsed_fraction
from nghiquyet.status.rules import (
    _PRECEDENCE,
    _VERDICT,
    COMPARATORS,
    _lower_first,
    _margin_text,
    _subject,
    outcome_of,
)


class Eager(NamedTuple):
    status: Status
    rule: str
    explanation_vi: str
    expected: float | None = None
    ratio: float | None = None


def eager_judge(
    spec: TargetSpec,
    actual: float | None,
    *,
    period: Period,
    plan_end: date,
    as_of: date | None = None,
    expected_share: float | None = None,
) -> Eager:
    """Judge `actual` (the figure reported for `period`) against `spec`."""
    if spec.value is None:
        return Eager(Status.chua_co_so_lieu, "no_value", "Chỉ tiêu định tính, không có mức số để so sánh")
    if actual is None:
        return Eager(
            Status.chua_co_so_lieu, "no_data", f"Chưa có số liệu thực hiện {_lower_first(period.label_vi)}",
            expected=spec.value,
        )
    ratio = actual / spec.value if spec.value else None
    deadline = spec.year_end or plan_end
    end = period.end if as_of is None else min(period.end, as_of)
    if end >= deadline:
        return _eager_closed(spec, actual, ratio)
    return _eager_in_period(spec, actual, ratio, period, end, expected_share)


def _eager_closed(spec: TargetSpec, actual: float, ratio: float | None) -> Eager:
    assert spec.value is not None
    outcome = outcome_of(spec.comparator, actual, spec.value, spec.value_max, spec.direction)
    status = {"exceeded": Status.vuot, "reached": Status.dat, "missed": Status.khong_dat}[outcome]
    subject = _subject(spec)
    shown = with_unit(actual, spec.unit)
    share = ""
    if ratio is not None and spec.kind == "cumulative":
        share = f" ({vn_number(ratio * 100, 1)}% kế hoạch)"
    share += _margin_text(spec, actual, outcome)
    if spec.comparator in ("gte", "eq"):
        good = outcome != "missed"
        sign = ("≥" if good else "<") if spec.direction == "up" or spec.comparator == "gte" else (
            "≤" if good else ">")
        text = f"{subject} {shown} {sign} kế hoạch {spec.plan_text()}{share}: {_VERDICT[status]}"
    else:
        text = f"{subject} {shown}, kế hoạch {spec.plan_text()}{share}: {_VERDICT[status]}"
    comparator = spec.comparator if spec.comparator in COMPARATORS else "eq"
    return Eager(status, f"{comparator}.{outcome}", text, expected=spec.value, ratio=ratio)


def _eager_in_period(
    spec: TargetSpec, actual: float, ratio: float | None, period: Period, end: date,
    expected_share: float | None,
) -> Eager:
    assert spec.value is not None
    if expected_share is not None:
        share, basis = min(max(expected_share, 0.0), 1.0), "seasonal"
    elif spec.kind == "cumulative":
        share = period.fraction_of_year if end == period.end else elapsed_fraction(end)
        basis = "prorata"
    else:
        # A level (a rate, a share, a per-capita figure) is not accumulated over the year:
        # the figure so far is held against the target itself.
        share, basis = 1.0, "level"
    low = spec.value * share
    high = spec.value_max * share if spec.value_max is not None else None
    outcome = outcome_of(spec.comparator, actual, low, high, spec.direction)
    status = Status.nguy_co if outcome == "missed" else Status.dung_tien_do
    shown = with_unit(actual, spec.unit)
    when = _lower_first(period.label_vi)
    if end != period.end:
        when = f"ngày {end.day:02d}/{end.month:02d}/{end.year}"
    if basis == "level":
        text = f"{_subject(spec)} {shown} ({when}), kế hoạch {spec.plan_text()}: {_VERDICT[status]}"
    else:
        expected = with_unit(low, spec.unit)
        if high is not None and spec.comparator == "range":
            expected = f"{vn_number(low)} - {with_unit(high, spec.unit)}"
        text = (
            f"{_subject(spec)} {shown} đến hết {when}, yêu cầu theo tiến độ "
            f"{expected} ({vn_number(share * 100, 1)}% của kế hoạch {spec.plan_text()}): {_VERDICT[status]}"
        )
    rule = f"{basis}.{'behind' if outcome == 'missed' else 'on_track'}"
    return Eager(status, rule, text, expected=low, ratio=ratio)


def eager_judge_indicator(judgements: list[Eager]) -> Eager:
    """An indicator is complete when all its targets are reached; otherwise its worst target speaks."""
    if not judgements:
        return Eager(
            Status.chua_co_so_lieu, "indicator.no_targets", "Chỉ tiêu chưa có mức số để đánh giá"
        )
    statuses = [j.status for j in judgements]
    status = next(s for s in _PRECEDENCE if s in statuses)
    n = len(judgements)
    reached = sum(1 for s in statuses if s.complete)
    if n == 1:
        only = judgements[0]
        return Eager(status, f"indicator.{status.value}", only.explanation_vi, only.expected, only.ratio)
    reasons = "; ".join(j.explanation_vi for j in judgements)
    text = f"{reached}/{n} mức chỉ tiêu đạt — {reasons}"
    return Eager(status, f"indicator.{status.value}", text)


def _same(lazy: Judgement, eager: Eager) -> None:
    assert (lazy.status, lazy.rule, lazy.expected, lazy.ratio) == (
        eager.status, eager.rule, eager.expected, eager.ratio)
    assert lazy.explanation_vi == eager.explanation_vi
    assert lazy.explanation_vi == eager.explanation_vi  # read twice: the kept text


END = date(2024, 12, 31)
PERIODS = [Period.parse(p) for p in ("2024-01", "2024-Q1", "2024-H1", "2024-Q3", "2024-11", "2024", "2025")]
figures = st.one_of(st.none(), st.floats(min_value=-1e3, max_value=1e7, allow_nan=False,
                                         allow_infinity=False))
units = st.sampled_from([None, "", "%", "tỷ đồng", "lao động", "% GRDP", "triệu đồng/người"])


@st.composite
def specs(draw: st.DrawFn) -> TargetSpec:
    comparator = draw(st.sampled_from(["eq", "gt", "gte", "lt", "lte", "approx", "range", "odd"]))
    value = draw(st.one_of(st.none(), st.just(0.0), st.floats(min_value=-10, max_value=1e6)))
    value_max = draw(st.one_of(st.none(), st.floats(min_value=0, max_value=2e6)))
    year_end = draw(st.sampled_from([None, date(2024, 12, 31), date(2025, 12, 31), date(2024, 6, 30)]))
    return TargetSpec(comparator, value, value_max, direction=draw(st.sampled_from(["up", "down"])),
                      year_end=year_end, kind=draw(st.sampled_from(["cumulative", "level"])),
                      unit=draw(units), change=draw(st.sampled_from([None, "increase", "decrease"])))


as_of = st.one_of(st.none(), st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31)))
share = st.one_of(st.none(), st.floats(min_value=-0.5, max_value=1.5))


@given(specs(), figures, st.sampled_from(PERIODS), as_of, share)
def test_lazy_judgement_reads_as_the_eager_one(
    spec: TargetSpec, actual: float | None, period: Period, day: date | None, expected_share: float | None
) -> None:
    lazy = judge(spec, actual, period=period, plan_end=END, as_of=day, expected_share=expected_share)
    eager = eager_judge(spec, actual, period=period, plan_end=END, as_of=day, expected_share=expected_share)
    _same(lazy, eager)


@given(st.lists(st.tuples(specs(), figures), max_size=4), st.sampled_from(PERIODS), st.booleans())
def test_lazy_indicator_reads_as_the_eager_one(
    cases: list[tuple[TargetSpec, float | None]], period: Period, read_targets_first: bool
) -> None:
    lazy = [judge(spec, a, period=period, plan_end=END) for spec, a in cases]
    eager = [eager_judge(spec, a, period=period, plan_end=END) for spec, a in cases]
    if read_targets_first:  # whether the targets' texts were already made must not matter
        for j in lazy:
            assert j.explanation_vi
    _same(judge_indicator(lazy), eager_judge_indicator(eager))
    for lz, eg in zip(lazy, eager, strict=True):
        _same(lz, eg)


def test_judgement_keeps_the_dataclass_manners() -> None:
    spec = TargetSpec("gte", 100.0, unit="tỷ đồng", kind="cumulative")
    period = Period.parse("2024")
    a, b = judge(spec, 120.0, period=period, plan_end=END), judge(spec, 120.0, period=period, plan_end=END)
    text = Judgement(a.status, a.rule, a.explanation_vi, a.expected, a.ratio)
    assert a == b == text and hash(a) == hash(text)
    assert "explanation_vi='Thực hiện 120 tỷ đồng ≥ kế hoạch từ 100 tỷ đồng trở lên" in repr(a)
    try:
        a.status = Status.khong_dat
    except AttributeError:
        pass
    else:
        raise AssertionError("a Judgement must stay immutable")


@given(st.lists(st.sampled_from(list(Status)), max_size=6))
def test_indicator_status_is_judge_indicators_status(statuses: list[Status]) -> None:
    judged = judge_indicator([Judgement(s, "x", s.label_vi) for s in statuses])
    assert indicator_status(statuses) == judged.status
