"""normalise: character folding and hard-wrapped lines rejoined with a correct map to source lines."""

# ruff: noqa: E501  (fixture documents keep their lines as written)

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from itertools import pairwise

from hypothesis import example, given
from hypothesis import strategies as st

from nghiquyet.extract import extract_text
from nghiquyet.extract.text.fold import _OLD_STYLES, _retone, keeps_blank_lines
from nghiquyet.extract.text.normalise import (
    _PAGE_NUMBER,
    Paragraph,
    _double_spaced,
    _join,
    _join_hyphenated,
    _margin,
    _may_be_page_number,
    fold,
    paragraphs,
)
from nghiquyet.extract.text.wrap import Layout, _text_breaks, breaks


def _paras(text: str) -> list[Paragraph]:
    return paragraphs(text.split("\n"))


def test_fold_writes_tone_marks_the_new_way_and_keeps_closed_syllables() -> None:
    assert fold("hoà bình, thuỷ sản, hoá chất, khoẻ") == "hòa bình, thủy sản, hóa chất, khỏe"
    assert fold("hoàng, toán, Quý, quỳnh") == "hoàng, toán, Quý, quỳnh"


def test_fold_composes_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Nghị quyết")
    assert fold(decomposed) == "Nghị quyết"


def test_fold_turns_odd_dashes_and_lopsided_hyphens_into_spaced_dashes() -> None:
    assert fold("giai đoạn 2021–2025") == "giai đoạn 2021 - 2025"
    assert fold("kinh tế- xã hội") == "kinh tế - xã hội"
    assert fold("21-KL/TW, Covid-19, bô-xít") == "21-KL/TW, Covid-19, bô-xít"
    assert fold("a\u00a0b\u200bc") == "a bc"


def test_fold_turns_every_odd_space_into_a_plain_one() -> None:
    assert fold("a\u2000b\u2001c\u3000d\u202fe") == "a b c d e"


# One pattern per first vowel, run one after another, must rewrite as the one pattern did.
_OLD_STYLE_ONE_PASS = re.compile(r"([oOuU])(?<![qQ][oOuU])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")


@given(st.text(alphabet="oOuUqQaeAàáẢẠèẸyYỳýỶỴóòô 1,", max_size=30))
def test_old_style_patterns_one_after_another_agree_with_one_pass(text: str) -> None:
    one_after_another = text
    for pattern in _OLD_STYLES:
        one_after_another = pattern.sub(_retone, one_after_another)
    assert one_after_another == _OLD_STYLE_ONE_PASS.sub(_retone, text)


def test_fold_keeps_line_breaks() -> None:
    assert fold("dòng một –\ndòng hai").count("\n") == 1


DOUBLE_SPACED = """I. CHỈ TIÊU

- Tốc độ tăng trưởng GRDP tăng 7,2 - 7,8% (Quy mô GRDP theo giá hiện hành đạt 127.000

- 127.700 tỷ đồng); trong đó, khu vực dịch vụ tăng từ 9 - 10%.

- Thu ngân sách nhà nước đạt 14.150 tỷ đồng, tăng 7% so thực hiện năm 2023; trong

đó, thu từ thuế đạt 8.000 tỷ đồng.

3.4. Thực hiện nghiêm Kết luận số 21-KL/TW (khóa XIII); Kết luận số 01-

KL/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.
"""


def test_wrapped_lines_are_rejoined_and_keep_their_first_line() -> None:
    ps = _paras(DOUBLE_SPACED)
    assert [p.line for p in ps] == [1, 3, 7, 11]
    assert ps[1].text.startswith("- Tốc độ tăng trưởng") and "127.000 - 127.700 tỷ đồng" in ps[1].text
    assert ps[1].line_end == 5
    assert ps[2].text.endswith("thu từ thuế đạt 8.000 tỷ đồng.")


def test_hyphenated_reference_is_rejoined_without_a_space() -> None:
    ps = _paras(DOUBLE_SPACED)
    assert "Kết luận số 01-KL/TW của Bộ Chính trị" in ps[3].text


def test_line_at_maps_every_character_back_to_its_source_line() -> None:
    p = _paras(DOUBLE_SPACED)[2]
    assert p.line_at(0) == 7
    assert p.line_at(p.text.index("thu từ thuế")) == 9
    assert p.line_at(len(p.text) - 1) == 9


def test_page_numbers_and_running_headers_are_dropped() -> None:
    page = [
        "BÁO CÁO CHÍNH TRỊ ĐẢNG BỘ XÃ",
        "",
        "Nội dung trang một kéo dài đến cuối dòng và còn tiếp ở",
        "",
        "{n}",
        "",
        "BÁO CÁO CHÍNH TRỊ ĐẢNG BỘ XÃ",
        "",
    ]
    lines: list[str] = []
    for n in range(1, 5):
        lines += [s.replace("{n}", str(n)) for s in page]
    lines += ["trang sau."]
    texts = [p.text for p in paragraphs(lines)]
    assert not any(t.strip().isdigit() for t in texts)
    assert not any(t == "BÁO CÁO CHÍNH TRỊ ĐẢNG BỘ XÃ" for t in texts)


