"""The pages write numbers, dates and statuses the Vietnamese way."""

from __future__ import annotations

from datetime import UTC, date, datetime

from jinja2 import Environment

from nghiquyet.web.format import install_filters, status_label, vn_date, vn_datetime, vn_number, vn_percent


def test_numbers_use_dot_thousands_and_comma_decimals() -> None:
    assert vn_number(1234.5) == "1.234,5"
    assert vn_number(16) == "16"
    assert vn_number(None) == "–"
    assert vn_number(7.256, 2) == "7,26"


def test_percent_and_dates() -> None:
    assert vn_percent(0.875) == "87,5%"
    assert vn_date(date(2024, 3, 25)) == "25/03/2024"
    assert vn_date("2024-03-25") == "25/03/2024"


def test_datetimes_are_shown_in_vietnam_time() -> None:
    assert vn_datetime(datetime(2024, 3, 25, 20, 30, tzinfo=UTC)) == "26/03/2024 03:30"


def test_status_labels_are_vietnamese() -> None:
    assert status_label("nguy_co") == "Có nguy cơ không đạt"
    assert status_label("vuot") == "Vượt kế hoạch"


def test_filters_are_installed_on_an_environment() -> None:
    env = Environment(autoescape=True)
    install_filters(env)
    out = env.from_string(
        "{{ 1234.5|vn_number }} {{ 'approved'|state_label }} {{ 'lead'|assign_role_label }}"
    )
    assert out.render() == "1.234,5 Đã duyệt Chủ trì"
