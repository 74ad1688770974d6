"""Comparator, change and filler words around a number ("khoảng trên", "từ ... trở lên", "giảm còn"), as data.

The words live in data/comparators.json. Phrases are looked up word by word from the number
backwards (`PhraseTable`), which is much faster than a regex alternation searched at every offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from nghiquyet.extract.figures.units import alternation, load_json

# Averages may stand between a change verb and its number: "tăng bình quân 7%/năm".
_AVERAGE = ("bình quân", "trung bình", "hằng năm", "hàng năm", "mỗi năm",
            # "giảm bình quân mỗi năm 2,1%", "tăng hằng năm bình quân 12%"
            *(f"{a} {b}" for a in ("bình quân", "trung bình") for b in ("hằng năm", "hàng năm", "mỗi năm")),
            *(f"{b} {a}" for a in ("bình quân", "trung bình") for b in ("hằng năm", "hàng năm", "mỗi năm")))
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_TOKEN_SPLIT = re.compile(r"([^\W_]+(?:-[^\W_]+)*)")
_EDGE = " \t\n,;:.-–—"
_SYMBOL = re.compile(r"(≥|≤|>=|<=|>|<|~|≈)\s*\Z")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


class PhraseTable:
    """Phrases of one or more words, matched on word tuples (lower case), longest first."""

    def __init__(self, phrases: Mapping[str, str] | Iterable[str]) -> None:
        items = phrases.items() if isinstance(phrases, Mapping) else ((p, p) for p in phrases)
        self.table: dict[tuple[str, ...], str] = {}
        for phrase, value in items:
            words = tuple(_key(phrase).split())
            if words:
                self.table[words] = value
        self.sizes = sorted({len(w) for w in self.table}, reverse=True)
        # The words phrases end with: most words end none, and then no phrase needs building.
        self.last_words = frozenset(w[-1] for w in self.table)

    def ending_at(self, words: list[str], end: int) -> tuple[int, str] | None:
        """The longest phrase that ends just before `words[end]`: (its first index, its value)."""
        if 0 < end <= len(words) and words[end - 1] not in self.last_words:
            return None
        for size in self.sizes:
            if size <= end and (found := self.table.get(tuple(words[end - size : end]))) is not None:
                return end - size, found
        return None

    def starting_at(self, words: list[str], start: int) -> tuple[int, str] | None:
        """The longest phrase that starts at `words[start]`: (index after it, its value)."""
        for size in self.sizes:
            if start + size <= len(words) and (found := self.table.get(tuple(words[start : start + size]))):
                return start + size, found
        return None

    def found_in(self, words: list[str]) -> bool:
        """True when any phrase occurs in `words`."""
        return any(self.starting_at(words, i) is not None for i in range(len(words)))


def words_of(text: str) -> list[str]:
    """Lower-case words of a text (punctuation dropped)."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Prefix:
    """What the words right before a number say: comparator, change, level marker, and where they start."""

    comparator: str | None
    change: str | None
    level: bool
    start: int


@dataclass(frozen=True, slots=True)
class ComparatorVocabulary:
    before: PhraseTable
    change: PhraseTable
    level: PhraseTable
    average: PhraseTable
    after: dict[str, str]
    suffix: re.Pattern[str]
    joiner: re.Pattern[str]
    lead_filler: re.Pattern[str]
    tail_filler: PhraseTable
    symbols: dict[str, str]
    prefix_ends: tuple[str, ...]  # the last words of the phrases read_prefix reads


@cache
def vocabulary() -> ComparatorVocabulary:
    """The comparator vocabulary, compiled once."""
    data = load_json("comparators.json")
    after = {_key(k): v for k, v in data["after"].items()}
    before, change = PhraseTable(data["before"]), PhraseTable(data["change"])
    level, average = PhraseTable(data["level"]), PhraseTable(_AVERAGE)
    return ComparatorVocabulary(
        before=before,
        change=change,
        level=level,
        average=average,
        after=after,
        suffix=re.compile(rf"\s*(?P<cmp>{alternation(after)})(?![^\W_])", re.IGNORECASE),
        joiner=re.compile(rf"\s*(?:{alternation(data['range_joiners'])})\s*\Z", re.IGNORECASE),
        lead_filler=re.compile(
            rf"^(?:[\s,;:.\-–—]|(?:{alternation(data['lead_filler'])})(?![^\W_]))+", re.IGNORECASE
        ),
        tail_filler=PhraseTable(data["tail_filler"]),
        symbols=dict(data["symbols"]),
        prefix_ends=tuple(sorted(set().union(*(t.last_words for t in (before, change, level, average))))),
    )


