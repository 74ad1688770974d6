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
    """How many times each key's keywords occur in `text` (whole words, case and commas ignored)."""
    # Keyword lists come from the cached vocabulary, so their identity names the table cheaply.
    key = tuple((k, id(v)) for k, v in table.items())
    compiled = _TABLES.get(key)
    if compiled is None:
        compiled = _TABLES[key] = _phrase_table(table)
    owner, longest = compiled
    words = _WORD.findall(text.lower())
    scores = dict.fromkeys(table, 0)
    # Longest phrase first at each word, then skip past it (no overlapping matches).
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            keys = owner.get(" ".join(words[i : i + n]))
            if keys:
                for k in keys:
                    scores[k] += 1
                i += n
                break
        else:
            i += 1
    return scores


_WORD = re.compile(r"\w+")
_TABLES: dict[tuple[tuple[str, int], ...], tuple[dict[str, list[str]], int]] = {}


def _phrase_table(table: dict[str, list[str]]) -> tuple[dict[str, list[str]], int]:
    """Each keyword as its words joined by one space → the keys that own it; the longest length."""
    owner: dict[str, list[str]] = {}
    for key, phrases in table.items():
        for phrase in phrases:
            owner.setdefault(" ".join(_WORD.findall(phrase.lower())), []).append(key)
    return owner, max((p.count(" ") + 1 for p in owner), default=1)
