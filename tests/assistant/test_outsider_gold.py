"""The outsider's sealed question set is well-formed gold, checked against the seeds alone.

Nothing here asks the assistant: the set is scored once, at the end (OUTSIDER.md). These checks
make sure a wrong score could only come from the answers, never from the gold: every cited line
exists and holds every expected figure or name, unanswerable items cite nothing, and no question
is borrowed from the sets the assistant was tuned on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from nghiquyet.assistant.evaluate import load
from tests.assistant.gold import blind, cited_lines, seed_lines

HERE = Path(__file__).parent
OUTSIDER = HERE / "questions_outsider.json"
TUNED_ON = ("questions.json", "questions_holdout.json", "questions_fresh.json",
            "questions_fresh_holdout.json")
KINDS = {"value", "compare", "lead", "duty", "deadline", "date", "signer", "number", "theme", "count",
         "status", "projects", "result", "subject", "not_found"}








ITEMS = load(OUTSIDER)


def test_the_set_has_its_size_and_a_fifth_unanswerable() -> None:
    assert 40 <= len(ITEMS) <= 60
    refused = sum(not item["found"] for item in ITEMS)
    assert 0.15 <= refused / len(ITEMS) <= 0.25
    assert {item["kind"] for item in ITEMS} <= KINDS


@pytest.mark.parametrize("item", [i for i in ITEMS if i["found"]], ids=lambda i: i["question"][:40])
def test_every_expected_string_is_on_the_lines_it_cites(item: dict[str, Any]) -> None:
    cited = cited_lines(item, seed_lines())
    text = blind(" ".join(cited))
    for expected in item["expected"]:
        assert blind(str(expected)) in text, (expected, item["question"])


def test_unanswerable_items_expect_and_cite_nothing() -> None:
    for item in ITEMS:
        if not item["found"]:
            assert item["kind"] == "not_found"
            assert item["expected"] == [] and item["doc"] is None and item["lines"] == []
            assert "also" not in item


def test_no_question_is_repeated_or_borrowed_from_the_tuned_sets() -> None:
    mine = [blind(item["question"]) for item in ITEMS]
    assert len(set(mine)) == len(mine)
    theirs = {blind(item["question"]) for name in TUNED_ON for item in load(HERE / name)}
    assert not set(mine) & theirs
