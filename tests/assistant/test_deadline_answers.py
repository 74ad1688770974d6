"""Deadline questions: the time a task or one of the documents' own sentences sets for what is asked."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_goal_no_task_holds_is_answered_from_its_sentence(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "001")
    answer = ask(db, settings, "đến năm nào tỉnh tự cân đối được ngân sách")
    assert answer.found, answer
    assert answer.answer.startswith("Thời hạn: Đến năm 2030"), answer.answer
    assert (name, 64) in {(c.doc, c.line) for c in answer.citations}  # "tự cân đối được ngân sách"


def test_a_goal_sentence_in_another_document(db: Session, settings: Settings) -> None:
    _, name = import_seeds(db, settings, "001", "002")
    answer = ask(db, settings, "khi nào Lâm Đồng thành tỉnh phát triển khá có thu nhập trên mức trung bình "
                               "cả nước")
    assert answer.found, answer
    assert answer.answer.startswith("Thời hạn: đến năm 2030"), answer.answer
    assert {c.doc for c in answer.citations} == {name}


def test_the_vision_in_a_plans_name_is_not_its_deadline(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "004")
    answer = ask(db, settings, "hội nghị công bố quy hoạch tỉnh lâm đồng tổ chức khi nào")
    assert answer.found, answer
    assert answer.answer.startswith("Thời hạn: cuối tháng 4/2024"), answer.answer


def test_a_question_naming_a_task_heading_gets_that_tasks_deadline(db: Session, settings: Settings) -> None:
    _, name = import_seeds(db, settings, "001", "002")
    answer = ask(db, settings, "nhiệm vụ về công nghiệp phải hoàn thành khi nào")
    assert answer.found, answer
    assert answer.answer.startswith("Thời hạn: trong năm 2026"), answer.answer
    assert {c.doc for c in answer.citations} == {name}


def test_a_year_after_a_comma_is_the_time_of_the_event(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "000", "001")
    answer = ask(db, settings, "khi nào tổ chức Festival Hoa Đà Lạt lần thứ X")
    assert answer.found, answer
    assert answer.answer.startswith("Thời hạn: năm 2024"), answer.answer  # not a task barely matching


def test_how_often_is_read_from_the_sentence_giving_the_periods(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")  # "định kỳ hàng quý, 6 tháng, hàng năm tham mưu"
    answer = ask(db, settings, "các ban của tỉnh ủy bao lâu một lần tham mưu kiểm tra thực hiện nghị quyết")
    assert answer.found and "hàng quý, 6 tháng, hàng năm" in answer.answer, answer
    assert (name, 658) in {(c.doc, c.line) for c in answer.citations}
