"""Rules from the language for pages the extractor has never seen (issue 9).

Each text is written for the test in the shapes real pages take; none is a golden document's wording.
"""

from __future__ import annotations

from nghiquyet.extract import extract_text
from nghiquyet.extract.figures.targets import parse_targets
from nghiquyet.extract.items.mentions import mask_mentions


def _targets(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    out = extract_text(text).indicators
    return [(t.comparator, t.value, t.value_max, t.unit) for ind in out for t in ind.targets]


def test_the_second_year_of_a_term_is_no_figure() -> None:
    got = parse_targets("HĐND thị trấn khóa III, nhiệm kỳ 2021-2026 tổ chức phiên họp thứ 7", year=2026)
    assert [t.value for t in got] == []
    got = parse_targets("Giai đoạn 2020 – 2025 hộ nghèo giảm 2%", year=2025)
    assert [(t.value, t.unit) for t in got] == [(2, "%")]


def test_a_documents_name_and_a_purpose_clause_hide_their_figures() -> None:
    assert mask_mentions("UBND tỉnh ban hành Kế hoạch số 12/KH-UBND về thu hút 5 triệu lượt khách.") == (
        "UBND tỉnh ban hành Kế hoạch số xx/KH-UBND về thu hút x triệu lượt khách."
    )
    said = "Để đạt mục tiêu tăng trưởng 7,5% năm 2026, các sở phải vào cuộc; thu ngân sách đạt 900 tỷ đồng."
    assert mask_mentions(said) == (
        "Để đạt mục tiêu tăng trưởng x,x% năm 2026, các sở phải vào cuộc; thu ngân sách đạt 900 tỷ đồng."
    )
    # What the name is said to set stays a figure.
    assert mask_mentions("Nghị quyết về nhiệm vụ năm 2026 đặt mục tiêu tăng 9%") == (
        "Nghị quyết về nhiệm vụ năm 2026 đặt mục tiêu tăng 9%"
    )


def test_a_resolution_named_by_its_figure_sets_no_target() -> None:
    text = (
        "Tỉnh ủy quán triệt Nghị quyết về giải pháp tăng trưởng 10% năm 2026\n\n"
        "Ngày 3/2/2026, Tỉnh ủy quán triệt Nghị quyết số 41-NQ/TU về giải pháp tăng trưởng 10% năm 2026. "
        "Nhằm hoàn thành mục tiêu tăng trưởng 10% trở lên, các huyện cần tập trung cao độ.\n\n"
        "Theo Nghị quyết, năm 2026 phấn đấu thu ngân sách đạt 3.200 tỷ đồng; tỷ lệ hộ nghèo giảm 1,2%.\n"
    )
    assert _targets(text) == [("eq", 3200, None, "tỷ đồng"), ("eq", 1.2, None, "%")]


def test_a_heading_glued_to_its_lead_by_the_source_tag_restates_the_range_below() -> None:
    text = (
        "12/01/2026\n"
        "Tỉnh nâng mục tiêu thu ngân sách lên 9.500 tỷ đồng(baotinh.vn) - Tỉnh vừa họp về dự toán. "
        "Hội nghị nêu rõ các giải pháp thu.\n"
        "Mục tiêu năm 2026 là thu ngân sách đạt 9.000 - 9.500 tỷ đồng, chi đầu tư phát triển tăng 8%.\n"
    )
    assert _targets(text) == [("range", 9000, 9500, "tỷ đồng"), ("eq", 8, None, "%")]


def test_a_sapo_that_sets_one_aim_is_said_again_by_the_fuller_sentence() -> None:
    text = (
        "Hội đồng nhân dân tỉnh vừa họp, đặt mục tiêu giá trị xuất khẩu của tỉnh năm 2026 "
        "đạt 4 - 4,5 tỷ USD.\n\n"
        "Ảnh: Quang cảnh kỳ họp\n\n"
        "Cụ thể, mục tiêu năm 2026 là xuất khẩu đạt 4 - 4,5 tỷ USD, nhập khẩu dưới 3 tỷ USD.\n"
    )
    assert _targets(text) == [("range", 4, 4.5, "tỷ USD"), ("lt", 3, None, "tỷ USD")]


def test_a_list_opened_by_its_own_count_after_the_counts_of_other_parts() -> None:
    text = (
        "Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ xã. Nghị quyết đề ra 5 nhiệm vụ, 2 khâu đột phá và "
        "9 chỉ tiêu chủ yếu, gồm: (1) Thu ngân sách tăng bình quân 8%/năm. (2) Tỷ lệ trường đạt chuẩn "
        "quốc gia đạt 90%. (3) Có thêm 2 thôn đạt chuẩn nông thôn mới kiểu mẫu.\n"
    )
    assert _targets(text) == [("eq", 8, None, "%/năm"), ("eq", 90, None, "%"), ("eq", 2, None, "thôn")]


def test_a_report_page_headline_that_strives_for_next_year_is_a_target() -> None:
    text = (
        "Huyện Sơn Lâm phấn đấu năm 2026 có 95% hộ dùng nước sạch\n\n"
        "Toàn cảnh hội nghị.\n\n"
        "Huyện ủy vừa họp đánh giá năm 2025. Theo đó, giá trị sản xuất ước đạt 4.100 tỷ đồng, "
        "tăng 6,2% so với cùng kỳ. Thu ngân sách ước đạt 210 tỷ đồng, bằng 118% dự toán.\n"
    )
    assert _targets(text) == [("eq", 95, None, "%")]


def test_a_figure_read_as_a_target_is_not_also_a_result() -> None:
    text = (
        "Ngày 9/1/2026, Đảng ủy phường quán triệt Nghị quyết Đại hội Đảng bộ tỉnh.\n\n"
        "Nghị quyết đề ra mục tiêu thu nhập bình quân đầu người đạt 110 triệu đồng; "
        "tỷ lệ đô thị hóa đạt 55%.\n"
    )
    got = extract_text(text)
    assert [(t.value, t.unit) for i in got.indicators for t in i.targets] == [(110, "triệu đồng"), (55, "%")]
    assert got.results == []


def test_a_count_of_the_plans_parts_that_sets_them_out_is_no_result() -> None:
    from nghiquyet.extract.items.results import find_results

    said = "Năm 2025, Đại hội đề ra 21 chỉ tiêu; trong 3 ngày, đại biểu thảo luận sôi nổi."
    assert find_results([(said, 1)], default_period="2025") == []
    tally = find_results([("Năm 2025, xã có 14 chỉ tiêu vượt kế hoạch.", 1)], default_period="2025")
    assert [(r.value, r.unit) for r in tally] == [(14, "chỉ tiêu")]


def test_a_plan_adopted_then_told_with_trong_do_states_its_targets() -> None:
    text = (
        "Sáng 6/1, hội nghị Đảng ủy xã đã bàn và thông qua Nghị quyết về phát triển kinh tế - xã hội "
        "giai đoạn 2026 - 2030 của xã. Trong đó, tỷ trọng thương mại chiếm 40%, nông nghiệp chiếm 35%.\n"
    )
    inds = extract_text(text).indicators
    assert [(t.value, t.unit, t.year) for i in inds for t in i.targets] == [(40, "%", 2030), (35, "%", 2030)]
    # Without a plan adopted, "Trong đó" over shares reports what is.
    told = "Năm qua, cơ cấu kinh tế của xã chuyển dịch tích cực. Trong đó, thương mại chiếm 38%.\n"
    assert extract_text(told).indicators == []


def test_years_of_a_page_without_date_or_year_in_its_heading_come_from_the_span_it_names() -> None:
    text = (
        "Hơn 60% thôn của huyện đạt chuẩn văn hóa\n\n"
        "Chương trình xây dựng đời sống văn hóa giai đoạn 2021 - 2025 được triển khai rộng khắp. "
        "Đến nay, toàn huyện có 61% thôn đạt chuẩn.\n"
    )
    assert extract_text(text).metadata.years == [2021, 2025]
    # A page reporting a half year keeps that year.
    half = text.replace("Đến nay,", "6 tháng đầu năm 2024,")
    assert extract_text(half).metadata.years == [2024, 2024]


def test_a_span_written_after_nam_in_the_title_gives_both_years() -> None:
    text = (
        "NGHỊ QUYẾT\n\nVề kế hoạch phát triển kinh tế - xã hội năm 2026 - 2030\n\n"
        "Ngày 5/12/2025, HĐND tỉnh họp.\n"
    )
    assert extract_text(text).metadata.years == [2026, 2030]


def test_compound_counted_nouns_are_whole_units() -> None:
    got = parse_targets(
        "Có ít nhất 3 cơ sở giáo dục đại học đạt chuẩn khu vực; từ 5 - 7 tỉnh, thành phố hoàn thành",
        year=2030,
    )
    assert [(t.value, t.unit) for t in got] == [(3, "cơ sở giáo dục đại học"), (5, "tỉnh, thành phố")]


def test_money_set_aside_for_the_plan_is_no_target() -> None:
    text = (
        "Theo đó, năm 2026 huyện phấn đấu thu ngân sách đạt 450 tỷ đồng. "
        "Dự kiến nguồn vốn đầu tư công bố trí cho các dự án khoảng 300 tỷ đồng.\n"
    )
    assert _targets(text) == [("eq", 450, None, "tỷ đồng")]


def test_shares_joined_by_dashes_are_a_list_not_a_range() -> None:
    got = parse_targets(
        "Cơ cấu kinh tế thương mại - nông nghiệp - công nghiệp tương ứng 41% - 33,5% - 25,5%", year=2030
    )
    assert [(t.comparator, t.value, t.value_max) for t in got] == [
        ("eq", 41, None), ("eq", 33.5, None), ("eq", 25.5, None)
    ]
    assert [(t.value, t.value_max) for t in parse_targets("GRDP tăng 7,2 - 7,8%", year=2026)] == [(7.2, 7.8)]
