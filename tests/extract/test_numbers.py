"""Vietnamese numbers and dates: reading, writing and finding them in text."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.extract.figures.numbers import (
    find_numbers,
    format_vn_date,
    format_vn_number,
    parse_vn_date,
    parse_vn_number,
)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.010", 1010), ("7,2", 7.2), ("127.000", 127000), ("0,5", 0.5), ("02", 2),
        ("1.234,5", 1234.5), ("14.150", 14150), ("1.000.000", 1_000_000), ("100", 100),
        ("7.5", 7.5), (" 34.435 ", 34435),
    ],
)
def test_parse_vn_number_reads_vietnamese_format(raw: str, value: float) -> None:
    assert parse_vn_number(raw) == pytest.approx(value)


@pytest.mark.parametrize("garbage", ["", "abc", "1..2", "1,2,3", "1.23.4", "7,5.3", "%"])
def test_parse_vn_number_rejects_garbage_with_a_clear_message(garbage: str) -> None:
    with pytest.raises(ValueError, match="not a"):
        parse_vn_number(garbage)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1234.5, "1.234,5"), (16, "16"), (7.25, "7,25"), (0.5, "0,5"), (1_000_000, "1.000.000"), (-3.5, "-3,5")],
)
def test_format_vn_number_writes_vietnamese_format(value: float, text: str) -> None:
    assert format_vn_number(value) == text


def test_format_vn_number_rounds_to_given_decimals() -> None:
    assert format_vn_number(7.256, 1) == "7,3"
    assert format_vn_number(5, 2) == "5,00"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda x: round(x, 4)))
def test_format_then_parse_round_trips(x: float) -> None:
    assert parse_vn_number(format_vn_number(x)) == pytest.approx(x, abs=1e-6)


def test_dates_are_read_and_written_day_first() -> None:
    assert format_vn_date(date(2024, 3, 25)) == "25/03/2024"
    assert parse_vn_date("25/03/2024") == date(2024, 3, 25)
    assert parse_vn_date("ngày 25 tháng 3 năm 2024") == date(2024, 3, 25)
    assert parse_vn_date("Lâm Đồng, ngày 05 tháng 01 năm 2021") == date(2021, 1, 5)
    assert parse_vn_date("2024-03-25") == date(2024, 3, 25)


@pytest.mark.parametrize("bad", ["hôm nay", "31/02/2024", ""])
def test_parse_vn_date_rejects_non_dates(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_vn_date(bad)


def test_find_numbers_gives_values_and_offsets() -> None:
    text = "GRDP tăng 7,2 - 7,8%, thu 34.435 tỷ đồng."
    spans = find_numbers(text)
    assert [s.value for s in spans] == [7.2, 7.8, 34435]
    assert all(text[s.start : s.end] == s.raw for s in spans)


def test_find_numbers_skips_digits_glued_to_letters() -> None:
    assert find_numbers("mã A1 và lần2") == []


@given(st.text())
def test_find_numbers_never_crashes(text: str) -> None:
    for span in find_numbers(text):
        assert text[span.start : span.end] == span.raw


def _find_numbers_by_the_rule(text: str) -> list[tuple[float, int, int, str]]:
    """The number rule as first written: a look-behind before the digits, every number parsed in full."""
    found = []
    for m in re.finditer(r"(?<![\w.,])\d+(?:[.,]\d+)*", text):
        try:
            found.append((parse_vn_number(m.group()), m.start(), m.end(), m.group()))
        except ValueError:
            continue
    return found


@given(st.text(alphabet="0123456789٣٤.,;- aAđ_(%", max_size=40))
def test_find_numbers_matches_the_rule(text: str) -> None:
    # find_numbers checks the look-behind after the first digit and reads plain digits without the
    # full parser; both must find the same numbers as the rule.
    spans = [(s.value, s.start, s.end, s.raw) for s in find_numbers(text)]
    assert spans == _find_numbers_by_the_rule(text)
