"""outline: labelled items nested by label style; headings (short titles) versus items with text."""

# ruff: noqa: E501  (fixture documents keep their lines as written)

from __future__ import annotations

from nghiquyet.extract.model import Section
from nghiquyet.extract.structure.outline import Outline, build_outline, section_path
from nghiquyet.extract.text.normalise import paragraphs


def _outline(text: str) -> Outline:
    return build_outline(paragraphs(text.split("\n")))


def _flat(sections: list[Section]) -> list[tuple[str, str, int]]:
    out = []
    for s in sections:
        out.append((s.label, s.title, s.level))
        out.extend(_flat(s.children))
    return out


PARTY_RESOLUTION = """Phần thứ nhất
TÌNH HÌNH NĂM 2024
Kinh tế tiếp tục tăng trưởng.
Phần thứ hai
MỤC TIÊU, NHIỆM VỤ NĂM 2025
I. MỤC TIÊU
Phát triển nhanh và bền vững.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Về kinh tế
1.1. Tập trung phát triển nông nghiệp. Đẩy mạnh thu hút đầu tư.
- Phát triển vùng chè.
1.2. Đẩy mạnh cải cách hành chính. Nâng cao chỉ số PCI.
2. Về xây dựng Đảng
2.1. Nâng cao chất lượng sinh hoạt chi bộ.
Phần thứ ba
TỔ CHỨC THỰC HIỆN
1. Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện Nghị quyết.
"""


def test_parts_take_their_title_from_the_capitals_line_below() -> None:
    got = _flat(_outline(PARTY_RESOLUTION).sections())
    assert got == [
        ("Phần thứ nhất", "TÌNH HÌNH NĂM 2024", 1),
        ("Phần thứ hai", "MỤC TIÊU, NHIỆM VỤ NĂM 2025", 1),
        ("I", "MỤC TIÊU", 2),
        ("II", "NHIỆM VỤ VÀ GIẢI PHÁP", 2),
        ("1", "Về kinh tế", 3),
        ("2", "Về xây dựng Đảng", 3),
        ("Phần thứ ba", "TỔ CHỨC THỰC HIỆN", 1),
    ]


def test_items_with_text_are_not_sections_and_know_their_path() -> None:
    outline = _outline(PARTY_RESOLUTION)
    items = {it.label: it for it in outline.items() if it.style == "dec2"}
    assert not items["1.1"].heading and items["1.1"].line == 10
    assert section_path(items["2.1"]) == "II.2"
    bullet = next(it for it in outline.items() if it.style.startswith("bullet"))
    assert bullet.parent is items["1.1"]


def test_letters_roman_numbers_nest_in_order_of_appearance() -> None:
    text = "A. MỤC TIÊU VÀ CHỈ TIÊU\n1. Mục tiêu\nB. NHIỆM VỤ\nI. Về kinh tế\n1. Phát triển công nghiệp\n1.1. Về năng lượng\nII. Về xã hội"
    got = _flat(_outline(text).sections())
    assert got == [
        ("A", "MỤC TIÊU VÀ CHỈ TIÊU", 1),
        ("1", "Mục tiêu", 2),
        ("B", "NHIỆM VỤ", 1),
        ("I", "Về kinh tế", 2),
        ("1", "Phát triển công nghiệp", 3),
        ("1.1", "Về năng lượng", 4),
        ("II", "Về xã hội", 2),
    ]


def test_letter_i_after_h_is_a_letter_not_roman_one() -> None:
    text = "G. Phần G\nH. Phần H\nI. Phần I\n1. Mục một"
    got = _flat(_outline(text).sections())
    assert [(label, level) for label, _, level in got] == [("G", 1), ("H", 1), ("I", 1), ("1", 2)]


def test_articles_of_a_council_resolution() -> None:
    text = (
        "QUYẾT NGHỊ:\nĐiều 1. Thông qua kế hoạch năm 2024 như sau:\n1. Mục tiêu tổng quát\nTăng trưởng nhanh.\n"
        "Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện."
    )
    got = _flat(_outline(text).sections())
    assert got[0][0] == "Điều 1" and got[1] == ("1", "Mục tiêu tổng quát", 2)
    assert ("Điều 2", "Tổ chức thực hiện", 1) in got


def test_numbered_item_under_bullets_closes_the_bullet_list() -> None:
    text = "I. MỤC TIÊU CHỦ YẾU\n- Tăng trưởng đạt 8%.\n- Thu ngân sách 1.010 tỷ đồng.\n6. Thành lập 35 hợp tác xã.\n7. Trồng 3.000 ha rừng."
    outline = _outline(text)
    six = next(it for it in outline.items() if it.label == "6")
    assert six.parent is not None and six.parent.label == "I"


def test_an_item_with_numbered_children_is_a_heading_whatever_its_punctuation() -> None:
    text = "II. NHIỆM VỤ\n3. Đổi mới giáo dục; phát huy văn hóa; bảo đảm công bằng xã hội\n3.1. Đổi mới giáo dục\nNội dung."
    sections = _flat(_outline(text).sections())
    assert ("3", "Đổi mới giáo dục; phát huy văn hóa; bảo đảm công bằng xã hội", 2) in sections


def test_closing_block_ends_the_outline() -> None:
    text = "1. Về kinh tế\nTăng trưởng.\nNghị quyết này được phổ biến đến cán bộ, đảng viên.\nNơi nhận:\n- Như trên,\nT/M TỈNH ỦY"
    outline = _outline(text)
    assert outline.paragraphs[outline.end].text == "Nơi nhận:"
    assert len(outline.closing) == 1
    assert all(not it.style.startswith("bullet") for it in outline.items())


def test_markdown_headings_without_labels_are_sections() -> None:
    text = "# Kế hoạch\n## Mục tiêu\nNội dung.\n## Nhiệm vụ\n1. Làm đường."
    got = _flat(_outline(text).sections())
    assert got == [("", "Kế hoạch", 1), ("", "Mục tiêu", 2), ("", "Nhiệm vụ", 2)]


def test_a_signature_before_the_recipients_also_closes_the_outline() -> None:
    text = "I. NHIỆM VỤ\n1. Tăng cường thu ngân sách. Chống thất thu.\nT/M BAN CHẤP HÀNH\nBÍ THƯ\nLê Văn Minh\nNơi nhận:\n- Lưu."
    outline = _outline(text)
    assert outline.paragraphs[outline.end].text == "T/M BAN CHẤP HÀNH"
    assert [it.label for it in outline.items()] == ["I", "1"]


def test_a_sentence_that_opens_on_a_quantity_is_not_a_numbered_item() -> None:
    outline = _outline(
        "Sơ kết công tác quý II\n\n"
        "6 tháng đầu năm 2031, tổng thu ngân sách đạt 412 tỷ đồng.\n\n"
        "3 km đường liên thôn được cứng hóa trong quý.\n"
    )
    assert [it.label for it in outline.items()] == []


def test_a_last_item_cut_short_is_still_an_item() -> None:
    from nghiquyet.extract import extract_text

    text = (
        "II- CÁC CHỈ TIÊU CHỦ YẾU\n\n1. Giá trị sản xuất đạt trên 280 triệu đồng.\n\n"
        "2. Số hộ kinh doanh cá thể có ít nhất 250 hộ (nông nghiệp 70 hộ"
    )
    values = [t.value for i in extract_text(text).indicators for t in i.targets]
    assert values[:2] == [280, 250]
