"""Comparator, change and filler words around a number ("khoảng trên", "từ ... trở lên", "giảm còn"), as data.

The words live in data/comparators.json; this module turns them into regexes once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nghiquyet.extract.units import load_json

# Averages may stand between a change verb and its number: "tăng bình quân 7%/năm".
_AVERAGE = r"bình\s+quân|trung\s+bình|hằng\s+năm|hàng\s+năm|mỗi\s+năm"


def _alt(words: list[str] | dict[str, str]) -> str:
    parts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def _key(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


@dataclass(frozen=True, slots=True)
class Prefix:
    """What the words right before a number say: comparator, change, level marker, and where they start."""

    comparator: str | None
    change: str | None
    level: bool
    start: int


@dataclass(frozen=True, slots=True)
class ComparatorVocabulary:
    before: dict[str, str]
    after: dict[str, str]
    change: dict[str, str]
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    joiner: re.Pattern[str]
    lead_filler: re.Pattern[str]
    tail_filler: re.Pattern[str]


@cache
def vocabulary() -> ComparatorVocabulary:
    """The comparator vocabulary, compiled once."""
    data = load_json("comparators.json")
    before = {_key(k): v for k, v in data["before"].items()}
    after = {_key(k): v for k, v in data["after"].items()}
    change = {_key(k): v for k, v in data["change"].items()}
    # "tăng" must not be read inside "tăng trưởng": growth is a rate's name, not a change verb.
    prefix = re.compile(
        rf"(?<![^\W_])(?:(?P<change>{_alt(change)})(?![^\W_])(?!\s+trưởng)\s*(?:(?:{_AVERAGE})\s+)?)?"
        rf"(?:(?P<level>{_alt(data['level'])})\s+)?"
        rf"(?:(?P<cmp>{_alt(before)})\s*)?\Z",
        re.IGNORECASE,
    )
    suffix = re.compile(rf"\s*(?P<cmp>{_alt(after)})(?![^\W_])", re.IGNORECASE)
    joiner = re.compile(rf"\s*(?:{_alt(data['range_joiners'])})\s*\Z", re.IGNORECASE)
    lead = re.compile(rf"^(?:[\s,;:.\-–—]|(?:{_alt(data['lead_filler'])})(?![^\W_]))+", re.IGNORECASE)
    tail = re.compile(rf"(?:[\s,;:.\-–—]|(?<![^\W_])(?:{_alt(data['tail_filler'])}))+\Z", re.IGNORECASE)
    return ComparatorVocabulary(
        before=before, after=after, change=change, prefix=prefix, suffix=suffix, joiner=joiner,
        lead_filler=lead, tail_filler=tail,
    )


def read_prefix(text: str, end: int, window: int = 60) -> Prefix:
    """Comparator/change/level words ending at `text[end]` (the number's start)."""
    vocab = vocabulary()
    lo = max(0, end - window)
    m = vocab.prefix.search(text[lo:end])
    if not m or m.start() == m.end():
        return Prefix(comparator=None, change=None, level=False, start=end)
    cmp_word = m.group("cmp")
    change_word = m.group("change")
    return Prefix(
        comparator=vocab.before.get(_key(cmp_word)) if cmp_word else None,
        change=vocab.change.get(_key(change_word)) if change_word else None,
        level=m.group("level") is not None,
        start=lo + m.start(),
    )


def read_suffix(text: str, pos: int) -> tuple[str, int] | None:
    """A comparator written after the number and its unit ("trở lên"): (comparator, end) or None."""
    vocab = vocabulary()
    m = vocab.suffix.match(text, pos)
    if not m:
        return None
    return vocab.after[_key(m.group("cmp"))], m.end()


def is_range_joiner(between: str) -> bool:
    """True when the text between two numbers joins them into a range ("-", "đến")."""
    return vocabulary().joiner.match(between) is not None and bool(between.strip())


def strip_fillers(phrase: str) -> str:
    """Drop leading/trailing filler words ("phấn đấu", "đạt", "có") and punctuation from a subject."""
    vocab = vocabulary()
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = vocab.lead_filler.sub("", phrase)
        phrase = vocab.tail_filler.sub("", phrase)
    return phrase.strip()
