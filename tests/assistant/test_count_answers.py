"""Counting and listing targets of a field: from the document that has targets of that field."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from tests.assistant.helpers import import_seeds


def test_a_field_one_document_lacks_is_counted_in_one_that_has_it(db: Session, settings: Settings) -> None:
    _, bac_kan = import_seeds(db, settings, "000", "003")  # both for 2024; only 003 has defence targets
    answer = ask(db, settings, "năm 2024 có bao nhiêu chỉ tiêu về quốc phòng an ninh")
    assert answer.found, answer
    assert answer.answer.startswith("Có 2 chỉ tiêu về quốc phòng - an ninh"), answer.answer
    assert {c.doc for c in answer.citations} == {bac_kan}
    assert ".." not in answer.answer