def test_a_bare_number_after_another_figure_is_a_table_cell_not_a_page_number() -> None:
    lines = ["Sản lượng lúa", "", "tấn", "", "4.210,5", "", "180", "", "96", "", "Đoạn văn tiếp theo."]
    texts = [p.text for p in paragraphs(lines)]
    assert "180" in texts and "96" in texts
    # After a line of text the same bare number is still a page number.
    assert "7" not in [p.text for p in paragraphs(["Nội dung trang một.", "", "7", "", "Trang sau."])]


def test_a_wrap_across_a_page_number_joins_the_number_range() -> None:
    lines = ["(16) Kiểm tra, giám sát chuyên đề ít nhất 20-", "", "4", "", "25% tổ chức đảng trực thuộc."]
    ps = paragraphs(lines)
    assert len(ps) == 1 and "ít nhất 20-25% tổ chức đảng" in ps[0].text


def test_heading_glued_to_its_body_is_split_again() -> None:
    lines = [
        "1.1. Tiếp tục quán triệt, thực hiện các nghị quyết quan trọng của Ban",
        "Chấp hành Trung ương khóa XII về phát triển kinh tế",
        "Tập trung thực hiện các chương trình hành động của Tỉnh ủy. Đẩy mạnh cải cách.",
        "1.2. Đẩy mạnh tái cơ cấu ngành nông nghiệp gắn với xây dựng nông thôn mới hiện",
        "Tập trung thực hiện Đề án cơ cấu lại ngành nông nghiệp theo hướng bền vững. Xây",
        "dựng thương hiệu nông sản và mở rộng thị trường tiêu thụ trong nước và quốc tế.",
    ]
    ps = paragraphs(lines)
    assert ps[0].text.endswith("về phát triển kinh tế") and ps[0].line_end == 2
    assert ps[2].text.startswith("1.2.") and ps[3].text.startswith("Tập trung thực hiện Đề án")
    assert ps[3].line == 5


def test_markdown_paragraphs_headings_and_bold_lines() -> None:
    text = "**NGHỊ QUYẾT**  \n**về nhiệm vụ năm 2024**\n\n## **II. NHIỆM VỤ**\n\n1.1. Một câu dài không dấu chấm\n\nmà còn tiếp sau dòng trống."
    ps = _paras(text)
    assert [p.text for p in ps[:2]] == ["NGHỊ QUYẾT", "về nhiệm vụ năm 2024"]
    assert ps[0].bold and ps[2].md_heading == 2 and ps[2].text == "II. NHIỆM VỤ"
    assert ps[3].text == "1.1. Một câu dài không dấu chấm mà còn tiếp sau dòng trống."


def test_bullet_inside_an_open_quotation_continues_the_line() -> None:
    lines = [
        "Tập trung đưa du lịch thành ngành kinh tế mũi nhọn theo chuỗi liên kết “Núi",
        "- Rừng - Biển”; đa dạng hóa sản phẩm du lịch.",
    ]
    assert len(paragraphs(lines)) == 1


def test_table_rows_are_paragraphs_of_their_own_with_cells() -> None:
    lines = ["| STT | Nội dung | Chủ trì |", "|---|---|---|", "| 1 | Làm đường | UBND xã |"]
    ps = paragraphs(lines)
    assert [p.cells for p in ps] == [("STT", "Nội dung", "Chủ trì"), ("1", "Làm đường", "UBND xã")]
    assert [p.line for p in ps] == [1, 3]


def test_a_wrapped_line_that_begins_like_a_label_continues_the_sentence() -> None:
    lines = [
        "Thực hiện tốt Nghị quyết Trung ương 6 (khóa",
        "XII) về tăng cường công tác bảo vệ sức khỏe nhân dân.",
        "II. Công tác quốc phòng",
    ]
    ps = paragraphs(lines)
    assert [p.line for p in ps] == [1, 3] and "(khóa XII) về tăng cường" in ps[0].text


# The short cut in `breaks` for a line opening with a small letter must agree with the rules.
_LINE_START = st.sampled_from(["tế", "đ) ", "a)", "ư", "x"])
_LINE_REST = st.text(alphabet=" aĐđ.-“”:;1)XIV", max_size=12)
_BEFORE = st.one_of(
    st.text(alphabet=" aÂĐđ.-“”:;,1)XIVT", min_size=1, max_size=25),
    st.text(alphabet="ÂĐTXIV -.,;)“”", min_size=1, max_size=12),  # capitals: a title line
).filter(lambda t: t.strip() != "")


