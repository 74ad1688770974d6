"""metadata: title block, body clues and signature block in several document styles."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.extract import extract_text
from nghiquyet.extract.document.metadata import _may_say_theme
from nghiquyet.extract.document.page_heading import without_markup
from nghiquyet.extract.document.signature import (
    _capacities,
    _capacity,
    cells_of,
    cells_of_lines,
    is_caps,
    read_recipients,
    without_emphasis,
)
from nghiquyet.extract.text.casing import mixed_case
from nghiquyet.extract.vocabulary.vocab import load

COUNCIL_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BẮC KẠN                                Độc lập - Tự do - Hạnh phúc

Số: 25/NQ-HĐND                      Bắc Kạn, ngày 08 tháng 12 năm 2023

NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2024

HỘI ĐỒNG NHÂN DÂN TỈNH BẮC KẠN
KHÓA X, KỲ HỌP THỨ 17

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

QUYẾT NGHỊ:

Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội năm 2024.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; định kỳ 6 tháng, hằng năm báo cáo kết quả.

Nơi nhận:                                         CHỦ TỊCH
- Ủy ban Thường vụ Quốc hội;
- Chính phủ;
- Lưu: VT.
                                                  Phương Thị Thanh
"""


def test_council_resolution_header_with_two_columns() -> None:
    m = extract_text(COUNCIL_RESOLUTION).metadata
    assert (m.doc_type, m.number, m.date, m.place) == ("nghi_quyet", "25/NQ-HĐND", "2023-12-08", "Bắc Kạn")
    assert m.issuer == "Hội đồng nhân dân tỉnh Bắc Kạn"
    assert m.title == "Về kế hoạch phát triển kinh tế - xã hội năm 2024"
    assert (m.term, m.years) == ("X", [2024, 2024])


def test_council_resolution_signature_without_capacity_line() -> None:
    m = extract_text(COUNCIL_RESOLUTION).metadata
    assert (m.signer.capacity, m.signer.position, m.signer.name) == (None, "Chủ tịch", "Phương Thị Thanh")
    assert m.recipients == ["Ủy ban Thường vụ Quốc hội", "Chính phủ", "Lưu: VT"]


COMMUNE_RESOLUTION = """ĐẢNG BỘ HUYỆN ĐỨC TRỌNG              ĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ HIỆP THẠNH
*                                      Hiệp Thạnh, ngày 05 tháng 01 năm 2025
Số 08-NQ/ĐU

NGHỊ QUYẾT
về lãnh đạo thực hiện nhiệm vụ năm 2025
-----
Năm 2025, Đảng ủy xác định chủ đề năm là “Đoàn kết - Kỷ cương - Phát triển”.
I. CHỈ TIÊU
1. Thu ngân sách trên địa bàn đạt 4.500 triệu đồng.
2. Kết nạp 12 đảng viên mới.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tập trung phát triển cà phê chất lượng cao.
III. TỔ CHỨC THỰC HIỆN
Các chi bộ trực thuộc xây dựng kế hoạch thực hiện Nghị quyết này.

Nơi nhận:
- Ban Thường vụ Huyện ủy (b/c),
- Lưu VP.
                                       T/M ĐẢNG ỦY
                                       PHÓ BÍ THƯ
                                       (Đã ký)
                                       Nguyễn Thị Hoa
"""


def test_commune_resolution_issuer_is_the_lowest_organ_of_the_header() -> None:
    m = extract_text(COMMUNE_RESOLUTION).metadata
    assert m.issuer == "Đảng ủy xã Hiệp Thạnh"
    assert (m.number, m.date, m.years) == ("08-NQ/ĐU", "2025-01-05", [2025, 2025])
    assert m.theme == "Đoàn kết - Kỷ cương - Phát triển"
    assert m.title == "về lãnh đạo thực hiện nhiệm vụ năm 2025"


def test_commune_resolution_signature_skips_the_signed_mark() -> None:
    s = extract_text(COMMUNE_RESOLUTION).metadata.signer
    assert (s.capacity, s.position, s.name) == ("T/M Đảng ủy", "Phó Bí thư", "Nguyễn Thị Hoa")


def test_type_from_how_the_text_names_itself_when_there_is_no_title_block() -> None:
    text = "Phần thứ nhất\nTÌNH HÌNH\nNội dung.\nKế hoạch này được triển khai đến các chi bộ.\n"
    assert extract_text(text).metadata.doc_type == "ke_hoach"


