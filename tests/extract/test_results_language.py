"""Results told apart from targets by their language, in any layout (issue 9). Wording is made up
for these tests; each pair states a figure once as achieved and once as aimed at."""

from __future__ import annotations

from nghiquyet.extract.items.results import find_results


def _values(text: str, period: str | None = "2031") -> list[float]:
    return [r.value for r in find_results([(text, 1)], default_period=period)]


def test_estimate_and_share_of_plan_are_results() -> None:
    text = "Trong quý, doanh thu du lịch ước đạt 82,4 tỷ đồng, bằng 51% kế hoạch năm."
    assert _values(text) == [82.4, 51.0]


def test_a_targets_lead_makes_the_rest_of_the_paragraph_targets() -> None:
    text = "Năm 2032, xã đề ra 12 chỉ tiêu: thu nhập bình quân 70 triệu đồng; tỷ lệ hộ nghèo 1,5%."
    assert _values(text) == []


def test_a_targets_lead_carries_to_the_next_paragraphs_until_a_report() -> None:
    paras = [
        ("Các chỉ tiêu chủ yếu năm 2032 là:", 1),
        ("Giá trị sản xuất nông nghiệp 900 tỷ đồng.", 2),
        ("Kết quả năm 2031, giá trị sản xuất nông nghiệp ước đạt 850 tỷ đồng.", 3),
    ]
    assert [r.value for r in find_results(paras, default_period="2031")] == [850.0]


def test_report_lead_is_not_a_targets_lead() -> None:
    text = "Kết quả thực hiện các chỉ tiêu chủ yếu: thu ngân sách đạt 310 tỷ đồng."
    assert _values(text) == [310.0]


def test_floor_and_minimum_are_targets() -> None:
    assert _values("Tỷ lệ lao động qua đào tạo từ 75% trở lên.") == []
    assert _values("Tỷ trọng công nghiệp chế biến tối thiểu 30% GRDP.") == []


def test_horizon_after_the_reported_period_is_a_target() -> None:
    assert _values("Thu nhập bình quân đầu người đến năm 2035 là 150 triệu đồng.") == []
    # A report on the months gone names its own date: that is no horizon.
    assert _values("Đến tháng 6/2031, toàn huyện có 14 xã đạt chuẩn.", period="2031") == [14.0]


def test_the_last_year_of_a_span_is_no_figure() -> None:
    text = "HĐND huyện khóa XI, nhiệm kỳ 2031-2036 họp kỳ thứ 4; thu ngân sách ước đạt 95 tỷ đồng."
    assert _values(text) == [95.0]


def _metrics(text: str) -> list[tuple[str, float, str | None]]:
    return [(r.metric, r.value, r.unit) for r in find_results([(text, 1)], default_period="2031")]


def test_a_time_before_the_subject_names_the_period_not_the_figure() -> None:
    got = _metrics("Quý II năm 2031, có 120 hợp tác xã thành lập mới, tăng 4,5% so với cùng kỳ.")
    assert got == [("Số hợp tác xã thành lập mới", 120.0, "hợp tác xã"),
                   ("Số hợp tác xã thành lập mới", 4.5, "%")]


def test_a_clause_naming_only_a_time_borrows_the_subject_before_it() -> None:
    got = _metrics("Sản lượng điện thương phẩm tháng 5 ước tăng 3,1%; lũy kế 5 tháng ước tăng 6,2%, "
                   "nhiều ngành tăng khá.")
    assert [m for m, _, _ in got] == ["Sản lượng điện thương phẩm tháng 5",
                                      "Sản lượng điện thương phẩm tháng 5 lũy kế 5 tháng"]


def test_the_words_after_a_ratio_are_its_base() -> None:
    got = _metrics("Kim ngạch nhập khẩu ước đạt 12 triệu USD - gấp 1,8 lần kỳ đầu nhiệm kỳ.")
    assert got[1][1:] == (1.8, "lần")
    assert got[1][0].startswith("Kim ngạch nhập khẩu so với")


def test_the_owner_before_co_is_not_the_metric() -> None:
    assert _metrics("Hiện toàn huyện có 14 trường đạt chuẩn quốc gia.") == [
        ("Số trường đạt chuẩn quốc gia", 14.0, "trường")]


