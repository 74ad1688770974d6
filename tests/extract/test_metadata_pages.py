"""Metadata of texts without the usual title block: press and portal pages, a header that arrives
one cell per line, furniture above an official header. Wording is made up for these tests."""

from __future__ import annotations

from nghiquyet.extract import extract_text


def test_portal_page_heading_publication_date_and_year_of_its_title() -> None:
    text = """Thứ ba, Ngày 02/04/2030 -
Huyện Mỹ Thạnh giao các chỉ tiêu phát triển năm 2027
Ngày đăng: 15/12/2026  09:30
Chia sẻ bài viết
Ngày 10/12/2026, Huyện ủy ban hành Nghị quyết về nhiệm vụ năm 2027 với các chỉ tiêu chủ yếu.
"""
    meta = extract_text(text).metadata
    assert meta.title == "Huyện Mỹ Thạnh giao các chỉ tiêu phát triển năm 2027"
    assert meta.date == "2026-12-15"  # the labelled publication date, not the page-view date
    assert meta.years == [2027, 2027]
    assert meta.doc_type == "other" and meta.number is None


def test_published_label_with_weekday_between() -> None:
    text = "Tỉnh Bắc Sơn đặt mục tiêu mới\n\nXuất bản:Thứ tư, 03/06/2026 14:00 (GMT+7)\n\nNội dung bài."
    assert extract_text(text).metadata.date == "2026-06-03"


def test_a_line_of_only_a_date_and_a_time_is_the_publication_stamp() -> None:
    for stamp in ("12/05/2031 - 08:15", "07:02 12/05/2031", "Thứ Hai, 12/05/2031, 08:15 (GMT+7)"):
        text = f"Tin địa phương\n\n{stamp}\n\nXã Tân Hòa đặt mục tiêu thu nhập 90 triệu đồng.\n"
        assert extract_text(text).metadata.date == "2031-05-12", stamp


def test_a_date_without_a_time_of_day_is_no_stamp() -> None:
    # "Thứ sáu, 16/05/2031": the day the page was viewed, shown by the portal on every page.
    text = "Thứ sáu, 16/05/2031\n\nXã Tân Hòa đặt mục tiêu thu nhập 90 triệu đồng.\n"
    assert extract_text(text).metadata.date is None


def test_opening_date_after_the_time_of_day() -> None:
    text = "Tin hoạt động\nSáng ngày 09/01/2031, Đảng ủy xã tổng kết công tác năm 2030.\n"
    assert extract_text(text).metadata.date == "2031-01-09"


def test_opening_numeric_date_of_a_press_page() -> None:
    text = "Tin hoạt động của tỉnh\nNgày 4/11/2026, HĐND tỉnh thông qua các chỉ tiêu kế hoạch năm 2027.\n"
    assert extract_text(text).metadata.date == "2026-11-04"


def test_congress_term_named_in_the_body_gives_the_term_from_its_second_year() -> None:
    text = (
        "Sáng nay, Đại hội đại biểu Đảng bộ huyện Tân Lộc lần thứ V, nhiệm kỳ 2030 – 2035 khai mạc. "
        "Đại hội đề ra mục tiêu thu nhập bình quân đầu người đạt 90 triệu đồng."
    )
    assert extract_text(text).metadata.years == [2031, 2035]


def test_session_within_a_term_does_not_set_the_years() -> None:
    text = (
        "Kết quả kinh tế huyện Phú Hòa\n"
        "Ngày 18/12, HĐND huyện khóa X, nhiệm kỳ 2026-2031 tổ chức kỳ họp thứ 9.\n"
        "Năm 2028, giá trị sản xuất toàn huyện đạt 5.100 tỷ đồng.\n"
    )
    assert extract_text(text).metadata.years == [2028, 2028]


def test_a_period_span_counts_from_its_first_year() -> None:
    meta = extract_text("PHƯƠNG HƯỚNG PHÁT TRIỂN GIAI ĐOẠN 2026-2030\nNội dung.").metadata
    assert meta.years == [2026, 2030]


def test_report_year_from_same_time_last_year_baseline() -> None:
    text = "Trong quý đầu, doanh thu bán lẻ đạt 4.120 tỷ đồng, tăng 6,1% so với cùng kỳ năm 2031."
    assert extract_text(text).metadata.years == [2032, 2032]