def test_conclusion_notice_takes_the_meeting_date_and_completes_the_standing_committee() -> None:
    text = (
        "THÔNG BÁO\nKẾT LUẬN CỦA ĐỒNG CHÍ BÍ THƯ TỈNH ỦY\ntại buổi làm việc với Sở Tài chính\n-----\n"
        "Ngày 12 tháng 4 năm 2024, Thường trực Tỉnh ủy làm việc với Sở Tài chính.\n"
        "1. Sở Tài chính tham mưu Ban Thường vụ Tỉnh ủy về ngân sách.\n"
        "Nơi nhận:\n- Như trên,\nT/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG\nLê Văn Bình\n"
    )
    m = extract_text(text).metadata
    assert (m.doc_type, m.date, m.issuer) == ("thong_bao_ket_luan", "2024-04-12", "Ban Thường vụ Tỉnh ủy")
    assert m.title == "Kết luận của đồng chí Bí thư Tỉnh ủy tại buổi làm việc với Sở Tài chính"
    assert (m.signer.capacity, m.signer.position) == ("T/L Ban Thường vụ", "Chánh Văn phòng")


def test_term_programme_years_start_with_the_year_it_was_adopted() -> None:
    text = (
        "TỈNH ỦY LÂM ĐỒNG\nLâm Đồng, ngày 15 tháng 01 năm 2021\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ 2020 - 2025\n-----\nNội dung.\n"
    )
    m = extract_text(text).metadata
    assert (m.years, m.term, m.issuer) == ([2021, 2025], "XI", "Tỉnh ủy Lâm Đồng")


def test_a_plans_orientation_year_ends_its_years_but_a_vision_does_not() -> None:
    # Every blind gold set reads "giai đoạn 2021 - 2025, định hướng đến năm 2030" as [2021, 2030].
    text = "KẾ HOẠCH\nphát triển du lịch giai đoạn 2021 - 2025, định hướng đến năm 2030\n-----\nNội dung.\n"
    assert extract_text(text).metadata.years == [2021, 2030]
    text = "KẾ HOẠCH\nphát triển du lịch giai đoạn 2021 - 2025, tầm nhìn đến năm 2045\n-----\nNội dung.\n"
    assert extract_text(text).metadata.years == [2021, 2025]


def test_mixed_case_of_organs_positions_and_places() -> None:
    assert (
        mixed_case("BAN CHẤP HÀNH ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH")
        == "Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh"
    )
    assert mixed_case("HUYỆN ỦY ĐỨC TRỌNG") == "Huyện ủy Đức Trọng"
    assert mixed_case("PHÓ BÍ THƯ THƯỜNG TRỰC") == "Phó Bí thư Thường trực"
    assert mixed_case("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XII)") == "Ban Chấp hành Đảng bộ tỉnh (khóa XII)"


def test_no_number_or_issuer_is_invented() -> None:
    m = extract_text("Nội dung không có tiêu đề, ngày 11/02/2020 theo Quyết định 1528/QĐ-TTg.").metadata
    assert (m.number, m.issuer) == (None, None)
    # Without a header, a stamp or an opening date, a page is dated by the first full date it prints.
    assert m.date == "2020-02-11"


def test_a_page_is_not_dated_by_an_act_it_cites() -> None:
    own = extract_text("Chính phủ ban hành Nghị quyết số 01/NQ-CP ngày 8/1/2026 về nhiệm vụ năm 2026.")
    assert own.metadata.date == "2026-01-08"  # the page's subject and its date
    cited = extract_text(
        "Chính phủ ra Nghị quyết số 12/NQ-CP ban hành Chương trình hành động thực hiện Kết luận số "
        "115-KL/TW ngày 16/1/2025 của Bộ Chính trị."
    )
    assert cited.metadata.date is None  # the date of the Kết luận the resolution carries out
    reported = extract_text("Tổng thu ngân sách dự ước đến 31/12/2024 đạt 120 tỷ đồng.")
    assert reported.metadata.date == "2024-12-31"


