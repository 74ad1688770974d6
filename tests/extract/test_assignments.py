"""assignments: subjects split into bodies, lead/support roles, duties, lines; the reporting duty."""

# ruff: noqa: E501  (fixture documents keep their lines as written)

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import extract_text
from nghiquyet.extract.items.assignments import (
    _GIAO,
    _SENTENCE,
    _sentence_ends,
    parse_clause,
    split_bodies,
    task_roles,
)
from nghiquyet.extract.items.reporting import cadence_of


def _bodies(subject: str) -> list[str]:
    return [b for b, _ in split_bodies(subject)]


def test_a_list_of_bodies_splits_at_commas_semicolons_and_va() -> None:
    assert _bodies(
        "Ban cán sự đảng UBND tỉnh, các ban của Tỉnh ủy, đảng đoàn, ban cán sự đảng; "
        "thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy"
    ) == [
        "Ban cán sự đảng UBND tỉnh",
        "Các ban của Tỉnh ủy",
        "Đảng đoàn, ban cán sự đảng",
        "Thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy",
    ]
    assert _bodies("Các ban của Tỉnh ủy và Văn phòng Tỉnh ủy") == ["Các ban của Tỉnh ủy", "Văn phòng Tỉnh ủy"]
    assert _bodies("Ban Tuyên giáo và Dân vận Đảng ủy") == ["Ban Tuyên giáo và Dân vận Đảng ủy"]


def test_a_list_running_on_the_last_noun_stays_one_body() -> None:
    assert _bodies("Bí thư thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy") == [
        "Bí thư thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy"
    ]
    assert _bodies("Thủ trưởng các sở, ban, ngành tỉnh") == ["Thủ trưởng các sở, ban, ngành tỉnh"]


def test_lead_with_support_and_duty() -> None:
    c = parse_clause(
        "2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn việc "
        "tuyên truyền Nghị quyết."
    )
    assert c is not None
    assert [b for b, _ in c.bodies] == ["Ban Tuyên giáo Tỉnh ủy"]
    assert [b for b, _ in c.supports] == ["Các cơ quan liên quan"]
    assert c.duty == "hướng dẫn việc tuyên truyền Nghị quyết"
    assert c.support_duty == "phối hợp với Ban Tuyên giáo Tỉnh ủy hướng dẫn việc tuyên truyền Nghị quyết"


def test_giao_and_colon_forms() -> None:
    c = parse_clause("Giao Ủy ban nhân dân huyện có trách nhiệm xây dựng kế hoạch.")
    assert c is not None and [b for b, _ in c.bodies] == ["Ủy ban nhân dân huyện"]
    assert c.duty == "xây dựng kế hoạch"
    c = parse_clause("- Văn phòng Đảng ủy: Chủ trì, phối hợp theo dõi, tổng hợp và báo cáo kết quả.")
    assert c is not None and [b for b, _ in c.bodies] == ["Văn phòng Đảng ủy"]


def test_words_that_look_like_bodies_are_not() -> None:
    assert parse_clause("Ban hành kế hoạch phát triển du lịch.") is None
    assert parse_clause("Tăng cường công tác kiểm tra, giám sát.") is None


def test_task_roles_read_mid_text_assignments() -> None:
    lead, support = task_roles(
        "Chỉ đạo lập chuyên án. Giao Đảng ủy Công an tỉnh chỉ đạo điều tra, xử lý nghiêm."
    )
    assert (lead, support) == (["Đảng ủy Công an tỉnh"], [])


IMPLEMENTATION = """III. NHIỆM VỤ
1. Phát triển kinh tế. Tăng thu ngân sách.
IV. TỔ CHỨC THỰC HIỆN
1. Ban cán sự đảng UBND huyện, các chi bộ,
đảng bộ cơ sở có trách nhiệm cụ thể hóa Nghị quyết.
2. Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, định kỳ hằng quý, 6 tháng báo cáo kết quả thực hiện.
"""


def test_assignments_of_the_implementation_part_with_lines() -> None:
    ex = extract_text(IMPLEMENTATION)
    got = [(a.body, a.role, a.line) for a in ex.assignments]
    assert got == [
        ("Ban cán sự đảng UBND huyện", "lead", 4),
        ("Các chi bộ, đảng bộ cơ sở", "lead", 4),
        ("Ban Tổ chức Huyện ủy", "lead", 6),
        ("Văn phòng Huyện ủy", "support", 6),
    ]
    assert ex.assignments[0].duty == "cụ thể hóa Nghị quyết"


def test_reporting_body_and_cadence() -> None:
    r = extract_text(IMPLEMENTATION).reporting
    assert (r.body, r.cadence) == ("Ban Tổ chức Huyện ủy", ["quarter", "half_year"])
    assert cadence_of("định kỳ hàng tháng, hàng quý, 6 tháng, hàng năm") == [
        "month",
        "quarter",
        "half_year",
        "year",
    ]


_PLAIN_GIAO = re.compile(r"(?<![\w])[Gg]iao\s+(?=\S)")  # the rule as first written


@given(
    st.lists(
        st.sampled_from(["giao ", "Giao ", "bàn giao ", "xgiao ", "giaox", "iao ", "G", "\n", ", "]),
        max_size=6,
    )
)
def test_giao_found_where_the_plain_rule_finds_it(parts: list[str]) -> None:
    text = "".join(parts)
    ours = [(m.start() - 1, m.end()) for m in _GIAO.finditer(text)]
    assert ours == [m.span() for m in _PLAIN_GIAO.finditer(text)]


_ENDS = [".", "!", "?", "\n", " ", "A", "a", "“", "(", ". A", "? Đ", "! (A", ".\n\nB", "?\n“A"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_ENDS), max_size=12))
def test_sentence_ends_same_as_finditer(parts: list[str]) -> None:
    text = "".join(parts)
    assert [m.span() for m in _sentence_ends(text)] == [m.span() for m in _SENTENCE.finditer(text)]
