"""Answers that quote text wrapped over several lines cite every line a figure of theirs is on."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_duty_wrapped_over_lines_cites_the_line_its_figure_is_on(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")
    answer = ask(db, settings, "đơn vị nào định kỳ hàng quý tham mưu Tỉnh ủy kiểm tra việc thực hiện "
                               "Nghị quyết năm 2024")
    assert answer.found, answer
    assert "Văn phòng Tỉnh ủy" in answer.answer
    assert "6 tháng" in answer.answer  # on line 658, the line after the assignment's own
    assert {(c.doc, c.line) for c in answer.citations} >= {(name, 656), (name, 658)}


def test_a_deadline_split_over_two_lines_is_found_and_both_cited(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")
    answer = ask(db, settings, "đưa các dự án năng lượng tái tạo chuyển tiếp vận hành thương mại "
                               "trong năm nào")
    assert answer.found, answer
    assert "trong năm 2026" in answer.answer
    assert {(c.doc, c.line) for c in answer.citations} >= {(name, 306), (name, 308)}


def test_a_target_that_leaves_its_measure_unsaid_still_answers(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "003")
    # The target says "Trồng rừng mới từ 3.485 ha trở lên", no "diện tích".
    answer = ask(db, settings, "diện tích trồng rừng mới năm 2024 bao nhiêu ha")
    assert answer.found, answer
    assert "3.485" in answer.answer
    assert (name, 21) in {(c.doc, c.line) for c in answer.citations}


def test_a_target_asked_for_a_year_that_only_reports_results_is_not_found(db: Session,
                                                                           settings: Settings) -> None:
    import_seeds(db, settings, "002")  # the 2026 resolution: 2025 only as what was achieved
    assert not ask(db, settings, "chỉ tiêu thu ngân sách năm 2025 của lâm đồng là bao nhiêu").found
    achieved = ask(db, settings, "năm 2025 thu ngân sách đạt bao nhiêu so với dự toán")
    assert achieved.found and "20%" in achieved.answer, achieved


def test_a_value_only_a_tasks_sentence_gives_is_quoted_from_it(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")
    # No target says it: a task's sentence does ("hoàn thành 100% chỉ tiêu tuyển quân năm 2026").
    answer = ask(db, settings, "chỉ tiêu tuyển quân năm 2026")
    assert answer.found, answer
    assert "100% chỉ tiêu tuyển quân năm 2026" in answer.answer
    assert {(name, 547), (name, 549)} <= {(c.doc, c.line) for c in answer.citations}


def test_a_reference_number_picks_the_sentence_that_cites_it(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "001")  # 704/QĐ-TTg and 1528/QĐ-TTg are both cited
    answer = ask(db, settings, "Quyết định 1528/QĐ-TTg về nội dung gì")
    assert answer.found, answer
    assert "1528/QĐ-TTg" in answer.answer and "704" not in answer.answer
    assert (name, 366) in {(c.doc, c.line) for c in answer.citations}


def test_the_theme_of_a_year_comes_from_the_document_that_has_one(db: Session, settings: Settings) -> None:
    name, *_ = import_seeds(db, settings, "000", "003", "004")  # three documents for 2024, one theme
    answer = ask(db, settings, "chủ đề công tác năm 2024 của tỉnh là gì")
    assert answer.found, answer
    assert "Trách nhiệm - Nêu gương - Kỷ cương - Hiệu quả" in answer.answer
    assert {c.doc for c in answer.citations} == {name}
