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
    key = (tuple(table), tuple(map(id, table.values())))
    by_first = _TABLES.get(key)
    if by_first is None:
        by_first = _TABLES[key] = _phrase_table(table)
    words = _WORD.findall(text.lower())
    scores = dict.fromkeys(table, 0)
    # Most words start no phrase: find the few that do in one comprehension, then match greedily
    # from left to right, longest phrase first, a match covering the words it spans.
    free = 0
    for i in [i for i, w in enumerate(words) if w in by_first]:
        if i < free:
            continue
        for phrase, keys in by_first[words[i]]:
            size = len(phrase)
            if size == 1 or tuple(words[i : i + size]) == phrase:
                for k in keys:
                    scores[k] += 1
                free = i + size
                break
    return scores


_WORD = re.compile(r"\w+")
_Phrases = dict[str, list[tuple[tuple[str, ...], list[str]]]]
_TABLES: dict[tuple[tuple[str, ...], tuple[int, ...]], _Phrases] = {}


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
