"""Do two targets measure the same thing? Pure: folding, synonyms, qualifiers and units, no storage.

A metric's name is folded (diacritics, đ, case), its synonyms rewritten ("thu NSNN" → "thu ngân
sách"), its qualifiers noted (a sub-group such as "đô thị" or "đồng bào dân tộc thiểu số" makes a
different series), and its filler words dropped. Two names match when their qualifiers agree and
their remaining words overlap enough; their units must be of one kind (money with money, % with %).
The vocabulary lives in `data/metric_vocabulary.json`, loaded once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

# Dice overlap of the meaningful words needed to call two names one metric (benchmarks/series_linking.py).
THRESHOLD = 0.6

_NON_WORD = re.compile(r"[^\w.%/]+")
_NUMBER = re.compile(r"\b\d[\d.,]*\b")


def fold(text: str) -> str:
    """NFD, drop the marks, đ → d, lower case, punctuation to spaces, one space between words."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "d").lower()
    return " ".join(_NON_WORD.sub(" ", bare).split())


@dataclass(frozen=True)
class Vocabulary:
    synonyms: tuple[tuple[re.Pattern[str], str], ...]
    filler: frozenset[str]
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]


def _phrase(folded: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(folded)}(?![\w])")


@cache
def vocabulary() -> Vocabulary:
    raw = json.loads(resources.files("nghiquyet.series").joinpath("data/metric_vocabulary.json")
                     .read_text(encoding="utf-8"))
    return Vocabulary(
        synonyms=tuple((_phrase(fold(a)), fold(b)) for a, b in raw["synonyms"]),
        filler=frozenset(fold(w) for w in raw["filler"]),
        qualifiers=tuple((fold(q), _phrase(fold(q))) for q in raw["qualifiers"]),
    )


@dataclass(frozen=True)
class MetricKey:
    """What identity rests on: the qualifiers named and the meaningful words left."""

    qualifiers: frozenset[str]
    words: frozenset[str]
    text: str  # the folded, rewritten name (for showing why two names matched)


@lru_cache(maxsize=8192)
def metric_key(metric: str) -> MetricKey:
    vocab = vocabulary()
    text = _NUMBER.sub(" ", fold(metric.replace("/", " / ")))
    text = " ".join(text.replace("/", " ").split())
    for pattern, replacement in vocab.synonyms:
        text = " ".join(pattern.sub(replacement, text).split())
    qualifiers = frozenset(q for q, pattern in vocab.qualifiers if pattern.search(text))
    # Words of an agreed qualifier say nothing more: only the rest is compared ("đô thị hóa" is not
    # "dân số đô thị dùng nước sạch" although both say "đô thị").
    named = {w for q in qualifiers for w in q.split()}
    words = frozenset(w for w in text.split() if w not in vocab.filler and w not in named and w != "%")
    return MetricKey(qualifiers, words, text)


def similarity(a: str, b: str) -> float:
    """0..1: Dice overlap of the meaningful words; 0 when the qualifiers differ."""
    ka, kb = metric_key(a), metric_key(b)
    if ka.qualifiers != kb.qualifiers:
        return 0.0
    if not ka.words or not kb.words:  # all said by the qualifiers: one metric when both say nothing more
        return 1.0 if ka.words == kb.words and ka.qualifiers else 0.0
    return 2 * len(ka.words & kb.words) / (len(ka.words) + len(kb.words))


# --- units -----------------------------------------------------------------------------------------

_MONEY_SCALE = {"dong": 1.0, "nghin dong": 1e3, "trieu dong": 1e6, "ty dong": 1e9, "ty.d": 1e9,
                "ty d": 1e9, "nghin ty dong": 1e12}
_USD_SCALE = {"usd": 1.0, "do la my": 1.0, "nghin usd": 1e3, "trieu usd": 1e6, "ty usd": 1e9}
_RATE_TAILS = re.compile(r"\s*/\s*(1\s+)?(nam|nguoi|van dan|10\.000 dan|thang)\b")


@dataclass(frozen=True)
class UnitKind:
    kind: str  # money_vnd, money_usd, percent, count:<word>, none
    scale: float = 1.0


def unit_kind(unit: str | None) -> UnitKind:
    """The kind of a unit and its scale within the kind ("tỷ đồng" → money_vnd × 1e9)."""
    if unit is None or not unit.strip():
        return UnitKind("none")
    folded = " ".join(fold(unit.replace("/", " / ")).split()).replace(" / ", "/").replace("/ ", "/")
    folded = _RATE_TAILS.sub("", folded.replace("/", " / ")).strip()
    folded = " ".join(folded.replace(" / ", "/").split())
    if folded.startswith("%"):
        return UnitKind("percent")
    if folded in _MONEY_SCALE:
        return UnitKind("money_vnd", _MONEY_SCALE[folded])
    if folded in _USD_SCALE:
        return UnitKind("money_usd", _USD_SCALE[folded])
    head = folded.removeprefix("luot ").replace("bac sy", "bac si")
    return UnitKind(f"count:{head}")


def units_compatible(a: str | None, b: str | None) -> bool:
    """One kind of quantity: money with money (any scale), % with %, the same counted thing."""
    ka, kb = unit_kind(a), unit_kind(b)
    return ka.kind == "none" or kb.kind == "none" or ka.kind == kb.kind


def convert(value: float, unit: str | None, to_unit: str | None) -> float | None:
    """The value in another unit of the same kind (2 nghìn tỷ đồng → 2.000 tỷ đồng); None if not one kind."""
    ka, kb = unit_kind(unit), unit_kind(to_unit)
    if ka.kind != kb.kind:
        return None
    return value * ka.scale / kb.scale


@dataclass(frozen=True)
class Match:
    same: bool
    score: float
    reason: str


def counted_change(unit: str | None, change: str | None) -> str | None:
    """A count or an amount that is an addition ("có thêm 02 xã") is not the total ("111 xã").

    Rates are left alone: "giảm 1% tỷ lệ nghèo" and "tỷ lệ nghèo còn 2%" follow one rate.
    """
    return None if unit_kind(unit).kind == "percent" else change


def same_metric(metric_a: str, unit_a: str | None, metric_b: str, unit_b: str | None,
                change_a: str | None = None, change_b: str | None = None) -> Match:
    """Whether two targets belong to one series, with the reason in Vietnamese (for the office)."""
    if not units_compatible(unit_a, unit_b):
        return Match(False, 0.0, f"đơn vị khác loại ({unit_a or '—'} / {unit_b or '—'})")
    if counted_change(unit_a, change_a) != counted_change(unit_b, change_b):
        return Match(False, 0.0, "một bên là mức tăng thêm, một bên là tổng số")
    ka, kb = metric_key(metric_a), metric_key(metric_b)
    if ka.qualifiers != kb.qualifiers:
        differ = sorted(ka.qualifiers ^ kb.qualifiers)
        return Match(False, 0.0, f"khác phạm vi: {', '.join(differ)}")
    score = similarity(metric_a, metric_b)
    if score >= THRESHOLD:
        return Match(True, score, f"tên chỉ tiêu giống nhau ({score:.0%}), cùng loại đơn vị")
    return Match(False, score, f"tên chỉ tiêu khác nhau ({score:.2f})")