def test_criteria_that_describe_the_units_counted_are_no_result_of_their_own() -> None:
    assert [v for _, v, _ in _metrics("Đến nay có 9 thôn đạt 15/15 tiêu chí thôn văn hóa.")] == [9.0]
    # Without a count before it, the criteria are the result ("xã đạt 17/19 tiêu chí").
    assert [v for _, v, _ in _metrics("Năm qua, xã đạt 17/19 tiêu chí nông thôn mới.")] == [17.0]


def test_a_rank_is_a_result_without_unit() -> None:
    got = _metrics("Chỉ số năng lực cạnh tranh ước đạt 68 điểm, đứng thứ 12 cả nước và tăng 3 bậc.")
    assert ("Xếp hạng chỉ số năng lực cạnh tranh cả nước", 12.0, None) in got


def test_a_clause_said_twice_is_one_result() -> None:
    assert [v for _, v, _ in _metrics("Vốn huy động ước tăng 2,4%; vốn huy động ước tăng 2,4%.")] == [2.4]


def test_a_figure_a_headline_and_a_caption_repeat_is_one_result() -> None:
    paragraphs = [
        ("Đức Thịnh: Giá trị sản xuất 9 tháng ước đạt 6.420 tỷ đồng", 1),
        ("Giá trị sản xuất của huyện Đức Thịnh 9 tháng ước đạt 6.420 tỷ đồng, tăng 9,1%. "
         "Ngành dịch vụ tăng 9,1%.", 3),
        ("Giá trị sản xuất của huyện Đức Thịnh 9 tháng ước đạt 6.420 tỷ đồng.", 5),
    ]
    found = find_results(paragraphs, default_period="2031-9M")
    assert sorted((r.value, r.unit) for r in found) == [(9.1, "%"), (9.1, "%"), (6420, "tỷ đồng")]


def test_the_members_a_body_is_made_of_are_no_result() -> None:
    text = (
        "Đảng bộ phường có 912 đảng viên, sinh hoạt ở 31 chi bộ; Ban Chấp hành khóa mới gồm 19 đồng chí. "
        "Nhiệm kỳ qua, Đảng bộ kết nạp 58 đảng viên mới."
    )
    assert _values(text) == [58.0]


def test_a_bare_rate_word_measures_the_head_noun_before_it() -> None:
    got = _metrics("Khu vực dịch vụ tăng 5,1%, trong đó ngành vận tải đứng đầu với mức tăng trưởng 12,4%.")
    assert got[1] == ("Ngành vận tải", 12.4, "%")
    got = _metrics("Ngành chế biến gỗ đã lấy lại đà, tăng trưởng 3,2%.")
    assert got == [("Ngành chế biến gỗ", 3.2, "%")]


def test_a_rate_word_with_no_noun_before_it_borrows_the_subject_before() -> None:
    got = _metrics("Doanh thu bán lẻ đạt 900 tỷ đồng; mức tăng 8,8%.")
    assert got[1][1:] == (8.8, "%") and got[1][0].startswith("Doanh thu bán lẻ")


def test_a_comparison_with_an_earlier_level_keeps_the_subject_and_names_that_time() -> None:
    got = _metrics("Giá trị xuất khẩu tăng 9,3%, thấp hơn mức tăng 10,2% của năm 2030 và chưa đạt kịch bản.")
    assert got == [("Giá trị xuất khẩu", 9.3, "%"), ("Giá trị xuất khẩu của năm 2030", 10.2, "%")]


def test_members_a_party_body_counts_describe_it_unless_admitted() -> None:
    text = "Chi bộ hiện có 31 đảng viên; trong đó miễn sinh hoạt 4 đ/c, đảng viên dự bị 2 đ/c."
    assert _values(text) == []
    assert _values("Năm qua, chi bộ kết nạp được 3 đảng viên mới.") == [3.0]


def test_the_parts_a_plan_is_made_of_are_no_results() -> None:
    text = "Chương trình gồm 5 nhóm giải pháp và 3 khâu đột phá; thu ngân sách đạt 40 tỷ đồng."
    assert _values(text) == [40.0]


def test_a_total_after_a_lead_in_a_field_names_the_head_and_the_field() -> None:
    got = _metrics("Năm 2031, tỉnh Bắc Hòa đứng đầu vùng về xuất khẩu nông sản với tổng số 1.200 triệu USD")
    assert got == [("Tỉnh Bắc Hòa xuất khẩu nông sản", 1200.0, "triệu USD")]


def test_a_bracket_speaks_of_the_figure_just_before_it() -> None:
    got = _metrics("Dịch vụ chiếm 40% (tăng 1,5% so với năm 2030) và công nghiệp chiếm 35% (giảm 0,5%).")
    assert [m for m, _, _ in got] == ["Dịch vụ", "Dịch vụ", "Công nghiệp", "Công nghiệp"]


