"""The assistant's stored facts follow every write: import, review, delete (both databases)."""

from __future__ import annotations

import copy

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.assistant.models import AssistantDocument, AssistantPassage, AssistantTerm
from nghiquyet.assistant.service import ask
from nghiquyet.commands.common import SYSTEM_ACTOR
from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import import_document, save_review

TEXT = """TỈNH ỦY GIA LAI
Số 07-NQ/TU
NGHỊ QUYẾT
về phát triển kinh tế - xã hội năm 2025

1. Các chỉ tiêu chủ yếu năm 2025
- Tốc độ tăng trưởng kinh tế (GRDP) đạt 8,5%.
- Tỷ lệ che phủ rừng đạt 46%.
"""


def _import(db: Session, settings: Settings, text: str = TEXT, name: str = "nq07.txt") -> Document:
    doc = import_document(db, filename=name, data=text.encode(), actor=SYSTEM_ACTOR, settings=settings)
    db.flush()
    return doc


def _term(db: Session, word: str) -> int:
    return db.scalar(select(AssistantTerm.passages).where(AssistantTerm.word == word)) or 0


def test_import_stores_the_facts_and_the_answer_cites_its_line(db: Session, settings: Settings) -> None:
    doc = _import(db, settings)
    assert db.get(AssistantDocument, doc.id) is not None
    assert db.scalar(select(func.count()).select_from(AssistantPassage)) == _term(db, "") > 0
    answer = ask(db, settings, "ty le che phu rung nam 2025 la bao nhieu")
    assert answer.found, answer
    assert "46%" in answer.answer
    assert [(c.doc, c.line) for c in answer.citations] == [("nq07.txt", 8)]


def test_a_review_rewrites_the_facts(db: Session, settings: Settings) -> None:
    doc = _import(db, settings)
    before = _term(db, "rung")
    reviewed = copy.deepcopy(doc.extraction)
    reviewed["indicators"] = [i for i in reviewed["indicators"] if "rừng" not in i["text"]]
    save_review(db, document_id=doc.id, extraction=reviewed, actor=SYSTEM_ACTOR)
    assert _term(db, "rung") == before - 1
    assert not ask(db, settings, "ty le che phu rung nam 2025 la bao nhieu").found
    assert ask(db, settings, "toc do tang truong kinh te nam 2025 la bao nhieu").found


def test_deleting_a_document_removes_its_facts_and_word_counts(db: Session, settings: Settings) -> None:
    keep = _import(db, settings, TEXT.replace("GIA LAI", "KON TUM"), "nq08.txt")
    gone = _import(db, settings)
    counts = _term(db, ""), _term(db, "rung")
    db.delete(gone)
    db.flush()
    assert db.get(AssistantDocument, gone.id) is None
    assert db.scalar(select(func.count()).where(AssistantPassage.document_id == gone.id)) == 0
    left = db.scalar(select(func.count()).where(AssistantPassage.document_id == keep.id))
    assert (_term(db, ""), _term(db, "rung")) == (left, counts[1] - 1)
