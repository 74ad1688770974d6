"""find_results: achieved figures in review prose, with their period; detect_period."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.items.results import detect_period, find_results

REVIEW_2025 = (
    "Kinh tế - xã hội của tỉnh tiếp tục khởi sắc với 16/19 chỉ tiêu hoàn thành và vượt kế hoạch. "
    "Tăng trưởng kinh tế được duy trì ở mức khá với GRDP tăng 6,42%, GRDP bình quân đầu người đạt "
    "109,3 triệu đồng. Thu ngân sách nhà nước đạt vượt 20% dự toán Trung ương giao. Đã lãnh đạo vận "
    "hành ổn định mô hình chính quyền 02 cấp từ ngày 01/7/2025. Đã tổ chức thành công Đại hội Đảng bộ "
    "lần thứ I và chuẩn bị Đại hội Đảng bộ tỉnh nhiệm kỳ 2025 - 2030."
)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Quý I năm 2024, UBND tỉnh đã chủ động ...", "2024-Q1"),
        ("Kết quả quý III/2025", "2025-Q3"),
        ("trong quý 2-2024", "2024-Q2"),
        ("6 tháng đầu năm 2024, tăng trưởng đạt 5%", "2024-H1"),
        ("6 tháng cuối năm 2023", "2023-H2"),
        ("Tháng 3/2024, thu ngân sách ...", "2024-03"),
        ("tháng 11 năm 2025", "2025-11"),
        ("Năm 2025, kinh tế tiếp tục khởi sắc", "2025"),
        ("tăng 7% so với năm 2023", None),
        ("phấn đấu đến năm 2030", None),
        ("nhiệm kỳ 2025 - 2030", None),
        ("năm qua", None),
    ],
)
def test_detect_period(text: str, period: str | None) -> None:
    assert detect_period(text) == period


def test_review_paragraph_gives_each_achieved_figure_and_nothing_else() -> None:
    results = find_results([(REVIEW_2025, 28)], default_period="2025")
    assert [(r.value, r.unit, r.total) for r in results] == [
        (16, "chỉ tiêu", 19),
        (6.42, "%", None),
        (109.3, "triệu đồng", None),
        (20, "%", None),
    ]
    assert {r.period for r in results} == {"2025"}
    assert results[0].metric == "Số chỉ tiêu hoàn thành và vượt kế hoạch"
    assert results[2].metric == "GRDP bình quân đầu người"
    assert all(r.line == 28 for r in results)


def test_period_named_by_the_paragraph_wins_over_the_default() -> None:
    text = (
        "Quý I năm 2024, UBND tỉnh đạt một số kết quả tích cực: Tăng trưởng kinh tế đạt 3%; thu ngân sách "
        "nhà nước đạt 29,9% dự toán địa phương, tăng 2,7% so với cùng kỳ; du lịch tăng trưởng mạnh, tăng 11% "
        "so cùng kỳ."
    )
    results = find_results([(text, 41)], default_period="2024")
    assert [(r.value, r.period) for r in results] == [
        (3, "2024-Q1"),
        (29.9, "2024-Q1"),
        (2.7, "2024-Q1"),
        (11, "2024-Q1"),
    ]
    assert results[0].metric == "Tăng trưởng kinh tế"
    assert "du lịch" in results[3].metric.lower()
    assert "thu ngân sách" in results[2].metric.lower()


def test_shortfalls_are_results_too() -> None:
    text = "Tuy nhiên, thực hiện nhiệm vụ năm 2023 còn hạn chế như có 05 chỉ tiêu không đạt kế hoạch."
    (result,) = find_results([(text, 12)], default_period=None)
    assert (result.metric, result.value, result.unit, result.period) == (
        "Số chỉ tiêu không đạt kế hoạch",
        5,
        "chỉ tiêu",
        "2023",
    )


def test_aims_and_figureless_prose_give_no_results() -> None:
    paragraphs = [
        ("Phấn đấu năm 2025 tăng trưởng kinh tế đạt 8%.", 1),
        ("An ninh chính trị, trật tự an toàn xã hội được giữ vững.", 2),
        ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.", 3),
    ]
    assert find_results(paragraphs, default_period="2024") == []


@dataclass
class _Para:
    text: str
    line: int
    starts: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        return self.line + sum(1 for s in self.starts if s <= offset) - 1


def test_paragraph_objects_give_the_line_each_result_starts_on() -> None:
    first = "Năm 2025 GRDP tăng 6,42%. "
    para = _Para(first + "Thu ngân sách nhà nước đạt 14.000 tỷ đồng.", 30, (0, len(first)))
    results = find_results([para], default_period=None)
    assert [(r.value, r.line) for r in results] == [(6.42, 30), (14000, 31)]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_find_results_never_crashes(text: str) -> None:
    find_results([(text, 1)], default_period=None)


def test_plan_figures_quoted_in_a_review_are_not_results() -> None:
    text = "Năm 2024, GRDP tăng 6,5%, thấp hơn mục tiêu Nghị quyết (8%); thu ngân sách đạt 95% kế hoạch."
    results = find_results([(text, 1)], default_period=None)
    assert [(r.value, r.unit) for r in results] == [(6.5, "%"), (95, "%")]


def test_a_period_holds_until_the_next_one_is_named() -> None:
    text = (
        "Năm 2024, GRDP tăng 6,5%; thu ngân sách đạt 1.200 tỷ đồng. "
        "6 tháng đầu năm 2025, kim ngạch xuất khẩu đạt 450 triệu USD."
    )
    periods = [r.period for r in find_results([(text, 1)], default_period="2023")]
    assert periods == ["2024", "2024", "2025-H1"]


def test_a_period_opening_a_paragraph_carries_to_the_next_paragraphs() -> None:
    paragraphs = [
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2024", 10),
        ("Tổng giá trị sản xuất ước đạt 215 tỷ đồng, tăng 8,2% so với cùng kỳ.", 12),
        ("Giải quyết việc làm cho 120 lao động; tỷ lệ tham gia bảo hiểm y tế đạt 93,5%.", 14),
        ("Thực hiện Nghị quyết năm 2023 của Tỉnh ủy, kết nạp 4 đảng viên mới.", 16),
    ]
    results = find_results(paragraphs, default_period="2024")
    assert [r.value for r in results] == [215, 8.2, 120, 93.5, 4]
    assert {r.period for r in results[:4]} == {"2024-H1"}


@pytest.mark.parametrize("text", ["Thực hiện Nghị quyết năm 2023 của Tỉnh ủy", "bằng 95% kế hoạch năm 2024"])
def test_a_year_naming_a_document_or_plan_is_not_the_period(text: str) -> None:
    assert detect_period(text) is None


PERIODS = [
    ("Năm 2024, ", "2024"),
    ("Quý II/2024, ", "2024-Q2"),
    ("6 tháng đầu năm 2025, ", "2025-H1"),
    ("Tháng 9/2024, ", "2024-09"),
    ("", "2023"),
]
SUBJECTS = ["Thu ngân sách nhà nước", "Tổng sản phẩm trên địa bàn", "Tỷ lệ hộ nghèo", "Kim ngạch xuất khẩu"]
UNITS = ["%", "tỷ đồng", "triệu USD", "ha", "doanh nghiệp", "lao động"]


@settings(max_examples=200, deadline=None)
@given(
    period=st.sampled_from(PERIODS),
    subject=st.sampled_from(SUBJECTS),
    verb=st.sampled_from(["đạt", "ước đạt", "thực hiện đạt", "tăng", "giảm", ""]),
    value=st.integers(min_value=1, max_value=99_999).map(lambda n: n / 10),
    unit=st.sampled_from(UNITS),
)
def test_built_result_sentence_reads_back(
    period: tuple[str, str], subject: str, verb: str, value: float, unit: str
) -> None:
    from nghiquyet.extract.figures.numbers import format_vn_number

    glue = "" if unit == "%" else " "
    text = f"{period[0]}{subject} {verb} {format_vn_number(value)}{glue}{unit}.".replace("  ", " ")
    (result,) = find_results([(text, 1)], default_period="2023")
    assert (result.value, result.unit, result.period) == (pytest.approx(value), unit, period[1]), text
    assert set(subject.lower().split()) <= set(result.metric.lower().split()), text