def test_a_sign_typed_twice_names_nothing() -> None:
    got = _metrics("Giá trị sản xuất ước đạt 310 tỷ đồng; tăng 7,5% %.")
    assert got[1] == ("Giá trị sản xuất", 7.5, "%")


def test_how_long_an_event_took_is_no_figure() -> None:
    text = "Trong 2 ngày (14 và 15-6), Đảng bộ xã tổ chức Đại hội; thu nhập đạt 70 triệu đồng."
    assert _values(text) == [70.0]


def test_a_report_naming_its_specific_targets_states_no_results_there() -> None:
    text = "Một số chỉ tiêu cụ thể như: thu ngân sách hằng năm tăng 10%, thu nhập đạt 50 triệu đồng."
    assert _values(text) == []


def test_a_compound_counted_noun_stays_whole() -> None:
    got = find_results([("Năm 2031, xã có 12/15 chỉ tiêu thành phần hoàn thành.", 1)], default_period="2031")
    assert [(r.value, r.unit, r.total) for r in got] == [(12.0, "chỉ tiêu thành phần", 15.0)]


def test_a_sentence_saying_the_targets_were_met_opens_no_targets_list() -> None:
    paras = [
        ("Các chỉ tiêu chủ yếu cơ bản đạt và vượt mục tiêu đề ra.", 1),
        ("Tổng thu ngân sách trên địa bàn đạt 14,2 tỷ đồng; tỷ lệ hộ nghèo giảm còn 3,1%.", 2),
    ]
    assert [r.value for r in find_results(paras, default_period="2030")] == [14.2, 3.1]


def test_figures_of_a_plans_tasks_part_are_not_achievements() -> None:
    paras = [
        ("Sửa đổi bổ sung nhiệm vụ, giải pháp tại khoản 3 Điều 2: (1) Duy trì diện tích lúa 15.000 ha, "
         "sản lượng ước đạt 90.100 tấn; tổng đàn heo tăng 4%.", 1),
        ("Năm 2031, tổng thu ngân sách ước đạt 210 tỷ đồng.", 2),
    ]
    assert [r.value for r in find_results(paras, default_period="2031")] == [210.0]


def test_where_a_rate_started_is_no_result() -> None:
    assert _values("Năm 2031, tỷ lệ hộ nghèo giảm từ 12,5% xuống còn 9,8%.") == [9.8]


def test_a_rank_out_of_a_total_a_scenario_and_a_meetings_reach() -> None:
    found = find_results([("Quý III năm 2031, GRDP tăng 7,1%, xếp vị trí thứ 21/34 tỉnh, thành phố; tiệm cận "
                           "kịch bản là 7,5-8%. Hội nghị được kết nối trực tuyến đến 120 xã, phường.", 1)],
                         default_period="2031")
    assert [(r.value, r.unit, r.total) for r in found] == [(7.1, "%", None), (21.0, None, 34.0)]


def test_counts_of_the_plans_targets_are_not_tallies_but_targets_met_beyond_the_plan_are() -> None:
    text = ("Trong tổng số 25 chỉ tiêu của xã đề ra, có 24 chỉ tiêu đạt, đã hoàn thành vượt mức kế hoạch "
            "11/25 chỉ tiêu.")
    assert _values(text) == [24.0, 11.0]


def test_so_far_reports_even_after_a_targets_lead() -> None:
    paras = [("Chương trình đặt mục tiêu có ít nhất 80% số xã đạt chuẩn. Đến nay, cả nước đã có "
              "5.900/8.100 xã đạt chuẩn nông thôn mới.", 1)]
    assert [r.value for r in find_results(paras, default_period="2031")] == [5900.0]


def test_what_a_place_is_made_of_is_no_result_but_what_became_of_it_is() -> None:
    assert _values("Năm 2031, thôn Tân Lập có 310 hộ, với 1.420 khẩu; có 25 hộ thoát nghèo.") == [25.0]
    assert _values("Trong 40 chỉ tiêu thành phần của Nghị quyết, có 38 chỉ tiêu thành phần đạt.") == [38.0]


def test_a_resolution_passed_with_its_count_of_targets_reports_nothing() -> None:
    assert _values("Đại hội đã biểu quyết thông qua Nghị quyết với 21 chỉ tiêu.") == []