@given(start=_LINE_START, rest=_LINE_REST, before=_BEFORE, open_quote=st.booleans(), wrapped=st.booleans())
@example(start="tế", rest="", before="BAN THƯỜNG VỤ-", open_quote=False, wrapped=True)
def test_small_letter_short_cut_agrees_with_the_rules(
    start: str, rest: str, before: str, open_quote: bool, wrapped: bool
) -> None:
    s = (start + rest).strip()
    layout = Layout(60.0, wrapped, False, [before, s])
    short = breaks(before, s, open_quote, 1, 2, layout)
    assert short == _text_breaks(before, s, open_quote, 1, 2, layout)


# The usual paragraph is joined at C speed; it must come out as the general rule makes it.
_LINE = st.text(alphabet="ab -1“”", min_size=1, max_size=8).map(str.strip).filter(bool)


@given(st.lists(_LINE, min_size=1, max_size=6))
def test_joining_lines_agrees_with_the_general_rule(texts: list[str]) -> None:
    assert _join(texts) == _join_hyphenated(texts)


@given(st.lists(st.booleans(), min_size=1, max_size=12))
def test_double_spacing_counted_from_the_lines_with_text(filled: list[bool]) -> None:
    followed = sum(a and not b for a, b in pairwise(filled))
    total = sum(filled[:-1])
    expected = total > 0 and followed / total > 0.6
    assert _double_spaced([n for n, f in enumerate(filled, 1) if f], len(filled)) == expected


# The layout counts blank lines before fold; they are taken after it when fold keeps them.
@given(st.lists(st.text(alphabet="a -\u200b\u00a0\u2000\u3000\t\u00ad", max_size=4), min_size=1, max_size=5))
def test_fold_keeps_blank_lines_unless_it_says_not(lines: list[str]) -> None:
    text = "\n".join(lines)
    after = fold(text).split("\n")
    same = [bool(s.strip()) for s in lines] == [bool(s.strip()) for s in after]
    assert same or not keeps_blank_lines(text)


def test_a_blank_line_breaks_a_wrapped_paragraph_but_a_line_of_zero_width_characters_does_not() -> None:
    # As the source has them: the zero-width line is a line of text there, although fold empties it.
    body = ["tiếp tục thực hiện các nhiệm vụ phát triển kinh tế xã hội năm"] * 4
    end = "tiếp tục thực hiện các nhiệm vụ phát triển kinh tế xã hội đã."
    next_line = "Tập trung thực hiện các nhiệm vụ phát triển kinh tế xã hội năm"
    assert [p.line for p in paragraphs([*body, end, "", next_line, *body])] == [1, 7]
    assert [p.line for p in paragraphs([*body, end, "\u200b", next_line, *body])] == [1]


_SPACES = st.text(alphabet=" ", max_size=2)
_NUMBER = st.text(alphabet="0123456789٣¹", min_size=1, max_size=3)
_PAGE_LIKE = st.tuples(
    st.sampled_from(["", "-", "- ", "x"]),
    st.sampled_from(["", "Trang ", "trang  ", "TRANG ", "Tr "]),
    _NUMBER,
    st.one_of(st.just(""), st.tuples(_SPACES, _NUMBER).map(lambda t: f"{t[0]}/{t[0]}{t[1]}")),
    st.sampled_from(["", "-", " -", "  - ", ".", " x"]),
).map("".join)


@given(_PAGE_LIKE.map(str.strip).filter(bool))
def test_page_number_gate_never_hides_one(s: str) -> None:
    if _PAGE_NUMBER.match(s):
        assert _may_be_page_number(s)


def _margin_as_first_written(texts: list[str]) -> tuple[float, bool]:
    long_lines = [s for s in texts if len(s) >= 20]
    lengths = sorted(len(re.sub(" {2,}", " ", s)) for s in long_lines)
    width = float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 80.0
    near_margin = len(lengths) - bisect_left(lengths, 0.75 * width)
    return width, width < 130 and near_margin >= 0.5 * len(long_lines)


_TEXT_LINE = st.one_of(
    st.integers(1, 160).map(lambda n: "a" * n),
    st.sampled_from([14, 19, 20, 21, 26]).map(lambda n: "a" * n),  # about the long-line threshold
    st.text(alphabet="ab ", max_size=40).map(str.strip).filter(bool),
)


@given(st.lists(_TEXT_LINE, max_size=12))
def test_margin_is_the_rule_as_first_written(texts: list[str]) -> None:
    assert _margin(texts) == _margin_as_first_written(texts)


def test_a_pdf_fonts_oi_letter_reads_as_u_horn() -> None:
    text = "Các chỉ tiêu chủ yếu: - Tỷ lệ tăng dân số tự nhiên dƣới 0,75%. - Xuất khẩu lao động 300 ngƣời trở lên.\n"
    targets = [(t.comparator, t.value, t.unit) for i in extract_text(text).indicators for t in i.targets]
    assert targets == [("lt", 0.75, "%"), ("gte", 300, "người")]