DOCX_LAYOUT = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do
Số: 1234/KH-UBND | Lâm Đồng, ngày 05 tháng 02 năm 2025
KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị
I. NHIỆM VỤ, GIẢI PHÁP
1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành liên quan; thời gian thực hiện: năm 2025.
PHỤ LỤC: DANH MỤC NHIỆM VỤ CỤ THỂ
STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Xây dựng Đề án kinh tế số | Sở Khoa học và Công nghệ | Sở Tài chính; Sở Nội vụ | Quý III/2025
Nơi nhận:
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Hồng Thái
"""


def test_header_cells_of_a_docx_layout_table() -> None:
    ex = extract_text(DOCX_LAYOUT)
    m = ex.metadata
    assert (m.number, m.date, m.issuer, m.doc_type) == (
        "1234/KH-UBND",
        "2025-02-05",
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "ke_hoach",
    )
    assert (m.signer.capacity, m.signer.position, m.signer.name) == (
        "T/M Ủy ban nhân dân",
        "Chủ tịch",
        "Trần Hồng Thái",
    )
    assert ex.references == ["57-NQ/TW"]


def test_appendix_is_a_part_of_its_own_and_its_table_rows_are_tasks() -> None:
    ex = extract_text(DOCX_LAYOUT)
    assert [(t.label, t.section, t.line) for t in ex.tasks] == [("1", "I", 6), ("1", "Phụ lục", 9)]
    assert ex.tasks[0].support == ["Các sở, ngành liên quan"] and ex.tasks[0].deadline == "năm 2025"
    assert ex.sections[-1].label == "Phụ lục" and ex.sections[-1].title == "DANH MỤC NHIỆM VỤ CỤ THỂ"


def test_header_columns_run_together_lose_the_motto() -> None:
    text = "TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết\n-----\nA."
    assert extract_text(text).metadata.issuer == "Tỉnh ủy Lâm Đồng"


# Characters every rewrite of fold and every cell gap touch: combining marks, old-style tones,
# odd spaces and dashes, zero-width characters, bars, stars and line breaks inside a line.
_CELL_TEXT = st.text(
    alphabet="ao uyQ-|*_#\t\u0300\u0301\u00a0\u2013\u200b\u00adàỷ,\nNg\u00e0y", max_size=24
)


@given(st.lists(_CELL_TEXT, max_size=5))
def test_cells_of_lines_is_cells_of_each_line(lines: list[str]) -> None:
    assert cells_of_lines(lines) == [cells_of(line) for line in lines]


_MARKED = st.text(alphabet="ab *_# \t", max_size=12)


@given(_MARKED)
def test_without_emphasis_is_the_full_rule(cell: str) -> None:
    assert without_emphasis(cell) == re.sub(r"\*\*|__", "", cell).strip().strip("*").strip()


@given(_MARKED)
def test_without_markup_is_the_full_rule(cell: str) -> None:
    assert without_markup(cell) == re.sub(r"\*\*|__|^#{1,6}\s+", "", cell).strip().strip("*").strip()


_AROUND = st.text(alphabet="chuủỦdđĐeềỀ CHUĐE\u0309\u0300", max_size=8)


@given(_AROUND, st.lists(st.booleans(), min_size=6, max_size=6), _AROUND)
def test_may_say_theme_never_hides_the_phrase(before: str, upper: list[bool], after: str) -> None:
    phrase = "".join(c.upper() if up else c for c, up in zip("chủ đề", upper, strict=True))
    for text in (before + phrase + after, before + after):
        if "chủ đề" in text.lower():
            assert _may_say_theme(text)


_CAPACITY_WORDS = st.sampled_from([*load("metadata")["capacities"], "T", "KT", "TM"])


@given(_CAPACITY_WORDS, st.sampled_from(["", " ", ".", "/", " TỈNH ỦY", ". BAN"]), st.booleans())
def test_capacity_gate_is_the_full_walk(word: str, rest: str, lower: bool) -> None:
    text = (word + rest).lower() if lower else word + rest
    upper = text.upper()
    canonical = load("metadata")["capacity_canonical"]
    full = next(
        (
            (str(canonical.get(cap, cap)), text[len(cap) :].strip(" ."))
            for cap in _capacities()
            if upper.startswith(cap + " ") or upper.startswith(cap + ".")
        ),
        None,
    )
    assert _capacity(text) == full


@given(st.text(alphabet="aAăĂđĐ1 ⓐʰª中\u0345ǅ", max_size=8))
def test_is_caps_is_the_rule_as_first_written(s: str) -> None:
    letters = [c for c in s if c.isalpha()]
    assert is_caps(s) == (len(letters) >= 3 and all(c.isupper() for c in letters))


_RECIPIENT_CELLS = st.sampled_from(["Nơi nhận:", "NƠI NHẬN", "Nơi nhận: - Bộ;", "- Sở;", "lưu", "Nơi", "- A"])


@given(st.lists(_RECIPIENT_CELLS, max_size=6))
def test_read_recipients_finds_the_head_as_first_written(cells: list[str]) -> None:
    # The list starts at the first cell the pattern of the first version matched.
    start = next((i for i, c in enumerate(cells) if re.match(r"^(?:Nơi nhận|NƠI NHẬN)", c.strip())), None)
    if start is None:
        assert read_recipients(cells) == []
    else:
        assert read_recipients(cells) == read_recipients(["Nơi nhận:", *cells[start:]])
        assert read_recipients(cells[:start]) == []


def test_a_header_date_split_after_its_day_and_a_plans_orientation_year() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n|\nSố: 1500/KH-UBND\n|\nKon Tum, ngày 17\ntháng 5 năm 2032\n|\n"
        "KẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2032 - 2035, ĐỊNH HƯỚNG ĐẾN NĂM 2040\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
    )
    m = extract_text(text).metadata
    assert (m.date, m.years) == ("2032-05-17", [2032, 2040])
