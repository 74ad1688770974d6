"""Vocabulary kept as data (extract/data/*.json), loaded once per process."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from nghiquyet.extract.vocabulary.trie import trie_pattern


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed JSON object of `extract/data/<name>.json`."""
    text = resources.files("nghiquyet.extract").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{name}.json must hold an object")
    return data


def keyword_score(text: str, table: dict[str, list[str]]) -> dict[str, int]:
    """How many times each key's keywords occur in `text` (whole words, case and commas ignored).

    Read left to right; at each word the longest phrase starting there counts, and the words it
    covers start no other phrase.
    """
    # Keyword lists come from the cached vocabulary, so their identity names the table cheaply.
    key = (tuple(table), tuple(map(id, table.values())))
    found = _TABLES.get(key)
    if found is None:
        found = _TABLES[key] = _phrase_finder(table)
    pattern, owners = found
    scores = dict.fromkeys(table, 0)
    for m in pattern.finditer(text.lower()):
        for k in owners[" ".join(_WORD.findall(m.group()))]:
            scores[k] += 1
    return scores


_WORD = re.compile(r"\w+")
_TABLES: dict[tuple[tuple[str, ...], tuple[int, ...]], tuple[re.Pattern[str], dict[str, list[str]]]] = {}


def _phrase_finder(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One pattern for every phrase of the table (words apart by any non-word characters, as a
    trie so the longest phrase at a word is tried first) and the keys owning each phrase."""
    owners: dict[str, list[str]] = {}
    for key, phrases in table.items():
        for phrase in phrases:
            words = " ".join(_WORD.findall(phrase.lower()))
            if words:
                owners.setdefault(words, []).append(key)
    source = trie_pattern(owners).replace(r"\ ", r"\W+")
    # The word-start test goes first: in lower-case prose nearly every character could open a
    # phrase, so a scan for first letters saves nothing, and a failed look-behind is the cheapest
    # way past the middle of a word (1.8 times faster than testing after the first letter).
    return re.compile(r"(?<!\w)" + source + r"(?!\w)"), owners


@cache
def act_kinds(*, cited: bool = False) -> str:
    """A regular expression alternation of the kinds of act (data/acts.json): the plans, and with
    `cited` every kind a text may cite. Words are apart by any run of spaces (wrapped PDF text)."""
    data = load("acts")
    kinds = data["plans"] + (data["others"] if cited else [])
    return "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(kinds, key=len, reverse=True))
