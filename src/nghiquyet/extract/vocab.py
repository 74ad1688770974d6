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
    by_first = _TABLES.get(key)
    if by_first is None:
        by_first = _TABLES[key] = _phrase_table(table)
    words = _WORD.findall(text.lower())
    scores = dict.fromkeys(table, 0)
    i, n = 0, len(words)
    while i < n:
        step = 1
        # Only phrases that start with this word are tried, longest first.
        for phrase, keys in by_first.get(words[i], ()):
            size = len(phrase)
            if tuple(words[i : i + size]) == phrase:
                for k in keys:
                    scores[k] += 1
                step = size
                break
        i += step
    return scores


_WORD = re.compile(r"\w+")
_Phrases = dict[str, list[tuple[tuple[str, ...], list[str]]]]
_TABLES: dict[tuple[tuple[str, int], ...], _Phrases] = {}


def _phrase_table(table: dict[str, list[str]]) -> _Phrases:
    """First word → (the phrase's words, the keys that own it), longest phrases first."""
    owner: dict[tuple[str, ...], list[str]] = {}
    for key, phrases in table.items():
        for phrase in phrases:
            owner.setdefault(tuple(_WORD.findall(phrase.lower())), []).append(key)
    by_first: _Phrases = {}
    for words, keys in sorted(owner.items(), key=lambda kv: -len(kv[0])):
        if words:
            by_first.setdefault(words[0], []).append((words, keys))
    return by_first
