"""Property test: any item built from the grammar subject + verb + comparator + number + unit
reads back as the comparator, value and unit it was built from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.figures.numbers import format_vn_number
from nghiquyet.extract.figures.targets import parse_targets

SUBJECTS = [
    "Tỷ lệ hộ gia đình sử dụng nước sạch",
    "Thu ngân sách nhà nước trên địa bàn",
    "Tổng vốn đầu tư toàn xã hội",
    "GRDP bình quân đầu người",
    "Tỷ lệ trường học đạt chuẩn quốc gia",
    "Chỉ số hài lòng của người dân",
    "Số xã đạt chuẩn nông thôn mới",
    "Kim ngạch xuất khẩu",
    "Tỷ lệ che phủ rừng",
]
VERBS = ["", "đạt", "phấn đấu đạt", "là", "ở mức"]
COMPARATORS = [
    ("", "", "eq"),
    ("trên", "", "gt"),
    ("hơn", "", "gt"),
    ("khoảng trên", "", "gt"),
    ("từ", "trở lên", "gte"),
    ("ít nhất", "", "gte"),
    ("tối thiểu", "", "gte"),
    ("không dưới", "", "gte"),
    ("", "trở lên", "gte"),
    ("dưới", "", "lt"),
    ("không quá", "", "lte"),
    ("tối đa", "", "lte"),
    ("khoảng", "", "approx"),
]
UNITS = ["%", "tỷ đồng", "triệu đồng/người", "triệu USD", "ha", "xã", "doanh nghiệp", "nghìn lượt", "%/năm"]
VALUES = st.one_of(
    st.integers(min_value=1, max_value=999_999).map(float),
    st.integers(min_value=1, max_value=99_999).map(lambda n: n / 10),
)


@settings(max_examples=300, deadline=None)
@given(
    subject=st.sampled_from(SUBJECTS),
    verb=st.sampled_from(VERBS),
    cmp=st.sampled_from(COMPARATORS),
    value=VALUES,
    unit=st.sampled_from(UNITS),
    end=st.sampled_from(["", ".", ";"]),
)
def test_built_item_reads_back(
    subject: str, verb: str, cmp: tuple[str, str, str], value: float, unit: str, end: str
) -> None:
    before, after, comparator = cmp
    number = format_vn_number(value)
    glue = "" if unit.startswith("%") else " "
    text = " ".join(w for w in (subject, verb, before, f"{number}{glue}{unit}", after) if w) + end
    (target,) = parse_targets(text, year=2025)
    assert (target.comparator, target.unit, target.year) == (comparator, unit, 2025), text
    assert target.value == pytest.approx(value), text
    assert set(subject.lower().split()) <= set(target.metric.lower().replace(",", " ").split()), text


@settings(max_examples=200, deadline=None)
@given(
    subject=st.sampled_from(SUBJECTS),
    low=st.integers(min_value=1, max_value=500),
    width=st.integers(min_value=1, max_value=50),
    joiner=st.sampled_from([" - ", "-", " đến ", " – "]),
    lead=st.sampled_from(["", "từ", "khoảng", "ít nhất", "tăng", "giảm"]),
    unit=st.sampled_from(UNITS),
)
def test_built_range_reads_back(
    subject: str, low: int, width: int, joiner: str, lead: str, unit: str
) -> None:
    glue = "" if unit.startswith("%") else " "
    text = f"{subject} {lead} {low}{joiner}{low + width}{glue}{unit}".replace("  ", " ")
    (target,) = parse_targets(text, year=2025)
    assert (target.comparator, target.value, target.value_max, target.unit) == (
        "range",
        low,
        low + width,
        unit,
    ), text
    expected = {"tăng": "increase", "giảm": "decrease"}.get(lead)
    assert target.change == expected, text


CHANGES = [("tăng", "increase"), ("giảm", "decrease"), ("tăng thêm", "increase"), ("", None)]
BASELINES = [
    ("so với năm 2024", "năm 2024"),
    ("so cùng kỳ", "cùng kỳ"),
    ("so với thực hiện năm 2024", "thực hiện năm 2024"),
    ("", None),
]


@settings(max_examples=300, deadline=None)
@given(
    subject=st.sampled_from(SUBJECTS),
    cmp=st.sampled_from(COMPARATORS),
    value=VALUES,
    unit=st.sampled_from(UNITS),
    change=st.sampled_from(CHANGES),
    baseline=st.sampled_from(BASELINES),
    sep=st.sampled_from([", ", "; ", " (", ", trong đó "]),
)
def test_second_figure_keeps_its_change_and_baseline(
    subject: str,
    cmp: tuple[str, str, str],
    value: float,
    unit: str,
    change: tuple[str, str | None],
    baseline: tuple[str, str | None],
    sep: str,
) -> None:
    before, after, comparator = cmp
    glue = "" if unit.startswith("%") else " "
    second = " ".join(
        w for w in (change[0], before, f"{format_vn_number(value)}{glue}{unit}", after, baseline[0]) if w
    )
    text = f"{subject} đạt 100 tỷ đồng{sep}{second}" + (")" if sep == " (" else "")
    first, target = parse_targets(text, year=2025)
    assert (first.value, first.unit) == (100, "tỷ đồng"), text
    assert (target.comparator, target.unit, target.change, target.baseline) == (
        comparator,
        unit,
        change[1],
        baseline[1],
    ), text
    assert target.value == pytest.approx(value), text
    assert target.metric, text


def test_a_change_verb_governs_through_two_average_words() -> None:
    from nghiquyet.extract.figures.targets import parse_targets

    text = "tỷ lệ hộ nghèo giảm bình quân mỗi năm 2,1%; thu ngân sách tăng bình quân hằng năm 12%"
    found = parse_targets(text, year=2030)
    assert [(t.metric, t.value, t.change) for t in found] == [
        ("Tỷ lệ hộ nghèo", 2.1, "decrease"), ("Thu ngân sách", 12.0, "increase")
    ]
