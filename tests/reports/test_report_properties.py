"""Properties of assembled report data: the overview adds up and every row is judged by the rules."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.reports.data import GROUP_LABELS, TargetInput, assemble
from nghiquyet.reports.sample import sample_header
from nghiquyet.status import Period, judge, spec_for

PERIODS = ["2024-Q1", "2024-H1", "2024-09", "2024"]


@st.composite
def target_inputs(draw: st.DrawFn) -> list[TargetInput]:
    n = draw(st.integers(min_value=0, max_value=12))
    out = []
    for i in range(n):
        comparator = draw(st.sampled_from(["eq", "gt", "gte", "lt", "lte", "approx", "range"]))
        value = draw(st.floats(min_value=0.5, max_value=1e4))
        spec = spec_for(
            comparator=comparator,
            value=value,
            value_max=value * 1.2 if comparator == "range" else None,
            unit=draw(st.sampled_from(["%", "tỷ đồng", "xã", None])),
        )
        actual = draw(st.none() | st.floats(min_value=0, max_value=2e4))
        # Several targets may share an indicator (its key), as "trong đó" clauses do.
        key = str(draw(st.integers(min_value=0, max_value=max(n // 2, 0))))
        group = draw(st.sampled_from(list(GROUP_LABELS)))
        out.append(TargetInput(key, f"({key})", group, f"Chỉ tiêu {i}", spec, actual))
    # One indicator belongs to one group: the first target's group wins.
    first: dict[str, str] = {}
    for t in out:
        t.group = first.setdefault(t.indicator_key, t.group)
    return out


@settings(max_examples=60, deadline=None)
@given(target_inputs(), st.sampled_from(PERIODS))
def test_overview_adds_up_and_rows_follow_the_rules(targets: list[TargetInput], code: str) -> None:
    period = Period.parse(code)
    data = assemble(
        header=sample_header(),
        plan_title="Kế hoạch thử",
        period=period,
        plan_end=date(2024, 12, 31),
        targets=targets,
    )
    assert len(data.rows) == len(targets)
    assert data.tally.total == len({t.indicator_key for t in targets})
    assert sum(g.tally.total for g in data.groups) == data.tally.total
    assert sum(g.tally.complete for g in data.groups) == data.tally.complete
    for row, t in zip(data.rows, targets, strict=True):
        expected = judge(t.spec, t.actual, period=period, plan_end=date(2024, 12, 31))
        assert (row.status, row.rule) == (expected.status, expected.rule)
    assert data.closed == (code == "2024")
    assert data.summary_sentence.endswith(".")
