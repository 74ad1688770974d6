"""Vocabulary kept as data (extract/data/*.json), loaded once per process."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed JSON object of `extract/data/<name>.json`."""
    text = resources.files("nghiquyet.extract").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.json must hold an object")
    return data


def keyword_score(text: str, table: dict[str, list[str]]) -> dict[str, int]:
    """How many times each key's keywords occur in `text` (lower-cased)."""
    low = text.lower()
    return {key: sum(low.count(w) for w in words) for key, words in table.items()}
