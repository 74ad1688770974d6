"""Phrasings office staff use for periods, dates and counts, and abbreviations they type, read as
the documents say them (asked through the real import and answer)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.normalise import words
from nghiquyet.assistant.question import parse
from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_the_first_three_months_are_the_first_quarter() -> None:
    q = parse("3 tháng đầu năm 2024 du lịch tăng bao nhiêu")
    assert (q.quarter, q.years, q.kind) == (1, (2024,), "result")
    assert "dau" not in q.content


def test_a_span_of_years_is_one_period_not_a_comparison() -> None:
    assert parse("tháng mấy năm 2024 công bố quy hoạch tỉnh thời kỳ 2021 - 2030").kind == "deadline"
    assert parse("thu ngân sách năm 2024 và năm 2026 khác nhau thế nào").kind == "compare"


def test_more_ways_to_ask_for_a_day_a_month_or_a_count() -> None:
    assert parse("hội nghị 14 họp vào hôm nào").kind == "date"
    assert parse("nghị quyết ký ngày mấy").kind == "date"
    assert parse("nghị quyết năm 2026 có tổng cộng mấy mục tiêu").kind == "count"


def test_typed_abbreviations_read_as_their_words() -> None:
    assert words("HTX") == ["hop", "tac", "xa"]
    assert words("CT MTQG") == ["chuong", "trinh", "muc", "tieu", "quoc", "gia"]
    assert words("hs THPT") == ["hoc", "sinh", "trung", "hoc", "pho", "thong"]


def test_three_months_of_a_year_find_the_first_quarter_result(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "004")  # "du lịch tăng trưởng mạnh, tăng 11% so cùng kỳ"
    answer = ask(db, settings, "3 thang dau nam 2024 du lich tang bao nhieu so voi cung ky")
    assert answer.found and "11%" in answer.answer, answer
    assert (name, 45) in {(c.doc, c.line) for c in answer.citations}


def test_a_month_asked_within_a_named_plan_period_is_a_deadline(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "004")
    answer = ask(db, settings, "tháng mấy năm 2024 tổ chức hội nghị công bố quy hoạch tỉnh thời kỳ "
                               "2021 - 2030 (tầm nhìn 2050)")
    assert answer.found and "4/2024" in answer.answer, answer
    assert (name, 227) in {(c.doc, c.line) for c in answer.citations}


def test_a_head_noun_with_a_word_after_it_asks_for_a_named_list(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "001")  # "... Hồ Đông Thanh, Hồ KaZam, Hồ Ta Hoét ..."
    assert parse("các hồ thủy lợi lớn nào được đầu tư").kind == "projects"
    answer = ask(db, settings, "các hồ thủy lợi lớn nào được đầu tư theo chương trình hành động")
    assert answer.found and all(n in answer.answer for n in ("Đông Thanh", "KaZam", "Ta Hoét")), answer


def test_a_count_of_a_noun_skips_targets_that_give_no_figure_of_it(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")  # a target "đạt chuẩn quốc gia 83,1%"; "03 Chương trình ..."
    answer = ask(db, settings, "năm 2024 lâm đồng thực hiện bao nhiêu chương trình mục tiêu quốc gia")
    assert answer.found and "03 Chương trình mục tiêu quốc gia" in answer.answer, answer
    assert (name, 448) in {(c.doc, c.line) for c in answer.citations}
    answer = ask(db, settings, "năm 2024 tỷ lệ dân số đô thị dùng nước sạch đạt bao nhiêu %")  # no noun
    assert answer.found and "78%" in answer.answer, answer


def test_a_conference_named_by_its_number_is_dated_by_its_resolution(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "003", "004")
    answer = ask(db, settings, "hội nghị lần thứ 14 của bắc kạn họp hôm nào")
    assert answer.found and "05/12/2023" in answer.answer, answer


def test_by_what_year_is_asked_as_a_deadline(db: Session, settings: Settings) -> None:
    assert parse("đến năm bao nhiêu lâm đồng trở thành tỉnh phát triển khá").kind == "deadline"
    import_seeds(db, settings, "002")  # "tạo nền tảng vững chắc để đến năm 2030 Lâm Đồng trở thành ..."
    answer = ask(db, settings, "đến năm bao nhiêu lâm đồng trở thành tỉnh phát triển khá")
    assert answer.found and "2030" in answer.answer, answer