def read_prefix(text: str, end: int, window: int = 60) -> Prefix:
    """Comparator/change/level words ending at `text[end]` (the number's start), read right to left:
    [change [average]] [level] [comparator] NUMBER ("giảm còn dưới 2%", "tăng bình quân 7%")."""
    lo = max(0, end - window)
    symbol_cmp, end = _symbol(text, lo, end)
    # Every phrase read ends at the last word: when none ends with it, nothing is read (most numbers).
    # The last word is a suffix of the window, so one `endswith` over the last words decides.
    if not text[lo:end].rstrip().lower().endswith(vocabulary().prefix_ends):
        return Prefix(symbol_cmp, None, False, end)
    return _read_words(text, lo, end, symbol_cmp)


def _symbol(text: str, lo: int, end: int) -> tuple[str | None, int]:
    """A comparator symbol right before the number ("≥ 95%", "> 90%" in tables and plans in note form):
    (its comparator, where it starts); (None, end) when there is none."""
    sym = _SYMBOL.search(text, lo, end)
    if sym:
        return vocabulary().symbols[sym.group(1)], sym.start()
    return None, end


def _read_words(text: str, lo: int, end: int, symbol_cmp: str | None) -> Prefix:
    """The phrases of `read_prefix` read word by word from `text[lo:end]` (the full rule)."""
    vocab = vocabulary()
    # The window as [gap, word, gap, word, ..., gap]: one split instead of a match per word.
    pieces = _TOKEN_SPLIT.split(text[lo:end])
    # Only spaces may stand between the words read and the number.
    if len(pieces) < 3 or pieces[-1].strip():
        return Prefix(symbol_cmp, None, False, end)
    words = [w.lower() for w in pieces[1::2]]
    for i, gap in enumerate(pieces[2:-1:2]):  # a comma or bracket between words ends the phrase
        if gap != " " and gap.strip():
            words[i] = "\0"
    pos = len(words)
    comparator, change = symbol_cmp, None
    level = False
    if comparator is None and (hit := vocab.before.ending_at(words, pos)):
        pos, comparator = hit
    if hit := vocab.level.ending_at(words, pos):
        pos, level = hit[0], True
    after_average = pos
    if hit := vocab.average.ending_at(words, pos):
        pos = hit[0]
    if (hit := vocab.change.ending_at(words, pos)) and words[pos:pos + 1] != ["trưởng"]:
        pos, change = hit
    else:
        pos = after_average  # "bình quân" alone belongs to the metric ("tốc độ ... bình quân từ 6%")
    if pos == len(words):
        return Prefix(symbol_cmp, None, False, end)
    start = lo + sum(map(len, pieces[: 2 * pos + 1]))  # where word `pos` starts
    return Prefix(comparator=comparator, change=change, level=level, start=start)


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
        if lead := vocab.lead_filler.match(phrase):
            phrase = phrase[lead.end() :]
        phrase = phrase.rstrip(_EDGE)
        # Most phrases end on a word that ends no filler; otherwise (fillers are at most four words)
        # only the last four words are split off and lower-cased.
        if not (end := phrase.rsplit(None, 1)[-1:]) or end[0].lower() not in vocab.tail_filler.last_words:
            continue
        last = [w.lower() for w in phrase.rsplit(None, 4)[-4:]]
        hit = vocab.tail_filler.ending_at(last, len(last))
        if hit is not None:
            words = phrase.split()
            phrase = " ".join(words[: len(words) - (len(last) - hit[0])]).rstrip(_EDGE)
    return phrase.strip(_EDGE)
