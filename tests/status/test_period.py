"""Reporting periods: parsing, bounds, Vietnamese labels, containment."""

from __future__ import annotations

from datetime import date

import pytest

from nghiquyet.status import Period


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31), "Năm 2024"),
        ("2024-H1", "half", date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024"),
        ("2024-H2", "half", date(2024, 7, 1), date(2024, 12, 31), "6 tháng cuối năm 2024"),
        ("2024-Q1", "quarter", date(2024, 1, 1), date(2024, 3, 31), "Quý I/2024"),
        ("2024-Q4", "quarter", date(2024, 10, 1), date(2024, 12, 31), "Quý IV/2024"),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), "Tháng 2/2024"),
        ("2023-02", "month", date(2023, 2, 1), date(2023, 2, 28), "Tháng 2/2023"),
    ],
)
def test_parse_gives_bounds_and_label(text: str, kind: str, start: date, end: date, label: str) -> None:
    p = Period.parse(text)
    assert (p.kind, p.start, p.end, p.label_vi, p.year) == (kind, start, end, label, start.year)
    assert Period.parse(p.code) == p
    assert str(p) == text


@pytest.mark.parametrize("text", ["", "24", "2024-Q5", "2024-H3", "2024-13", "2024-00", "quý 1", "2024-Q"])
def test_parse_rejects_bad_text_in_vietnamese(text: str) -> None:
    with pytest.raises(ValueError, match="Kỳ báo cáo không hợp lệ"):
        Period.parse(text)


def test_parse_accepts_lowercase_and_single_digit_month() -> None:
    assert Period.parse("2024-q2") == Period.parse("2024-Q2")
    assert Period.parse("2024-3").code == "2024-03"


@pytest.mark.parametrize(("text", "fraction"), [("2024", 1.0), ("2024-H1", 0.5), ("2024-Q1", 0.25),
                                                ("2024-Q3", 0.75), ("2024-03", 0.25), ("2024-12", 1.0)])
def test_fraction_of_year_is_share_elapsed_at_period_end(text: str, fraction: float) -> None:
    assert Period.parse(text).fraction_of_year == pytest.approx(fraction)


def test_contains() -> None:
    year, h1, q2, q3, may = (Period.parse(s) for s in ("2024", "2024-H1", "2024-Q2", "2024-Q3", "2024-05"))
    assert year.contains(h1) and year.contains(q3) and h1.contains(q2) and q2.contains(may)
    assert h1.contains(h1)
    assert not h1.contains(q3) and not q2.contains(h1) and not Period.parse("2023").contains(may)


def test_previous_and_year_before() -> None:
    assert Period.parse("2024-Q1").previous().code == "2023-Q4"
    assert Period.parse("2024-H2").previous().code == "2024-H1"
    assert Period.parse("2024-01").previous().code == "2023-12"
    assert Period.parse("2024").previous().code == "2023"
    assert Period.parse("2024-Q3").year_before().code == "2023-Q3"


def test_containing_day() -> None:
    assert Period.containing(date(2024, 8, 15), "quarter").code == "2024-Q3"
    assert Period.containing(date(2024, 8, 15), "half").code == "2024-H2"


def test_periods_sort_by_start() -> None:
    codes = ["2024-Q2", "2023", "2024-01", "2024-Q1"]
    ordered = [p.code for p in sorted(Period.parse(c) for c in codes)]
    assert ordered == ["2023", "2024-01", "2024-Q1", "2024-Q2"]


def test_period_label_is_the_one_vietnamese_name_of_a_stored_code() -> None:
    from nghiquyet.status import period_label

    assert period_label("2024-Q2") == "Quý II/2024"
    assert period_label("2024-H1") == "6 tháng đầu năm 2024"
    assert period_label("2024-H2") == "6 tháng cuối năm 2024"
    assert period_label("2024") == "Năm 2024"
    assert period_label("2024-03") == "Tháng 3/2024"
    assert period_label(Period.parse("2025-Q4")) == "Quý IV/2025"
    assert period_label(None) == "" and period_label("không rõ") == "không rõ"
