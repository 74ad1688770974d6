"""List questions name the works of the sentence asked about, however the document writes the list."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.assistant.works import works_in
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_names_in_brackets_after_their_head_are_each_a_work() -> None:
    parks = works_in("hoàn thiện hạ tầng các khu công nghiệp trọng điểm (Sơn Mỹ 1, Sơn Mỹ 2, Tân Đức);")
    assert parks == ["Khu công nghiệp Sơn Mỹ 1", "Khu công nghiệp Sơn Mỹ 2", "Khu công nghiệp Tân Đức"]
    roads = works_in("các dự án trọng điểm: Cao tốc (Tân Phú - Bảo Lộc, Bảo Lộc - Liên Khương), đường sắt")
    assert roads[:2] == ["Cao tốc Tân Phú - Bảo Lộc", "Cao tốc Bảo Lộc - Liên Khương"]


def test_a_lower_case_word_between_head_and_name_is_kept() -> None:
    ports = works_in("nâng cấp, mở rộng Cảng hàng không quốc tế Liên Khương và Cảng hàng không Phan Thiết.")
    assert ports == ["Cảng hàng không quốc tế Liên Khương", "Cảng hàng không Phan Thiết"]


def test_the_works_of_the_sentence_asked_about_not_the_whole_task(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")
    answer = ask(db, settings, "kể tên các khu công nghiệp trọng điểm cần hoàn thiện hạ tầng năm 2026")
    assert answer.found, answer
    assert all(n in answer.answer for n in ("Sơn Mỹ 1", "Sơn Mỹ 2", "Tân Đức")), answer.answer
    assert "Phú Bình" not in answer.answer  # another sentence: the investor still to be called
    assert (name, 290) in {(c.doc, c.line) for c in answer.citations}


def test_which_airport_asks_for_a_list(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "002")
    answer = ask(db, settings, "cảng hàng không nào được nâng cấp, mở rộng năm 2026")
    assert answer.found, answer
    assert "Liên Khương" in answer.answer and "Phan Thiết" in answer.answer


def test_a_document_named_by_its_title_words_is_the_one_listed(db: Session, settings: Settings) -> None:
    _, bac_kan = import_seeds(db, settings, "001", "003")
    answer = ask(db, settings, "nghị quyết hội nghị lần thứ 14 đẩy nhanh tiến độ những dự án trọng điểm nào")
    assert answer.found, answer
    assert "Sân vận động tỉnh" in answer.answer and "Ba Bể" in answer.answer
    assert {c.doc for c in answer.citations} == {bac_kan}
