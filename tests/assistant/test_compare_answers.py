"""Comparisons: the same metric from each document, however each words it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_one_metric_worded_two_ways_is_compared_across_documents(db: Session, settings: Settings) -> None:
    lam_dong, bac_kan = import_seeds(db, settings, "000", "003")
    # "Tỷ lệ bảo hiểm y tế toàn dân 93,65%" and "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 97%".
    answer = ask(db, settings, "so sánh tỷ lệ tham gia bảo hiểm y tế giữa các nghị quyết năm 2024")
    assert answer.found, answer
    assert "93,65%" in answer.answer and "97%" in answer.answer
    assert {c.doc for c in answer.citations} == {lam_dong, bac_kan}


def test_two_places_named_are_compared_each_from_its_own_documents(db: Session, settings: Settings) -> None:
    lam_dong, bac_kan = import_seeds(db, settings, "000", "003")
    answer = ask(db, settings, "thu ngan sach nam 2024 bac kan va lam dong")
    assert answer.found, answer
    assert "1.010 tỷ đồng" in answer.answer and "14.150 tỷ đồng" in answer.answer
    assert {c.doc for c in answer.citations} == {lam_dong, bac_kan}
    assert not ask(db, settings, "thu ngân sách năm 2024 của lâm đồng và ninh thuận").found
