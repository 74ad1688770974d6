"""Units written after a number ("tỷ đồng", "%/năm", "bác sĩ/vạn dân", "hợp tác xã"), from data/units.json."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from nghiquyet.extract.vocabulary.trie import trie_pattern

UnitKind = Literal["percent", "measure", "count", "magnitude"]


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found right after a number: `text` as written, where it ends, and what kind it is."""

    text: str
    end: int
    kind: UnitKind


def load_json(name: str) -> dict[str, Any]:
    """One vocabulary file from nghiquyet/extract/data."""
    raw = resources.files("nghiquyet.extract").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def alternation(words: Iterable[str]) -> str:
    """A case-blind regex alternation of phrases, longest first, any run of spaces matching a space.

    Longest first so "hợp tác xã" wins over "xã" and "triệu đồng/người" over "triệu đồng"; built
    as a trie, so a vocabulary of hundreds of phrases costs a few checks per position.
    For patterns compiled with `re.IGNORECASE`.
    """
    return trie_pattern(words, spaces=True, fold_case=True)


@dataclass(frozen=True, slots=True)
class _UnitVocabulary:
    pattern: re.Pattern[str]
    count: frozenset[str]
    measure: frozenset[str]


@cache
def _vocabulary() -> _UnitVocabulary:
    data = load_json("units.json")
    mag = alternation(data["magnitudes"])
    base = alternation(["%", *data["measure"], *data["count"]])
    per = alternation([*data["per"], *data["count"]])  # "tỷ đồng/doanh nghiệp", "lượt/hộ"
    # A unit ends where a word ends: "ha" must not eat the start of "hai", nor "xã" of "xã hội".
    pattern = re.compile(
        rf"[ \t]*(?P<unit>(?:(?P<mag>{mag})(?![^\W\d_])[ \t]*)*(?P<base>{base})?"
        rf"(?(base)(?:[ \t]*/[ \t]*(?:{per}))*))(?![^\W\d_])",
        re.IGNORECASE,
    )
    return _UnitVocabulary(
        pattern=pattern,
        count=frozenset(w.lower() for w in data["count"]),
        measure=frozenset(w.lower() for w in data["measure"]),
    )


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at `text[pos:]` (after optional spaces), or None when no known unit is there."""
    vocab = _vocabulary()
    m = vocab.pattern.match(text, pos)
    if not m or not m.group("unit").strip():
        return None
    # Runs of spaces as one space (split/join: the same white space as `\s`); a space beside "/"
    # stays as written ("%/ năm", "triệu đồng /ha"): the unit is the text's, not a normal form.
    unit = " ".join(m.group("unit").split())
    base = " ".join((m.group("base") or "").lower().split())
    kind: UnitKind
    if base == "%":
        kind = "percent"
    elif not base:
        kind = "magnitude"
    elif base in vocab.count and not m.group("mag"):
        kind = "count"
    else:
        kind = "measure"
    return UnitMatch(text=unit, end=m.end("unit"), kind=kind)


def is_count_unit(unit: str) -> bool:
    """True when the unit is a noun naming what is counted ("xã", "doanh nghiệp"), not a measure."""
    base = unit.split("/", 1)[0].strip().lower()
    return base in _vocabulary().count


def unit_kind(unit: str) -> UnitKind:
    """The kind of a unit written alone ("%" → percent, "xã" → count, "tỷ đồng" → measure)."""
    found = match_unit(f" {unit}", 0)
    return found.kind if found is not None else "measure"
