"""The assistant's own question set over the five seeds: right share, citations, no invented figure."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from nghiquyet.assistant.evaluate import load, score
from nghiquyet.assistant.service import ask
from nghiquyet.config import Settings
from nghiquyet.demo import seeds_dir
from nghiquyet.documents.service import import_document
from nghiquyet.units.permissions import Actor

HERE = Path(__file__).parent
# Measured floor (the goal is 0.90): raise it as answers improve, never lower it.
RIGHT_FLOOR = 0.93
# The fresh set, written from the seeds in other words than the dev set (its sealed holdout,
# questions_fresh_holdout.json, is scored once by benchmarks/assistant.py --sealed, not here).
FRESH_FLOOR = 0.95
# The new set (typos, status, signers, refusals; its sealed holdout questions_new_holdout.json is
# scored once by benchmarks/assistant.py --new-sealed, not here).
NEW_FLOOR = 0.98


def _import_seeds(db: Session, settings: Settings) -> None:
    from nghiquyet.commands.common import SYSTEM_ACTOR
    actor: Actor = SYSTEM_ACTOR
    for path in sorted(Path(seeds_dir()).glob("*.txt")):
        import_document(db, filename=path.name, data=path.read_bytes(), actor=actor, settings=settings)
    db.flush()


def test_question_set_right_cited_and_nothing_invented(db: Session, settings: Settings) -> None:
    _import_seeds(db, settings)
    items = load(HERE / "questions.json")
    assert len(items) + len(load(HERE / "questions_holdout.json")) >= 150
    result = score(items, lambda q: ask(db, settings, q))
    assert result.invented == 0
    assert result.cited == result.found
    assert result.right_share >= RIGHT_FLOOR, result.wrong


def test_fresh_question_set_right_cited_and_nothing_invented(db: Session, settings: Settings) -> None:
    _import_seeds(db, settings)
    items = load(HERE / "questions_fresh.json")
    assert len(items) + len(load(HERE / "questions_fresh_holdout.json")) >= 80
    result = score(items, lambda q: ask(db, settings, q))
    assert result.invented == 0
    assert result.cited == result.found
    assert result.right_share >= FRESH_FLOOR, result.wrong


def test_new_question_set_right_cited_and_nothing_invented(db: Session, settings: Settings) -> None:
    _import_seeds(db, settings)
    items = load(HERE / "questions_new.json")
    assert len(items) >= 50 and len(load(HERE / "questions_new_holdout.json")) >= 20
    result = score(items, lambda q: ask(db, settings, q))
    assert result.invented == 0
    assert result.cited == result.found
    assert result.right_share >= NEW_FLOOR, result.wrong
