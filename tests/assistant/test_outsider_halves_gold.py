"""The outsider sets split into a dev and a sealed half (OUTSIDER4.md, OUTSIDER5.md) are well-formed
gold, checked against the seeds alone.

Nothing here asks the assistant: these checks make sure a wrong score could only come from the
answers, never from the gold. Every cited line exists, is not blank and holds every expected figure
or name with its marks (the scorer folds both sides, so a string that is on the line with its marks
is found however it is folded); unanswerable items cite nothing; each half has its size, every kind
(bar those its one random split left out, named below) and a fifth unanswerable; and no question
repeats one of the other sets.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from nghiquyet.assistant.evaluate import load
from tests.assistant.gold import blind, cited_lines, seed_lines

HERE = Path(__file__).parent
# each set: its dev and sealed files, and the kinds its single seeded shuffle left out of a half
SETS: dict[str, tuple[tuple[str, str], dict[str, set[str]]]] = {
    "outsider4": (("questions_outsider4.json", "questions_outsider4_sealed.json"), {}),
    # random.Random(20261209) put all six deadline questions in the sealed half (OUTSIDER5.md)
    "outsider5": (("questions_outsider5.json", "questions_outsider5_sealed.json"),
                  {"questions_outsider5.json": {"deadline"}}),
}
KINDS = {"value", "compare", "lead", "duty", "deadline", "date", "signer", "issuer", "number", "theme",
         "count", "status", "projects", "result", "subject", "not_found"}
HALVES = {name: load(HERE / name) for files, _ in SETS.values() for name in files}
LEFT_OUT = {name: kinds for _, left in SETS.values() for name, kinds in left.items()}
ITEMS = {key: [item for name in files for item in HALVES[name]] for key, (files, _) in SETS.items()}
ALL = [item for items in ITEMS.values() for item in items]


def _marked(text: str) -> str:
    """Lowercase with the marks kept, curly quotes off, one space: stricter than the scorer's fold."""
    text = unicodedata.normalize("NFC", text).lower().replace("“", "").replace("”", "")
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(HALVES))
def test_each_half_has_its_size_every_kind_and_a_fifth_unanswerable(name: str) -> None:
    items = HALVES[name]
    assert len(items) == 60
    assert {item["kind"] for item in items} == KINDS - LEFT_OUT.get(name, set())
    refused = sum(not item["found"] for item in items)
    assert 0.15 <= refused / len(items) <= 0.25


@pytest.mark.parametrize("key", sorted(SETS))
def test_each_set_has_every_kind_and_at_least_twelve_typed_bare(key: str) -> None:
    """Bare: lowercase, no marks, no question mark, as a phone keyboard without Vietnamese input types."""
    assert {item["kind"] for item in ITEMS[key]} == KINDS
    bare = [q for q in (item["question"] for item in ITEMS[key])
            if q == q.lower() and "?" not in q and blind(q) == " ".join(q.split())]
    assert len(bare) >= 12


@pytest.mark.parametrize("item", [i for i in ALL if i["found"]], ids=lambda i: i["question"][:40])
def test_every_expected_string_is_on_the_lines_it_cites(item: dict[str, Any]) -> None:
    cited = cited_lines(item, seed_lines())
    text = _marked(" ".join(cited))
    for expected in item["expected"]:
        assert _marked(str(expected)) in text, (expected, item["question"])


def test_a_comparison_cites_two_sources() -> None:
    for item in ALL:
        if item["kind"] == "compare":
            assert item.get("also") and len(item["expected"]) >= 2, item["question"]


def test_unanswerable_items_expect_and_cite_nothing() -> None:
    for item in ALL:
        if not item["found"]:
            assert item["kind"] == "not_found"
            assert item["expected"] == [] and item["doc"] is None and item["lines"] == []
            assert "also" not in item


@pytest.mark.parametrize("key", sorted(SETS))
def test_no_question_is_repeated_or_borrowed_from_the_other_sets(key: str) -> None:
    files = SETS[key][0]
    mine = [blind(item["question"]) for item in ITEMS[key]]
    assert len(set(mine)) == len(mine)
    others = [p for p in HERE.glob("questions*.json") if p.name not in files]
    assert others
    theirs = {blind(item["question"]) for path in others for item in load(path)}
    assert not set(mine) & theirs, set(mine) & theirs
