"""Goals said in words and spans of years: "trở thành gì" and "giai đoạn nào", with their lines."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_goal_in_words_is_the_sentence_naming_its_year(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "001")
    answer = ask(db, settings, "đến năm 2045 tỉnh lâm đồng phấn đấu trở thành gì")
    assert answer.found and "thành phố trực thuộc Trung ương" in answer.answer, answer
    assert (name, 66) in {(c.doc, c.line) for c in answer.citations}
    assert not ask(db, settings, "năm 2040 lâm đồng trở thành gì").found  # no sentence names 2040


def test_the_span_of_years_a_task_is_done_in(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "000")
    answer = ask(db, settings, "sáp nhập đơn vị hành chính cấp huyện, cấp xã thực hiện trong giai đoạn nào")
    assert answer.found and "giai đoạn 2023 - 2025" in answer.answer, answer
    assert {c.doc for c in answer.citations} == {name}
