"""The fourth outsider set (dev and sealed halves) is well-formed gold, checked against the seeds alone.

Nothing here asks the assistant (OUTSIDER4.md): these checks make sure a wrong score could only come
from the answers, never from the gold. Every cited line exists, is not blank and holds every
expected figure or name with its marks (the scorer folds both sides, so a string that is on the
line with its marks is found however it is folded); unanswerable items cite nothing; each half has
its size, every kind and a fifth unanswerable; and no question repeats one of the earlier sets.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from nghiquyet.assistant.evaluate import load
from tests.assistant.gold import blind, cited_lines, seed_lines

HERE = Path(__file__).parent
MINE = ("questions_outsider4.json", "questions_outsider4_sealed.json")
KINDS = {"value", "compare", "lead", "duty", "deadline", "date", "signer", "issuer", "number", "theme",
         "count", "status", "projects", "result", "subject", "not_found"}
SETS = {name: load(HERE / name) for name in MINE}
ITEMS = [item for items in SETS.values() for item in items]


def _marked(text: str) -> str:
    """Lowercase with the marks kept, curly quotes off, one space: stricter than the scorer's fold."""
    text = unicodedata.normalize("NFC", text).lower().replace("“", "").replace("”", "")
    return " ".join(text.split())


@pytest.mark.parametrize("name", MINE)
def test_each_half_has_its_size_every_kind_and_a_fifth_unanswerable(name: str) -> None:
    items = SETS[name]
    assert len(items) == 60
    assert {item["kind"] for item in items} == KINDS
    refused = sum(not item["found"] for item in items)
    assert 0.15 <= refused / len(items) <= 0.25


def test_at_least_twelve_are_typed_bare() -> None:
    """Lowercase, no marks, no question mark: as a phone keyboard without Vietnamese input types them."""
    bare = [q for q in (item["question"] for item in ITEMS)
            if q == q.lower() and "?" not in q and blind(q) == " ".join(q.split())]
    assert len(bare) >= 12


@pytest.mark.parametrize("item", [i for i in ITEMS if i["found"]], ids=lambda i: i["question"][:40])
def test_every_expected_string_is_on_the_lines_it_cites(item: dict[str, Any]) -> None:
    cited = cited_lines(item, seed_lines())
    text = _marked(" ".join(cited))
    for expected in item["expected"]:
        assert _marked(str(expected)) in text, (expected, item["question"])


def test_a_comparison_cites_two_sources() -> None:
    for item in ITEMS:
        if item["kind"] == "compare":
            assert item.get("also") and len(item["expected"]) >= 2, item["question"]


def test_unanswerable_items_expect_and_cite_nothing() -> None:
    for item in ITEMS:
        if not item["found"]:
            assert item["kind"] == "not_found"
            assert item["expected"] == [] and item["doc"] is None and item["lines"] == []
            assert "also" not in item


def test_no_question_is_repeated_or_borrowed_from_the_earlier_sets() -> None:
    mine = [blind(item["question"]) for item in ITEMS]
    assert len(set(mine)) == len(mine)
    earlier = [p for p in HERE.glob("questions*.json") if p.name not in MINE]
    assert earlier
    theirs = {blind(item["question"]) for path in earlier for item in load(path)}
    assert not set(mine) & theirs
