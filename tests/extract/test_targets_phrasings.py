"""parse_targets on phrasings beyond the seeds: tests/golden/written/targets.json, plus edge cases."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.figures.targets import parse_targets

WRITTEN = Path(__file__).resolve().parents[1] / "golden" / "written" / "targets.json"
CASES: list[dict[str, Any]] = json.loads(WRITTEN.read_text(encoding="utf-8"))["cases"]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_written_phrasing_gives_expected_targets(case: dict[str, Any]) -> None:
    got = parse_targets(case["text"], year=case["year"])
    assert len(got) == len(case["targets"]), [t.metric for t in got]
    for target, want in zip(got, case["targets"], strict=True):
        for key, value in want.items():
            if key == "metric_words":
                assert _words(value) <= _words(target.metric), target.metric
            elif isinstance(value, float | int) and not isinstance(value, bool):
                assert getattr(target, key) == pytest.approx(value), key
            else:
                assert getattr(target, key) == value, key


def test_every_target_keeps_its_source_words() -> None:
    text = "Thu ngân sách nhà nước đạt 34.435 tỷ đồng (tăng ít nhất 10% so với thực hiện năm 2025)."
    targets = parse_targets(text, year=2026)
    assert [t.text for t in targets] == [
        "Thu ngân sách nhà nước đạt 34.435 tỷ đồng",
        "tăng ít nhất 10% so với thực hiện năm 2025",
    ]
    assert all(t.text in text for t in targets)


def test_leading_zero_is_just_a_digit() -> None:
    (target,) = parse_targets("Có thêm 02 xã đạt chuẩn nông thôn mới.", year=2024)
    assert (target.value, target.unit, target.change) == (2, "xã", "increase")


def test_tren_before_a_noun_is_not_a_comparator() -> None:
    (target,) = parse_targets("Kết nạp đảng viên mới đạt 3% trên tổng số đảng viên.", year=2024)
    assert target.comparator == "eq"
    assert "tổng số đảng viên" in target.metric


def test_repeated_number_gives_two_targets_shared_number_one() -> None:
    two = parse_targets("Trên 90% tổ chức cơ sở đảng và trên 90% đảng viên hoàn thành nhiệm vụ.", year=2024)
    one = parse_targets("100% tổ chức đảng, đảng viên được quán triệt nghị quyết.", year=2024)
    assert len(two) == 2 and len(one) == 1


def test_growth_rate_stated_as_a_level_has_no_change() -> None:
    (target,) = parse_targets("Tốc độ tăng trưởng GRDP đạt 10%.", year=2026)
    assert target.change is None


def test_a_level_reached_is_not_a_change_but_points_down() -> None:
    (target,) = parse_targets("Giảm tỷ lệ hộ nghèo xuống còn 1,5%.", year=2025)
    assert (target.comparator, target.value, target.change, target.direction) == ("eq", 1.5, None, "down")


@pytest.mark.parametrize(
    "text",
    [
        "Tăng cường công tác kiểm tra, giám sát.",
        "Hội nghị lần thứ 14 Ban Chấp hành Đảng bộ tỉnh khóa XII.",
        "Thực hiện Kế hoạch số 12-KH/TU ngày 05/3/2024.",
        "Triển khai chương trình giai đoạn 2021 - 2025.",
        "",
    ],
)
def test_items_without_a_figure_have_no_targets(text: str) -> None:
    assert parse_targets(text, year=2024) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,;:-–%()/ trênkhoảngdướitừđếnxã hộtỷđồngtăngiảm"))))
def test_parse_targets_never_crashes_on_number_soup(text: str) -> None:
    for t in parse_targets(text, year=2024):
        assert t.comparator in ("eq", "gt", "gte", "lt", "lte", "approx", "range")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_targets_never_crashes_on_any_string(text: str) -> None:
    parse_targets(text, year=None)


def test_reach_or_exceed_is_at_least() -> None:
    (target,) = parse_targets("Sản lượng cà phê nhân đạt và vượt 3.250 tấn.", year=2026)
    assert (target.comparator, target.value, target.unit) == ("gte", 3250, "tấn")
    (other,) = parse_targets("Số hộ dùng điện lưới đạt hoặc vượt 98%.", year=2026)
    assert (other.comparator, other.value) == ("gte", 98)


def test_a_rate_unit_keeps_the_spaces_written_beside_its_slash() -> None:
    spaced = parse_targets("Năng suất lúa bình quân đạt 6,2 tấn /ha.", year=2026)
    assert [t.unit for t in spaced] == ["tấn /ha"]
    joined = parse_targets("Tốc độ tăng dân số dưới 1,1%/ năm.", year=2026)
    assert [t.unit for t in joined] == ["%/ năm"]


def test_bullets_a_copy_ran_onto_one_line_are_indicators_of_their_own() -> None:
    from nghiquyet.extract import extract_text

    text = (
        "II. CÁC CHỈ TIÊU CHỦ YẾU\n"
        "- Xây dựng 4 trường đạt chuẩn quốc gia.\n"
        "- Xây dựng 2 xã đạt bộ tiêu chí quốc gia về y tế. - Tỷ lệ hộ nghèo giảm 2% trở lên (còn 6%)\n"
    )
    inds = extract_text(text).indicators
    assert [[t.value for t in i.targets] for i in inds] == [[4], [2], [2, 6]]
    assert inds[2].text.startswith("Tỷ lệ hộ nghèo")


def test_works_counted_in_their_own_nouns_keep_their_unit() -> None:
    from nghiquyet.extract.figures.targets import parse_targets

    text = "bê tông hóa từ 08 đến 10 đường hẻm; duy tu 06 đoạn đường; lắp điện chiếu sáng từ 50 bóng trở lên"
    assert [(t.value, t.unit) for t in parse_targets(text, year=2031)] == [
        (8, "đường hẻm"), (6, "đoạn đường"), (50, "bóng")
    ]
