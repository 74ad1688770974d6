"""A value from a sentence of a one-year document that names no year, and common folded syllables
said apart in the question ("lương ... vùng") that no passage says together are no answer."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_sentence_without_a_year_speaks_for_its_one_year_document(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "003")  # the 2024 resolution: "... suy dinh dưỡng ... dưới 15,8%"
    answer = ask(db, settings, "năm 2024 tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm xuống còn bao nhiêu")
    assert answer.found and "15,8%" in answer.answer, answer
    assert (name, 28) in {(c.doc, c.line) for c in answer.citations}
    assert not ask(db, settings, "tỷ lệ trẻ em suy dinh dưỡng năm 2026 là bao nhiêu").found


def test_common_syllables_said_apart_find_nothing(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "000", "003")
    assert not ask(db, settings, "muc luong toi thieu vung nam 2024 la bao nhieu").found
    answer = ask(db, settings, "GRDP năm 2024 tăng mấy %")  # a rare word ("GRDP") is enough on its own
    assert answer.found, answer


def test_a_how_much_answer_gives_a_figure_of_the_noun_counted(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")  # "dựa trên 03 trụ cột"; "Sơ kết 01 năm ... Chỉ thị số 50"
    answer = ask(db, settings, "nghị quyết 2026 xác định phát triển kinh tế dựa trên mấy trụ cột")
    assert answer.found and "03 trụ cột" in answer.answer, answer
    assert (name, 135) in {(c.doc, c.line) for c in answer.citations}
    assert not ask(db, settings, "sơ kết chỉ thị 50-CT/TW thì có bao nhiêu chi bộ đổi mới sinh hoạt").found


def test_a_sentence_with_only_the_questions_own_figures_is_no_amount(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "000")  # "tiếp tục thực hiện hiệu quả Kế hoạch trồng 50 triệu cây xanh"
    assert not ask(db, settings, "kế hoạch 50 triệu cây xanh tới giờ thực hiện bao nhiêu phần trăm").found


def test_words_a_word_apart_and_a_unit_after_its_figure_still_match(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "003")  # "Trồng rừng mới từ 3.485 ha trở lên."
    answer = ask(db, settings, "nam 2024 trong moi bao nhieu ha rung")
    assert answer.found and "3.485 ha" in answer.answer, answer
    assert [(c.doc, c.line) for c in answer.citations] == [(name, 21)]


def test_an_ordinal_asked_is_read_from_its_sentence_roman_or_not(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "002")  # "tổ chức thành công Đại hội Đảng bộ UBND tỉnh lần thứ I"
    answer = ask(db, settings, "dai hoi dang bo ubnd tinh lan thu may da to chuc thanh cong nam 2025")
    assert answer.found and "lần thứ I " in answer.answer, answer
    assert (name, 48) in {(c.doc, c.line) for c in answer.citations}
