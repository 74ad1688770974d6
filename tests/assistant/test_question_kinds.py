"""What a question asks, as office staff phrase it: the kind read from its wording (pure)."""

from __future__ import annotations

import pytest

from nghiquyet.assistant.question import parse


@pytest.mark.parametrize("text", [
    "ai phát động phong trào thi đua xung kích, tình nguyện, sáng tạo trong đoàn viên thanh niên",
    "ai cụ thể hóa nội dung KT-XH trong chương trình hành động bằng kế hoạch",
    "ai giao chỉ tiêu kế hoạch phát triển KT-XH và dự toán ngân sách năm 2026",
    "việc rà soát cán bộ do ai thực hiện",
])
def test_a_question_about_who_does_something_asks_for_the_lead(text: str) -> None:
    assert parse(text).kind == "lead"


@pytest.mark.parametrize(("text", "kind"), [
    ("ai ký nghị quyết năm 2026", "signer"),
    ("ai là người ký thông báo kết luận", "signer"),
    ("ai ban hành chương trình hành động", "issuer"),
])
def test_signer_and_issuer_questions_keep_their_kind(text: str, kind: str) -> None:
    assert parse(text).kind == kind


def test_so_may_at_the_end_asks_for_the_document_number() -> None:
    assert parse("chương trình hành động thực hiện nghị quyết đại hội XI số mấy").kind == "number"


@pytest.mark.parametrize("text", [
    "2025 hoàn thành được bao nhiêu chỉ tiêu trong số 19 chỉ tiêu",
    "năm 2025 bao nhiêu chỉ tiêu không về đích",
    "năm 2023 mấy chỉ tiêu chưa hoàn thành",
    "đạt bao nhiêu chỉ tiêu năm 2024",
])
def test_how_many_targets_were_met_or_missed_is_a_status_question(text: str) -> None:
    assert parse(text).kind == "status"


def test_a_count_of_targets_by_field_stays_a_count() -> None:
    assert parse("nghị quyết 2026 có bao nhiêu chỉ tiêu KT-XH").kind == "count"


def test_words_for_the_answer_form_are_not_content() -> None:
    q = parse("chỉ tiêu kết nạp đảng viên mới năm 2026 là bao nhiêu phần trăm")
    assert "phan" not in q.content and "tram" not in q.content
    compare = parse("tăng trưởng GRDP đặt ra năm 2024 và 2026 chênh nhau thế nào")
    assert compare.kind == "compare"
    assert not {"chenh", "nhau"} & set(compare.content)


def test_a_word_typed_with_marks_is_not_dropped_as_its_folded_twin() -> None:
    planted = parse("diện tích trồng rừng mới năm 2024 bao nhiêu ha")  # trồng, not "trong" (in)
    assert {"trong", "rung", "moi"} <= set(planted.content)
    planning = parse("quy hoạch giao thông năm 2026")  # quy, not quý; giao thông, not giao (assign)
    assert {"quy", "hoach", "giao", "thong"} <= set(planning.content)
    assert "trong" not in parse("chỉ tiêu trong năm 2024 về rừng").content  # "trong" as typed: in
    assert "trong" not in parse("dien tich trong rung moi").content  # without marks: cannot tell


def test_an_abbreviation_with_a_hyphen_is_expanded_in_the_content() -> None:
    q = parse("nghị quyết 2026 có bao nhiêu chỉ tiêu KT-XH")
    assert {"kinh", "te", "xa", "hoi"} <= set(q.content)
    assert "kt" not in q.content


def test_what_a_figure_measures_is_soft_content() -> None:
    q = parse("diện tích trồng rừng mới năm 2024 bao nhiêu ha")
    assert set(q.soft) == {"dien", "tich"}


@pytest.mark.parametrize("text", [
    "chỉ tiêu về quốc phòng an ninh năm 2024 gồm những gì",
    "những chỉ tiêu nào về xây dựng Đảng năm 2026",
    "liệt kê các chỉ tiêu kinh tế xã hội năm 2024",
])
def test_asking_which_targets_lists_them_as_a_count_does(text: str) -> None:
    assert parse(text).kind == "count"


def test_giving_a_task_to_whom_asks_for_the_lead() -> None:
    q = parse("Tỉnh ủy Lâm Đồng giao ai chỉ đạo UBND tỉnh cụ thể hóa chương trình hành động")
    assert q.kind == "lead"


def test_the_number_of_a_documents_reference_is_content() -> None:
    q = parse("Quyết định 1528/QĐ-TTg về nội dung gì")
    assert "1528" in q.content and "1528 qd" in q.pairs
    assert "2024" not in parse("chỉ tiêu thu ngân sách năm 2024").content  # a year is not


@pytest.mark.parametrize(("text", "kind"), [
    ("ai là bí thư ký nghị quyết 2026", "signer"),
    ("đồng chí nào là bí thư ký văn bản", "signer"),
    ("ai chủ trì chuẩn bị kỹ nội dung hội nghị công bố quy hoạch", "lead"),  # kỹ: carefully
    ("ai tham mưu định kỳ hàng quý kiểm tra nghị quyết", "lead"),
])
def test_who_signs_is_told_from_ky_of_other_words(text: str, kind: str) -> None:
    assert parse(text).kind == kind


def test_greetings_thanks_and_who_asks_are_not_content() -> None:
    chatty = parse("Chào chị, anh ở phòng kế toán, trưởng phòng cần gấp: chỉ tiêu tỷ lệ che phủ rừng "
                   "năm 2030 là bao nhiêu vậy ạ? Cảm ơn chị nhiều")
    plain = parse("chỉ tiêu tỷ lệ che phủ rừng năm 2030 là bao nhiêu")
    assert chatty.content == plain.content
    assert chatty.years == (2030,)


@pytest.mark.parametrize(("typed", "meant"), [
    ("tỷ lệ che phủ rừng đạt bn %", "tỷ lệ che phủ rừng đạt bao nhiêu %"),
    ("mấy chỉ tiêu ko đạt năm 2030", "mấy chỉ tiêu không đạt năm 2030"),
])
def test_chat_shorthand_reads_as_the_words(typed: str, meant: str) -> None:
    assert parse(typed).folded == parse(meant).folded
    assert parse(typed).kind == parse(meant).kind


def test_a_child_is_still_content_in_tre_em() -> None:
    assert "em" in parse("trẻ em suy dinh dưỡng giảm còn bao nhiêu").content
