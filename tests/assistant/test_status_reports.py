"""Status questions over a document's own report: how many targets were missed, and which ones."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_which_targets_were_missed_quotes_the_report_naming_them(db: Session, settings: Settings) -> None:
    (name,) = import_seeds(db, settings, "003")
    answer = ask(db, settings, "chỉ tiêu nào không đạt năm 2023")
    assert answer.found, answer
    assert "05 chỉ tiêu không đạt" in answer.answer
    assert "Thu ngân sách Nhà nước" in answer.answer and "đảng viên kết nạp mới" in answer.answer
    assert {(c.doc, c.line) for c in answer.citations} == {(name, 12)}


def test_how_many_were_missed_gives_the_count_alone(db: Session, settings: Settings) -> None:
    import_seeds(db, settings, "003")
    answer = ask(db, settings, "năm 2023 có bao nhiêu chỉ tiêu không đạt")
    assert answer.found and "05 chỉ tiêu không đạt" in answer.answer, answer
    assert "Thu ngân sách" not in answer.answer
