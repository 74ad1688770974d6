"""Vocabulary kept as data (extract/data/*.json), loaded once per process."""

from __future__ import annotations

import json
import re
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
    # Keyword lists come from the cached vocabulary, so their identity names the table cheaply.
    key = tuple((k, id(v)) for k, v in table.items())
    compiled = _TABLES.get(key)
    if compiled is None:
        compiled = _TABLES[key] = _table_pattern(table)
    pattern, owner = compiled
    scores = dict.fromkeys(table, 0)
    for m in pattern.finditer(text.lower()):
        for k in owner[m.group(0)]:
            scores[k] += 1
    return scores


_TABLES: dict[tuple[tuple[str, int], ...], tuple[re.Pattern[str], dict[str, list[str]]]] = {}


def _table_pattern(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One alternation for all keywords (longest first) and which keys own each keyword."""
    owner: dict[str, list[str]] = {}
    for key, words in table.items():
        for w in words:
            owner.setdefault(w.lower(), []).append(key)
    alternation = "|".join(re.escape(w) for w in sorted(owner, key=len, reverse=True))
    return re.compile(alternation or r"(?!)"), owner
