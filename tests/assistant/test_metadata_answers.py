"""A document's metadata is answered only for the document the question names (type, year, number,
conference); a date of an event or of a cited document comes from the sentence that says it; a
motto of a year no document is themed for, from the sentence naming the year."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_number_or_conference_no_document_has_is_not_found(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "001", "003")
    assert not ask(db, settings, "ai ky chuong trinh hanh dong so 05-CTr/TU").found
    assert not ask(db, settings, "nghị quyết hội nghị lần thứ 16 ban hành ngày nào").found
    answer = ask(db, settings, "chương trình hành động số 01-CTr/TU ký ngày nào")
    assert answer.found and "15/01/2021" in answer.answer, answer
    answer = ask(db, settings, "nghi quyet hoi nghi lan thu 14 thong qua ngay nao")
    assert answer.found and "05/12/2023" in answer.answer, answer


def test_a_type_or_year_no_document_is_is_not_found(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "001", "002")  # a programme for 2021-2025, the 2026 resolution reviewing 2025
    assert not ask(db, settings, "ai ký nghị quyết năm 2025").found
    assert not ask(db, settings, "ai ky thong bao ket luan nam 2023").found
    answer = ask(db, settings, "ai ký chương trình hành động thực hiện nghị quyết đại hội XI")
    assert answer.found and "Trần Đức Quận" in answer.answer, answer


def test_of_two_documents_a_question_may_mean_the_one_holding_the_date_answers(
        db: Session, settings: Settings) -> None:
    _, name = import_seeds(db, settings, "000", "003")  # two 2024 resolutions; 000 read without a header
    answer = ask(db, settings, "nghị quyết về nhiệm vụ năm 2024 ban hành ngày nào")
    assert answer.found and "05/12/2023" in answer.answer, answer
    assert answer.citations[0].doc == name


def test_a_date_of_a_cited_document_comes_from_the_citing_sentence(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")  # "Chỉ thị số 50-CT/TW ngày 23/7/2025 của Ban Bí thư"
    answer = ask(db, settings, "Chỉ thị số 50-CT/TW của Ban Bí thư ban hành ngày nào")
    assert answer.found and "23/7/2025" in answer.answer, answer
    assert (name, 628) in {(c.doc, c.line) for c in answer.citations}
    assert not ask(db, settings, "chi thi 51-CT/TW ban hanh ngay nao").found
    assert not ask(db, settings, "ai ký chỉ thị 50-CT/TW").found


def test_an_event_without_a_day_in_the_documents_has_no_date(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "000")  # "tổ chức thành công Festival Hoa Đà Lạt lần thứ X, năm 2024"
    assert not ask(db, settings, "le hoi festival hoa da lat khai mac ngay nao").found


def test_a_motto_of_a_year_no_document_is_themed_for_is_read_from_its_sentence(
        db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")  # the 2024 resolution: "năm 2023 ... với phương châm “...”"
    answer = ask(db, settings, "phuong cham nam 2023 la gi")
    assert answer.found and "Quyết liệt, đồng bộ, đột phá" in answer.answer, answer
    assert (name, 9) in {(c.doc, c.line) for c in answer.citations}
    assert not ask(db, settings, "phương châm năm 2019 là gì").found


def test_a_cited_documents_number_is_read_with_its_issuer(db: Session, settings: Settings) -> None:
    # "theo Nghị quyết 08-NQ/TW của Bộ Chính trị (khóa XII) và Nghị quyết 07-NQ/TU của Tỉnh ủy"
    (name,) = import_seeds(db, settings, "001")
    asked = "về phát triển du lịch thành ngành kinh tế động lực số mấy"
    answer = ask(db, settings, f"nghị quyết của bộ chính trị {asked}")
    assert answer.found and answer.answer.startswith("Số hiệu: 08-NQ/TW"), answer
    assert (name, 155) in {(c.doc, c.line) for c in answer.citations}
    answer = ask(db, settings, f"nghi quyet cua tinh uy {asked}")
    assert answer.found and answer.answer.startswith("Số hiệu: 07-NQ/TU"), answer
    answer = ask(db, settings, "chương trình hành động thực hiện nghị quyết đại hội XI số mấy")
    assert answer.found and "01-CTr/TU" in answer.answer, answer  # the document's own number still
