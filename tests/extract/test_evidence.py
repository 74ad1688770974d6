"""Targets found by evidence outside the outline's lists (extract/items/evidence.py).

Every text here is written for the test, in the shapes real pages take: a press copy with a lead,
a page pasted on one line, a report's estimates, a headline that repeats the body.
"""

from __future__ import annotations

from nghiquyet.extract import extract_text
from nghiquyet.extract.items import cues


def _targets(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    out = extract_text(text).indicators
    return [(t.comparator, t.value, t.value_max, t.unit) for ind in out for t in ind.targets]


def test_lead_sentence_opens_a_list_of_plain_lines() -> None:
    text = (
        "Sáng 12/3, với 41 đại biểu tán thành (chiếm 95,3%), kỳ họp đã thông qua nghị quyết.\n\n"
        "Theo nghị quyết, huyện đề ra các chỉ tiêu chủ yếu như sau:\n\n"
        "Giá trị sản xuất nông nghiệp tăng 4,5%.\n\n"
        "Thu nhập bình quân đầu người đạt 62 triệu đồng.\n\n"
        "Tỷ lệ hộ dùng nước hợp vệ sinh trên 98%.\n"
    )
    assert _targets(text) == [("eq", 4.5, None, "%"), ("eq", 62, None, "triệu đồng"), ("gt", 98, None, "%")]


def test_inline_enumeration_on_one_line_keeps_each_item_and_its_place() -> None:
    line = (
        "CHỈ TIÊU NĂM 2025 Về kinh tế: (1) Tổng vốn đầu tư đạt 2.400 tỷ đồng; (2) Có thêm 3 xã đạt chuẩn "
        "nông thôn mới; (3) Tỷ lệ che phủ rừng ổn định 52%."
    )
    inds = extract_text(line).indicators
    assert [i.label for i in inds] == ["(1)", "(2)", "(3)"]
    assert [line[i.column or 0 :].startswith(i.text[:10]) for i in inds] == [True, True, True]
    assert [(t.value, t.unit) for i in inds for t in i.targets] == [(2400, "tỷ đồng"), (3, "xã"), (52, "%")]


def test_estimates_of_a_report_are_not_targets() -> None:
    text = (
        "Sáu tháng đầu năm, thu ngân sách trên địa bàn ước đạt 1.210 tỷ đồng, bằng 55,2% dự toán, "
        "tăng 6% so với cùng kỳ. Tổng mức bán lẻ hàng hóa đạt 8.300 tỷ đồng, đạt 48% kế hoạch.\n"
    )
    assert _targets(text) == []


def test_a_paragraph_that_aims_states_targets_in_each_sentence() -> None:
    text = (
        "Phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 120 triệu đồng. "
        "Tỷ lệ che phủ rừng 47%. Quy mô kinh tế gấp 2 lần năm 2025.\n"
    )
    assert [(c, v, u) for c, v, _, u in _targets(text)] == [("eq", 120, "triệu đồng"), ("eq", 47, "%"),
                                                            ("eq", 2, "lần")]


def test_a_headline_that_repeats_a_target_of_the_body_is_not_a_second_indicator() -> None:
    text = (
        "Thị xã phấn đấu tăng trưởng kinh tế đạt 8,2%\n\n"
        "Ngày 5/1, Hội đồng nhân dân thị xã đã họp phiên thường kỳ.\n\n"
        "Các chỉ tiêu năm 2026 gồm: tăng trưởng kinh tế đạt 8,2%; thu ngân sách 900 tỷ đồng.\n"
    )
    assert _targets(text) == [("eq", 8.2, None, "%"), ("eq", 900, None, "tỷ đồng")]


def test_a_tally_of_indicators_is_not_a_lead() -> None:
    text = "Năm qua có 20/22 chỉ tiêu hoàn thành: thu ngân sách đạt 530 tỷ đồng, vượt kế hoạch.\n"
    assert _targets(text) == []


def test_counting_the_plans_own_indicators_is_not_a_target() -> None:
    text = "Đại hội đề ra 18 chỉ tiêu chủ yếu và 3 khâu đột phá. Cụ thể, phấn đấu thu ngân sách 700 tỷ đồng."
    assert _targets(text) == [("eq", 700, None, "tỷ đồng")]


def test_a_rate_base_after_a_slash_is_not_a_figure() -> None:
    text = (
        "Các chỉ tiêu chủ yếu:\n"
        "- Số bác sĩ, giường bệnh/1 vạn dân: 12 bác sĩ/1 vạn dân và 30 giường bệnh/1 vạn dân.\n"
    )
    assert _targets(text) == [("eq", 12, None, "bác sĩ/1 vạn dân"), ("eq", 30, None, "giường bệnh/1 vạn dân")]


def test_a_part_that_is_not_targets_closes_the_region() -> None:
    text = (
        "Mục tiêu cụ thể đến năm 2030: thu nhập bình quân đạt 90 triệu đồng/người. "
        "Hai khâu đột phá: xây dựng 2 khu công nghiệp mới và 40 km đường.\n"
    )
    assert _targets(text) == [("eq", 90, None, "triệu đồng/người")]


def test_the_general_goal_is_not_a_lead() -> None:
    text = "Mục tiêu tổng quát: đến năm 2030 tỉnh có quy mô kinh tế trong nhóm 10 tỉnh dẫn đầu cả nước.\n"
    assert _targets(text) == []


def test_a_period_before_the_lead_noun_does_not_hide_the_lead() -> None:
    # "6 tháng cuối năm" names a span of time, not a figure: the lead "12 chỉ tiêu chủ yếu là:"
    # that follows it still opens the list.
    text = (
        "Chiều 14/7, kỳ họp đã thông qua nghị quyết về nhiệm vụ 6 tháng cuối năm 2026 với 12 chỉ tiêu "
        "chủ yếu là: thu nhập bình quân đầu người đạt 64 triệu đồng; tỷ lệ che phủ rừng 41%.\n"
    )
    assert _targets(text) == [("eq", 64, None, "triệu đồng"), ("eq", 41, None, "%")]


def test_a_sapo_that_sums_up_the_body_does_not_state_its_target_twice() -> None:
    text = (
        "Đại hội Đảng bộ thị xã lần thứ V đề ra 24 chỉ tiêu, trong đó thu nhập bình quân đầu người "
        "đạt 110 triệu đồng vào năm 2030.\n\n"
        "Sáng 9/9, đại hội bế mạc sau hai ngày làm việc.\n\n"
        "Đại hội đề ra 24 chỉ tiêu, trong đó thu nhập bình quân đầu người đạt 110 triệu đồng vào năm "
        "2030; tỷ lệ đô thị hóa trên 55%.\n"
    )
    assert _targets(text) == [("eq", 110, None, "triệu đồng"), ("gt", 55, None, "%")]


def test_a_report_page_still_states_the_aim_it_opens_with() -> None:
    text = (
        "Sáng 12/8, Đảng bộ xã Hòa Bình khai mạc đại hội nhiệm kỳ 2025 - 2030.\n\n"
        "Phấn đấu đến năm 2030 tỷ lệ hộ dùng nước sạch đạt 98%\n\n"
        "Các đại biểu biểu quyết thông qua nghị quyết.\n\n"
        "Nhiệm kỳ qua, tốc độ tăng giá trị sản xuất đạt 8,1%/năm; thu ngân sách đạt 180% kế hoạch. "
        "Thu nhập bình quân đầu người năm 2025 đạt 58 triệu đồng, vượt mục tiêu nghị quyết.\n\n"
        "Tổng thu ngân sách 5 năm ước đạt 21 tỷ đồng, đạt 120% kế hoạch.\n\n"
        "Toàn xã đã kết nạp được 64 đảng viên mới, đạt 106% chỉ tiêu nghị quyết.\n"
    )
    assert _targets(text) == [("eq", 98, None, "%")]


def test_a_tally_word_under_an_aim_opens_a_targets_list() -> None:
    text = (
        "Năm 2031, xã đã hoàn thành 14/15 chỉ tiêu; thu ngân sách ước đạt 12 tỷ đồng, bằng 120% dự toán.\n\n"
        "Năm 2032, xã phấn đấu hoàn thành các chỉ tiêu: thu ngân sách đạt 13,5 tỷ đồng; "
        "tỷ lệ hộ nghèo giảm còn 1,2%; tỷ lệ trẻ em được tiêm chủng đạt trên 98%.\n"
    )
    assert _targets(text) == [("eq", 13.5, None, "tỷ đồng"), ("eq", 1.2, None, "%"), ("gt", 98, None, "%")]


def test_a_duoc_that_an_aim_governs_is_no_result_mark() -> None:
    assert cues.achieved("Trong nhiệm kỳ, xã đã xây dựng được 4 xóm đạt chuẩn văn hóa")
    assert not cues.achieved("Nhiệm kỳ tới, Đảng bộ phấn đấu xây dựng được 4 đến 5 xóm đạt chuẩn văn hóa")
    text = (
        "Đại hội Đảng bộ xã Tân Lập lần thứ XII\n\n"
        "Nhiệm kỳ qua, thu nhập bình quân đầu người ước đạt 41 triệu đồng, vượt kế hoạch 5%; toàn xã có "
        "thêm 3 xóm đạt chuẩn nông thôn mới, đường giao thông nông thôn được cứng hóa phần lớn.\n\n"
        "Trong nhiệm kỳ tới, Đảng bộ xã tiếp tục phấn đấu nâng cao chất lượng các tiêu chí nông thôn mới, "
        "xây dựng được 4 đến 5 xóm đạt chuẩn văn hóa; thu nhập bình quân đầu người đạt 60 triệu đồng.\n"
    )
    assert _targets(text) == [("range", 4, 5, "xóm"), ("eq", 60, None, "triệu đồng")]


def test_an_aim_with_its_horizon_opening_the_sentence_is_a_lead() -> None:
    text = "Mục tiêu đến năm 2033, huyện có 70 trang trại; tổng thu từ dịch vụ đạt 900 tỷ đồng.\n"
    assert _targets(text) == [("eq", 70, None, "trang trại"), ("eq", 900, None, "tỷ đồng")]
    assert extract_text(text).indicators[0].text.startswith("huyện có")


def test_a_sentence_telling_how_the_targets_went_opens_results_not_targets() -> None:
    # A report page: the lead names the targets only to say they were met, and each clause
    # measures itself against the plan ("vượt …% dự toán", "bằng …% kế hoạch").
    text = (
        "Các chỉ tiêu kinh tế chủ yếu cơ bản đạt và vượt kế hoạch đề ra. Tổng thu ngân sách trên "
        "địa bàn đạt 190,5 tỷ đồng, vượt 412,3% dự toán giao; kim ngạch xuất khẩu đạt 120,4 tỷ đồng, "
        "bằng 107% kế hoạch; doanh thu dịch vụ đạt trên 3.900 tỷ đồng, vượt trên 100% kế hoạch.\n"
    )
    out = extract_text(text)
    assert out.indicators == []
    assert {(r.value, r.unit) for r in out.results} >= {(190.5, "tỷ đồng"), (412.3, "%"), (107, "%")}


def test_a_lead_that_aims_to_meet_the_plan_still_opens_targets() -> None:
    assert cues.find_lead("Phấn đấu các chỉ tiêu đều đạt và vượt kế hoạch như sau:") is not None
    assert cues.find_lead("Các chỉ tiêu chủ yếu cơ bản đạt và vượt kế hoạch đề ra.") is None


def test_glued_floor_area_unit_stays_whole() -> None:
    text = (
        "Các chỉ tiêu năm 2026: diện tích nhà ở bình quân đạt 28m2sàn/người; "
        "nhà ở đô thị 32 m2 sàn/người.\n"
    )
    assert _targets(text) == [("eq", 28, None, "m2sàn/người"), ("eq", 32, None, "m2 sàn/người")]


def test_paragraphs_after_an_aim_state_targets_until_something_is_reported() -> None:
    text = (
        "Cụ thể, đối với giáo dục mầm non, phấn đấu có 99% trẻ em mẫu giáo được học 2 buổi/ngày.\n\n"
        "Đối với giáo dục phổ thông, duy trì vững chắc kết quả phổ cập giáo dục; 70% các tỉnh đạt chuẩn "
        "phổ cập giáo dục tiểu học mức độ 3.\n\n"
        "Tỷ lệ đi học đúng độ tuổi cấp tiểu học đạt 99,5%, cấp trung học cơ sở đạt 96%.\n\n"
        "Năm 2024, tỷ lệ hoàn thành cấp tiểu học đã đạt 98%.\n\n"
        "Tỷ lệ học sinh đi học bằng xe đạp đạt 40%.\n"
    )
    values = [t.value for ind in extract_text(text).indicators for t in ind.targets]
    # The run stops at the report ("đã đạt"): what follows it is not the plan's.
    assert 99 in values and 70 in values and 99.5 in values and 96 in values
    assert 98 not in values and 40 not in values


def test_a_headline_or_caption_does_not_carry_an_aim_into_a_description() -> None:
    text = (
        "Phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 95 triệu đồng\n\n"
        "Đại hội thực hiện nghi thức chào cờ. Ảnh: Minh Anh\n\n"
        "Xã có diện tích tự nhiên 98 km2, dân số 20.100 người, với 35 tổ chức đảng, 640 đảng viên.\n"
    )
    values = [t.value for ind in extract_text(text).indicators for t in ind.targets]
    assert 98 not in values and 640 not in values


def test_a_statement_printed_twice_is_one_indicator() -> None:
    sentence = (
        "Năm 2020, Chính phủ đặt mục tiêu tỷ lệ dân số tham gia BHYT đạt 90,7%; "
        "số giường bệnh đạt 28 giường bệnh."
    )
    text = f"{sentence}\n\nĐây là một trong những mục tiêu chủ yếu của kế hoạch.\n\nTheo đó, {sentence}\n"
    assert _targets(text) == [("eq", 90.7, None, "%"), ("eq", 28, None, "giường bệnh")]


def test_tasks_a_page_sets_out_with_figures_are_the_years_targets() -> None:
    text = (
        "Năm 2020, 14/17 nhóm chỉ tiêu đạt và vượt kế hoạch; tổng thu ngân sách vượt 18,7% kế hoạch giao.\n\n"
        "Nhiệm vụ trọng tâm được huyện đặt ra trong năm 2021 là thu nhập bình quân đầu người đạt trên "
        "30 triệu đồng; trồng mới 450 ha rừng; thu hút trên 120.000 lượt khách.\n"
    )
    assert _targets(text) == [
        ("gt", 30, None, "triệu đồng"), ("eq", 450, None, "ha"), ("gt", 120000, None, "lượt khách")
    ]


def test_money_set_aside_and_names_inside_a_target_are_no_targets() -> None:
    text = (
        "Chương trình đặt mục tiêu, phấn đấu có ít nhất 80% số xã đạt chuẩn nông thôn mới và không còn xã "
        "dưới 15 tiêu chí; 100% học sinh tiểu học được học 2 buổi/ngày. Tổng nguồn vốn ngân sách trung "
        "ương bố trí cho chương trình trong giai đoạn 2021-2025 là 39.632 tỷ đồng.\n"
    )
    assert _targets(text) == [("gte", 80, None, "%"), ("eq", 100, None, "%")]


def test_a_past_mark_outside_the_figures_clause_does_not_make_a_result() -> None:
    text = (
        "Theo đó, đặt mục tiêu cụ thể đến năm 2030:\n"
        "- Phấn đấu có ít nhất 85% số xã đạt chuẩn nông thôn mới; tiếp tục xây dựng nông thôn mới đối với "
        "các xã đã được công nhận đạt chuẩn; mỗi tỉnh có ít nhất 02 đơn vị cấp huyện đạt chuẩn.\n"
    )
    assert _targets(text) == [("gte", 85, None, "%"), ("gte", 2, None, "đơn vị cấp huyện")]


def test_an_index_without_unit_and_a_per_mille_rate_are_targets() -> None:
    text = (
        "Các chỉ tiêu chủ yếu đến năm 2030: chỉ số phát triển con người (HDI) đạt khoảng 0,8; "
        "mức giảm tỷ suất sinh thô bình quân hằng năm 0,02%o.\n"
    )
    assert _targets(text) == [("approx", 0.8, None, None), ("eq", 0.02, None, "%o")]


def test_a_portals_other_headlines_above_the_lead_are_not_the_plans() -> None:
    text = (
        "Tỉnh cần nguồn lực lớn để thực hiện đề án nông thôn mới\n"
        "Giáo viên 14 trường tại huyện bị truy thu hơn 12 tỷ đồng\n"
        "Tỉnh đề ra nhiều giải pháp, bảo đảm hoàn thành 100% xã đạt chuẩn nông thôn mới trong 6 tháng "
        "đầu năm 2031. Phấn đấu đến hết năm 2031 có 100% phường đạt chuẩn đô thị văn minh.\n"
    )
    assert _targets(text) == [("eq", 100, None, "%"), ("eq", 100, None, "%")]


def test_a_reports_aim_may_open_with_a_phrase_before_its_subject() -> None:
    text = (
        "Nhiệm kỳ 2026 - 2031, xã đã đạt được nhiều kết quả. Năm 2030, thu nhập bình quân đầu người đạt "
        "35 triệu đồng, tăng 10 triệu đồng so với năm 2025.\n\n"
        "Đến cuối năm 2030, tỷ lệ hộ nghèo còn 4,2%, giảm 10,5% so với đầu nhiệm kỳ.\n\n"
        "Theo mục tiêu đặt ra, địa phương phấn đấu đến cuối năm 2031 nâng thu nhập bình quân đầu người "
        "lên 52 triệu đồng, giảm tỷ lệ hộ nghèo xuống còn dưới 2%.\n"
    )
    assert _targets(text) == [("eq", 52, None, "triệu đồng"), ("lt", 2, None, "%")]


def test_words_after_a_listed_figure_describe_what_is_counted() -> None:
    text = (
        "* Các chỉ tiêu chủ yếu đến năm 2031:\n"
        "(1). Thu ngân sách tăng bình quân từ 3 - 5%/năm.\n"
        "(2). Tiếp tục bê tông hóa từ 08 đến 10 đường hẻm; duy tu từ 06 đến 08 đoạn đường (1,5 km) "
        "đã xuống cấp.\n"
        "(3). Tỷ lệ tăng dân số tự nhiên hằng năm 1,05%.\n"
    )
    values = [t.value for ind in extract_text(text).indicators for t in ind.targets]
    assert 8 in values and 6 in values and 1.05 in values


def test_a_plan_adopted_above_a_photo_is_told_on_after_its_caption() -> None:
    text = (
        "Du lịch tỉnh hướng tới chuyển đổi số\n\n"
        "Ngày 5/4, Chủ tịch UBND tỉnh ký ban hành \"Kế hoạch phát triển du lịch đến năm 2027, định hướng "
        "đến năm 2035\", với những chỉ số chính.\n\n"
        "Du khách tham quan khu di tích. - Ảnh: Minh Anh\n\n"
        "|\n\n"
        "Theo đó, 60% khu du lịch được kết nối mạng 5G. 100% điểm di tích có bản đồ số phục vụ du khách.\n\n"
    )
    inds = extract_text(text).indicators
    assert [(t.value, t.unit, t.year) for i in inds for t in i.targets] == [(60, "%", 2027), (100, "%", 2027)]


def test_a_plan_adopted_then_prose_tells_nothing_after_it() -> None:
    text = (
        "Du lịch tỉnh hướng tới chuyển đổi số\n\n"
        "Ngày 5/4, Chủ tịch UBND tỉnh ký ban hành Kế hoạch phát triển du lịch đến năm 2027.\n\n"
        "|\n\n"
        "Tại buổi làm việc, lãnh đạo các sở đã trao đổi nhiều ý kiến về những khó khăn của ngành du lịch.\n\n"
        "|\n\n"
        "Theo đó, 60% khu du lịch được kết nối mạng 5G.\n\n"
    )
    assert _targets(text) == []


def test_a_purpose_in_brackets_keeps_the_items_metric() -> None:
    text = (
        "CÁC CHỈ TIÊU CHỦ YẾU\n"
        "- Tỷ lệ hộ dùng điện an toàn tăng từ 2% trở lên (để đạt 97% trở lên)\n"
    )
    metrics = [t.metric for i in extract_text(text).indicators for t in i.targets]
    assert metrics == ["Tỷ lệ hộ dùng điện an toàn", "Tỷ lệ hộ dùng điện an toàn"]


def test_style_debris_of_a_copied_page_states_no_figure() -> None:
    text = (
        "(Báo Tỉnh) - Phấn đấu đến hết năm 2027 toàn tỉnh có 40% số xã đạt chuẩn nông thôn mới nâng cao.\n"
        '0cm;text-align:justify;line-height:150%">\n'
        '0cm;text-align:justify;line-height:150%"> 0cm;margin-bottom:6.0pt;line-height:150%">\n'
        "undefined\n"
    )
    assert _targets(text) == [("eq", 40, None, "%")]


def test_criteria_that_say_which_communes_are_counted_are_no_target() -> None:
    text = (
        "Phấn đấu đến hết năm 2027 tỷ lệ số xã đạt dưới 12 tiêu chí còn khoảng 10%, giảm số xã đạt dưới "
        "8 tiêu chí xuống 40 xã.\n"
    )
    assert _targets(text) == [("approx", 10, None, "%"), ("eq", 40, None, "xã")]


def test_a_headline_rounding_the_bodys_figure_restates_it() -> None:
    text = (
        "Xã Tân Lập phấn đấu thu ngân sách hơn 45 tỷ đồng\n\n"
        "Xã Tân Lập phấn đấu tổng thu ngân sách đạt 45,6 tỷ đồng trong năm tới.\n\n"
        "Kỳ họp đã thông qua Nghị quyết về nhiệm vụ năm 2027. Theo đó, xã Tân Lập phấn đấu tổng thu ngân "
        "sách đạt 45,6 tỷ đồng; tỷ lệ hộ gia đình văn hóa đạt 90%.\n"
    )
    assert _targets(text) == [("eq", 45.6, None, "tỷ đồng"), ("eq", 90, None, "%")]


def test_the_aims_set_out_open_the_list_below() -> None:
    text = (
        "Theo đó, mục tiêu đặt ra là:\n\n"
        "- Trên 90% người cao tuổi trên địa bàn được khám sức khỏe định kỳ.\n\n"
        "- Bảo đảm an toàn; sử dụng 100% kinh phí được cấp đúng mục đích.\n"
    )
    assert _targets(text) == [("gt", 90, None, "%"), ("eq", 100, None, "%")]


def test_a_plan_that_will_strive_states_targets_and_its_projected_overshoot_none() -> None:
    text = (
        "Lộ trình đến năm 2027, ở bậc trung học sẽ phấn đấu đạt 40/60 trường đạt chuẩn quốc gia, đạt 66,7% "
        "(dự kiến vượt 6,7% so với kế hoạch, trong đó có 5 trường đạt chuẩn mức độ 2).\n"
    )
    out = [t for ind in extract_text(text).indicators for t in ind.targets]
    assert [(t.value, t.unit) for t in out] == [(40, "trường"), (66.7, "%"), (5, "trường")]
    assert out[1].metric.startswith("Tỷ lệ trường")
