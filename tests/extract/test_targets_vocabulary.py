"""The vocabulary files (extract/data/units.json, comparators.json, metrics.json) are valid."""

from __future__ import annotations

from typing import Any

import pytest

from nghiquyet.extract.figures.comparators import vocabulary
from nghiquyet.extract.figures.units import load_json, match_unit

COMPARATORS = {"eq", "gt", "gte", "lt", "lte", "approx", "range"}


def _phrases(value: Any) -> list[str]:
    return list(value) if isinstance(value, list | dict) else []


@pytest.mark.parametrize("name", ["units.json", "comparators.json", "metrics.json"])
def test_every_vocabulary_list_holds_clean_unique_phrases(name: str) -> None:
    data = load_json(name)
    for key, value in data.items():
        if key.startswith("_"):
            continue
        phrases = _phrases(value)
        assert phrases, f"{name}:{key} is empty"
        for p in phrases:
            assert isinstance(p, str) and p == p.strip() and "  " not in p, f"{name}:{key}: {p!r}"
        assert len(phrases) == len(set(phrases)), f"{name}:{key} has duplicates"


def test_comparator_words_map_to_known_comparators() -> None:
    data = load_json("comparators.json")
    for key in ("before", "after", "symbols"):
        assert set(data[key].values()) <= COMPARATORS, key
    assert set(data["change"].values()) <= {"increase", "decrease"}


def test_every_listed_unit_is_recognised_after_a_number() -> None:
    data = load_json("units.json")
    for unit in data["measure"] + data["count"]:
        found = match_unit(f" {unit} ", 0)
        assert found is not None and found.text.lower().startswith(unit.lower().split("/")[0]), unit


def test_a_unit_never_eats_the_start_of_a_longer_word() -> None:
    assert match_unit(" hai", 0) is None
    assert match_unit(" hàng", 0) is None


def test_vocabulary_is_loaded_once() -> None:
    assert vocabulary() is vocabulary()
