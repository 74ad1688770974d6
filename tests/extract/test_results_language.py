"""Results told apart from targets by their language, in any layout (issue 9). Wording is made up
for these tests; each pair states a figure once as achieved and once as aimed at."""

from __future__ import annotations

from nghiquyet.extract.items.results import find_results


def _values(text: str, period: str | None = "2031") -> list[float]:
    return [r.value for r in find_results([(text, 1)], default_period=period)]


def test_estimate_and_share_of_plan_are_results() -> None:
    text = "Trong quý, doanh thu du lịch ước đạt 82,4 tỷ đồng, bằng 51% kế hoạch năm."
    assert _values(text) == [82.4, 51.0]


def test_a_targets_lead_makes_the_rest_of_the_paragraph_targets() -> None:
    text = "Năm 2032, xã đề ra 12 chỉ tiêu: thu nhập bình quân 70 triệu đồng; tỷ lệ hộ nghèo 1,5%."
    assert _values(text) == []


def test_a_targets_lead_carries_to_the_next_paragraphs_until_a_report() -> None:
    paras = [
        ("Các chỉ tiêu chủ yếu năm 2032 là:", 1),
        ("Giá trị sản xuất nông nghiệp 900 tỷ đồng.", 2),
        ("Kết quả năm 2031, giá trị sản xuất nông nghiệp ước đạt 850 tỷ đồng.", 3),
    ]
    assert [r.value for r in find_results(paras, default_period="2031")] == [850.0]


def test_report_lead_is_not_a_targets_lead() -> None:
    text = "Kết quả thực hiện các chỉ tiêu chủ yếu: thu ngân sách đạt 310 tỷ đồng."
    assert _values(text) == [310.0]


def test_floor_and_minimum_are_targets() -> None:
    assert _values("Tỷ lệ lao động qua đào tạo từ 75% trở lên.") == []
    assert _values("Tỷ trọng công nghiệp chế biến tối thiểu 30% GRDP.") == []


def test_horizon_after_the_reported_period_is_a_target() -> None:
    assert _values("Thu nhập bình quân đầu người đến năm 2035 là 150 triệu đồng.") == []
    # A report on the months gone names its own date: that is no horizon.
    assert _values("Đến tháng 6/2031, toàn huyện có 14 xã đạt chuẩn.", period="2031") == [14.0]


def test_the_last_year_of_a_span_is_no_figure() -> None:
    text = "HĐND huyện khóa XI, nhiệm kỳ 2031-2036 họp kỳ thứ 4; thu ngân sách ước đạt 95 tỷ đồng."
    assert _values(text) == [95.0]