def test_title_naming_a_review_year_and_a_plan_year() -> None:
    text = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 120/BC-UBND
An Bình, ngày 15 tháng 12 năm 2029

BÁO CÁO
Kết quả thực hiện nhiệm vụ năm 2029
và phương hướng nhiệm vụ năm 2030

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2029
1. Về kinh tế
Tổng giá trị sản xuất ước đạt 410 tỷ đồng.
"""
    assert extract_text(text).metadata.years == [2029, 2030]


def test_header_one_cell_per_line_with_bars() -> None:
    text = """ỦY BAN
NHÂN DÂN
TỈNH HÒA PHONG
-------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
-------
|
Số:
42/2031/QĐ-UBND
|
Hòa Phong, ngày
05 tháng 3 năm 2031
|
QUYẾT ĐỊNH
VỀ VIỆC GIAO CHỈ TIÊU KẾ HOẠCH NĂM 2031
Căn cứ Luật Tổ chức chính quyền địa phương;
"""
    meta = extract_text(text).metadata
    assert meta.doc_type == "quyet_dinh"
    assert meta.number == "42/2031/QĐ-UBND"
    assert meta.issuer == "Ủy ban nhân dân tỉnh Hòa Phong"
    assert meta.date == "2031-03-05"
    assert meta.years == [2031, 2031]


def test_page_furniture_above_an_official_header() -> None:
    text = """Trang chủ
Tin tức sự kiện
BÁO CÁO TỔNG KẾT NĂM 2028
Ngày cập nhật 02/02/2029

ỦY BAN NHÂN DÂN
XÃ HÒA LỢI

Số: 77/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hòa Lợi, ngày 18 tháng 12 năm 2028

BÁO CÁO
Tổng kết công tác năm 2028

Căn cứ kế hoạch công tác năm của Ủy ban nhân dân xã, Ủy ban nhân dân xã báo cáo kết quả như sau.
"""
    meta = extract_text(text).metadata
    assert meta.number == "77/BC-UBND"
    assert meta.issuer == "Ủy ban nhân dân xã Hòa Lợi"
    assert meta.date == "2028-12-18"
    assert meta.doc_type == "bao_cao"


def test_a_mixed_case_page_heading_above_the_header_does_not_end_the_title_block() -> None:
    # A legal-text site repeats the document's name in its own words above the official header;
    # the copy lost a glyph of the organ's level ("TNH" for "TỈNH"), which the enacting line under
    # the title still names in full.
    text = """Tìm kiếm văn bản
Quyết định 412/QĐ-UBND giao kế hoạch vốn năm 2031 do tỉnh Đông Sơn ban hành
Số hiệu 412/QĐ-UBND
Loại văn bản Quyết định

ỦY BAN NHÂN DÂN
TNH ĐÔNG SƠN
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 412/QĐ-UBND

Đông Sơn, ngày 03 tháng 3 năm 2031

QUYẾT ĐỊNH

VỀ VIỆC GIAO KẾ HOẠCH VỐN NĂM 2031

ỦY BAN NHÂN DÂN TỈNH ĐÔNG SƠN

Căn cứ Luật Tổ chức chính quyền địa phương;

QUYẾT ĐỊNH:

Điều 1. Giao kế hoạch vốn cho các sở, ngành.
"""
    meta = extract_text(text).metadata
    assert (meta.doc_type, meta.number, meta.date) == ("quyet_dinh", "412/QĐ-UBND", "2031-03-03")
    assert meta.issuer == "Ủy ban nhân dân tỉnh Đông Sơn"


def test_a_targets_lead_that_names_its_span_gives_the_years() -> None:
    text = (
        "12/01/2031 - 09:20\n\nHuyện Đông Hà phấn đấu thu nhập 80 triệu đồng\n\n"
        "Hội nghị Huyện ủy đã thông qua nghị quyết. Các chỉ tiêu chủ yếu trong giai đoạn 2031 – 2035 gồm: "
        "thu nhập bình quân đầu người đến năm 2035 đạt 80 triệu đồng; thu ngân sách 60 tỷ đồng.\n"
    )
    assert extract_text(text).metadata.years == [2031, 2035]


def test_a_heading_that_reviews_one_term_and_plans_the_next_plans_the_later() -> None:
    text = (
        "Nghị quyết Đại hội đại biểu Đảng bộ thị xã Hòa Phong lần thứ IX\n\n"
        "Thứ Hai, 12/10/2030, 10:05 (GMT+7)\n\nQUYẾT NGHỊ\n\n"
        "I- Tán thành đánh giá kết quả nhiệm kỳ 2025 - 2030 và mục tiêu, nhiệm vụ nhiệm kỳ 2030 - 2035 "
        "nêu trong Báo cáo chính trị.\n\n"
        "1. Về kết quả, Đại hội khẳng định: thu ngân sách đạt 5.100/4.800 tỷ đồng.\n"
    )
    assert extract_text(text).metadata.years == [2031, 2035]


def test_a_period_named_as_a_comparison_is_not_the_period_reported() -> None:
    text = (
        "Theo số liệu thống kê, tổng sản phẩm trên địa bàn tăng 5,9% so với cùng kỳ, thấp hơn mức tăng "
        "6,3% của quý I/2030 nhưng vượt kịch bản tăng trưởng quý I/2031. Khu vực dịch vụ tăng 7,1%.\n"
    )
    assert extract_text(text).metadata.years == [2031, 2031]


def test_the_stamp_under_the_heading_beats_the_site_clock_above_it() -> None:
    text = (
        "Thứ 7, 14/06/2031, 06:40[GMT+7]\n\n"
        "Tân Phong: Thu ngân sách 5 tháng đạt 96 tỷ đồng\n\n"
        "Thứ 5, 12/06/2031 | 10:05:31\n"
        "Thu ngân sách 5 tháng đầu năm của huyện Tân Phong đạt 96 tỷ đồng, bằng 48% dự toán.\n"
    )
    meta = extract_text(text).metadata
    assert meta.title == "Tân Phong: Thu ngân sách 5 tháng đạt 96 tỷ đồng"
    assert meta.date == "2031-06-12"


def test_a_page_that_republishes_the_full_text_takes_its_type_and_number() -> None:
    text = (
        "Nghị quyết về phát triển du lịch cộng đồng giai đoạn 2031-2035\n\n"
        "LTS: Ngày 02-3-2031, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 07-NQ/TU về phát triển du lịch "
        "cộng đồng. Báo Hòa Sơn trân trọng giới thiệu toàn văn Nghị quyết.\n\n"
        "I- Tình hình\n\nNhững năm qua, lượng khách tăng bình quân 12%/năm.\n"
    )
    meta = extract_text(text).metadata
    assert (meta.doc_type, meta.number) == ("nghi_quyet", "07-NQ/TU")


_LEAD = (
    "Ngày 4/12/2031, Hội đồng nhân dân huyện đã tổ chức kỳ họp thường lệ cuối năm, thảo luận và "
    "thông qua nhiều nghị quyết quan trọng về phát triển kinh tế - xã hội, thu chi ngân sách và đầu tư "
    "công năm 2032 của huyện."
)


def test_furniture_and_a_banner_above_the_heading_are_not_the_title() -> None:
    text = (
        "Trang chủ Tin tức sự kiện\n\nXem cỡ chữ\nIn trang\n\n"
        "Thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ\n\n"
        "Huyện Tân Mỹ thông qua 18 chỉ tiêu năm 2032\n\n1,204 lượt xem\n\n" + _LEAD + "\n"
    )
    assert extract_text(text).metadata.title == "Huyện Tân Mỹ thông qua 18 chỉ tiêu năm 2032"


def test_a_heading_glued_to_its_lead_is_cut_where_the_lead_starts() -> None:
    tagged = "Kinh tế Huyện Tân Mỹ thu ngân sách đạt 104% dự toán (BTM) - " + _LEAD
    assert extract_text(tagged + "\n").metadata.title == "Huyện Tân Mỹ thu ngân sách đạt 104% dự toán"
    dated = "Ban Chấp hành Đảng bộ xã Tân Mỹ gồm 19 đồng chí Sáng 20/8, Đại hội " + _LEAD
    assert extract_text(dated + "\n").metadata.title == "Ban Chấp hành Đảng bộ xã Tân Mỹ gồm 19 đồng chí"


def test_a_photo_caption_and_a_byline_are_not_headings() -> None:
    text = "Toàn cảnh kỳ họp HĐND huyện Tân Mỹ (Ảnh: Minh Châu)\n\nLÊ AN |\n\n" + _LEAD + "\n"
    assert extract_text(text).metadata.title is None


def test_a_lone_date_line_is_the_publication_date() -> None:
    for stamp in ("09/12/2031", "Thứ ba - 09/12/2031 08:35", "09/12/2031 08:35:10 AM"):
        text = f"Huyện Tân Mỹ thông qua 18 chỉ tiêu năm 2032\n\n{stamp}\n\n{_LEAD}\n"
        assert extract_text(text).metadata.date == "2031-12-09", stamp


def test_a_full_text_copy_names_itself_in_a_long_first_line() -> None:
    title = (
        "Nghị quyết của Ban Chấp hành Đảng bộ huyện khóa IX về phát triển hạ tầng giao thông, thủy lợi, "
        "đô thị, trường học, trạm y tế và thiết chế văn hóa cơ sở giai đoạn 2031-2035 trên địa bàn huyện"
    )
    note = (
        "LTS: Ngày 02-03-2031, Ban Chấp hành Đảng bộ huyện đã ban hành Nghị quyết số 07-NQ/HU. "
        "Báo trân trọng giới thiệu toàn văn Nghị quyết."
    )
    text = f"{title}\n\n{note}\n\nI- Tình hình\n\nNhững năm qua, huyện đã đầu tư.\n"
    assert extract_text(text).metadata.title == title


def test_a_party_cells_short_term_is_planned_from_its_first_year() -> None:
    text = "Đại hội Chi bộ thôn Tân Lập nhiệm kỳ 2028-2030\n\nChi bộ đề ra mục tiêu thu nhập 80 triệu đồng.\n"
    assert extract_text(text).metadata.years == [2028, 2030]


def test_a_congress_page_plans_for_the_later_of_the_terms_it_names() -> None:
    text = (
        "Tặng hoa chúc mừng Đại hội\n\n"
        "Nhiệm kỳ 2030-2035, kinh tế của phường phát triển, thu ngân sách đạt và vượt chỉ tiêu đề ra.\n\n"
        "Nhiệm kỳ 2035-2040, Đảng bộ phường phấn đấu thu nhập bình quân đạt 150 triệu đồng.\n"
    )
    assert extract_text(text).metadata.years == [2036, 2040]


def test_a_portals_attribute_table_above_a_header_that_lost_its_type_and_level_lines() -> None:
    text = (
        "Kế hoạch 7/KH-UBND năm 2026 phát triển thương mại điện tử của tỉnh Cao Bằng\n"
        "| Số hiệu | 7/KH-UBND |\n"
        "| Loại văn bản | Kế hoạch |\n"
        "| Cơ quan ban hành | Tỉnh Cao Bằng |\n"
        "|\n"
        "ỦY BAN NHÂN DÂN |\n"
        "CỘNG HÒA XÃ HỘI\n"
        "CHỦ NGHĨA VIỆT NAM |\n"
        "|\n"
        "Số: 7/KH-UBND |\n"
        "Cao Bằng, ngày 09 tháng 02 năm 2026 |\n"
        "PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ CỦA TỈNH\n"
        "Thực hiện chương trình của tỉnh Cao Bằng, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau, "
        "với các nội dung chủ yếu được trình bày dưới đây cho các sở, ngành và địa phương thực hiện.\n"
    )
    meta = extract_text(text).metadata
    assert (meta.number, meta.doc_type, meta.date) == ("7/KH-UBND", "ke_hoach", "2026-02-09")
    assert meta.issuer == "Ủy ban nhân dân tỉnh Cao Bằng"


def test_a_header_wrapped_inside_its_words() -> None:
    text = (
        "ỦY\nBAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 41/QĐ-UBND\n|\nHà\nTĩnh, ngày 03 tháng 08\n"
        "năm 2017\n|\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN CHĂN NUÔI\n"
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa\nphương ngày 19/6/2015;\n"
        "Căn cứ Nghị quyết số 12-NQ/TU ngày\n"
        "10/10/2016 của Tỉnh ủy về phát triển chăn nuôi, phấn đấu đưa 8 huyện thành vùng chăn nuôi "
        "tập trung;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Đề án phát triển chăn nuôi.\n"
    )
    out = extract_text(text)
    assert (out.metadata.issuer, out.metadata.date) == ("Ủy ban nhân dân tỉnh Hà Tĩnh", "2017-08-03")
    assert out.indicators == []  # the recital's "8 huyện" belongs to the act it cites
