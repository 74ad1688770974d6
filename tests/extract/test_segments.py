"""Cutting a paragraph into segments: inline enumerations, sentences, offsets (structure/segments.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.structure.segments import segments
from nghiquyet.extract.text.paragraph import Paragraph


def _para(text: str) -> Paragraph:
    return Paragraph(text=text, line=7, line_end=7)


def test_sentences_split_at_full_stops_before_a_capital_not_inside_numbers() -> None:
    p = _para("Thu ngân sách đạt 1.234,5 tỷ đồng. Tỷ lệ hộ nghèo dưới 2%. TP. Hà Tĩnh đạt chuẩn.")
    assert [s.text for s in segments(p, 0)] == [
        "Thu ngân sách đạt 1.234,5 tỷ đồng.", "Tỷ lệ hộ nghèo dưới 2%.", "TP. Hà Tĩnh đạt chuẩn."]


def test_an_enumeration_must_count_up_from_one() -> None:
    p = _para("Về xã hội: (1) Tỷ lệ A đạt 5%; (2) Tỷ lệ B đạt 6%; (3) Tỷ lệ C đạt 7%.")
    segs = segments(p, 3)
    assert [s.label for s in segs] == [None, "(1)", "(2)", "(3)"]
    assert [s.para for s in segs] == [3, 3, 3, 3]
    for s in segs:
        assert p.text[s.start :].startswith(s.text)
        assert s.column == s.start and s.line == 7


def test_numbers_that_do_not_count_up_are_not_an_enumeration() -> None:
    p = _para("Năm 2024 có (5) xã và (2) phường đạt chuẩn văn minh đô thị.")
    assert [s.label for s in segments(p, 0)] == [None]


def test_group_headings_between_items_of_a_one_line_page_are_their_own_segments() -> None:
    p = _para("I. Về kinh tế 1. Tăng trưởng 8%. 2. Thu ngân sách 500 tỷ đồng. II. Về xã hội 3. Hộ nghèo 1%.")
    texts = [s.text for s in segments(p, 0)]
    assert "II. Về xã hội" in texts
    assert any(t.startswith("Thu ngân sách 500") for t in texts)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="()1234.;: ,aAđĐTỷ lệ%\n-–IVX…", max_size=300))
def test_segments_never_crash_and_stay_inside_the_paragraph(text: str) -> None:
    p = _para(text)
    for s in segments(p, 0):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.text and s.text in text


def test_the_last_item_of_an_inline_list_ends_with_its_sentence() -> None:
    p = _para("Chỉ tiêu: (1) Tỷ lệ A đạt 5%; (2) Tỷ lệ B đạt 6%. Giao Ủy ban xã tổ chức thực hiện. Hết.")
    segs = segments(p, 0)
    assert [s.text for s in segs][1:] == [
        "Tỷ lệ A đạt 5%", "Tỷ lệ B đạt 6%.", "Giao Ủy ban xã tổ chức thực hiện.", "Hết."]
    assert [s.label for s in segs] == [None, "(1)", "(2)", None, None]
