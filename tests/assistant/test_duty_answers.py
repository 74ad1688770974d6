"""What a unit must do, what is asked about a subject: the task's own sentence, quoted and cited."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.question import parse
from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_what_must_a_unit_do_is_a_duty_question() -> None:
    assert parse("đoàn thanh niên phải làm những gì").kind == "duty"
    assert parse("so tai chinh co nhiem vu gi").kind == "duty"
    assert parse("ai chủ trì nhiệm vụ chuyển đổi số").kind == "lead"


def test_a_units_duty_is_the_sentence_it_opens_and_the_title_names_the_document(
        db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "001")  # "5. Ủy ban Mặt trận Tổ quốc ... xây dựng kế hoạch ..."
    answer = ask(db, settings, "Ủy ban Mặt trận Tổ quốc và các đoàn thể tỉnh có nhiệm vụ gì "
                               "theo chương trình hành động")
    assert answer.found, answer
    assert "phong trào thi đua yêu nước" in answer.answer
    assert {(name, 961), (name, 963)} <= {(c.doc, c.line) for c in answer.citations}


def test_a_subject_without_marks_finds_the_task_sentence_naming_it(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")
    answer = ask(db, settings, "can lam gi voi festival hoa da lat")
    assert answer.found, answer
    assert "Festival Hoa Đà Lạt lần thứ X" in answer.answer
    assert (name, 436) in {(c.doc, c.line) for c in answer.citations}


def test_a_duty_prefers_a_task_to_an_indicator_naming_the_same_unit(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "002")  # "(17) Đoàn Thanh niên UBND tỉnh xếp loại hoàn thành tốt nhiệm vụ"
    answer = ask(db, settings, "đoàn thanh niên phải làm những gì")
    assert answer.found, answer
    assert "xếp loại" not in answer.answer


def test_a_subject_the_documents_never_name_is_not_found(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "000", "002")
    assert not ask(db, settings, "can lam gi voi san bay Long Thanh").found


def test_a_unit_the_documents_never_assign_is_not_found(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "002")  # health tasks say "y tế", no task is the Sở Y tế's
    assert not ask(db, settings, "so y te phai lam nhung gi theo nghi quyet").found


def test_a_reference_no_document_holds_or_cites_is_not_found(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "001", "004")  # 01-CTr/TU is held; 26-NQ/TU is cited by 004
    assert not ask(db, settings, "chuong trinh hanh dong 07-CTr/TU co nhiem vu gi").found
    answer = ask(db, settings, "theo nghị quyết 26-NQ/TU cần làm gì")
    assert answer.found and "26-NQ/TU" in answer.answer, answer


def test_a_subject_question_reads_either_spelling_and_what_kind_of_thing_is_asked(
        db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002", "000")[:1]  # "đảm bảo nguyên tắc “Một hệ thống ..."
    answer = ask(db, settings, "cơ sở dữ liệu quốc gia phải bảo đảm nguyên tắc gì")
    assert answer.found and "Một dữ liệu duy nhất" in answer.answer, answer
    assert (name, 508) in {(c.doc, c.line) for c in answer.citations}
    answer = ask(db, settings, "phat trien dang vien moi chu trong nhung doi tuong nao")
    assert answer.found and "sinh viên" in answer.answer, answer


def test_a_duty_asked_of_a_document_type_reads_that_type(db: Session, settings: Settings) -> None:
    (_, notice) = import_seeds(db, settings, "003", "004")  # 003 cites "Kết luận số 21-KL/TW"
    answer = ask(db, settings, "thong bao ket luan yeu cau gi ve nguon nuoc")
    assert answer.found and "đủ nguồn nước cho sinh hoạt" in answer.answer, answer
    assert {c.doc for c in answer.citations} == {notice}
