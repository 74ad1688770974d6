"""How Vietnamese does a text look? Used to choose between candidate decodings of the same bytes."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# Tone marks (huyền, sắc, ngã, hỏi, nặng); circumflex, breve and horn belong to the letter itself.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# The vowel groups Vietnamese spells (tone marks removed), longest first so the regex prefers them.
_NUCLEI = sorted([
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi",
    "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
    "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
], key=len, reverse=True)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(?:" + "|".join(_NUCLEI) + r")"
    r"(?:ng|nh|ch|[cmnpt])?"
)
_WORD = re.compile(r"[^\W\d_]+")
# Words so frequent in resolutions that seeing them is strong evidence the decoding is right.
_FREQUENT = frozenset((
    "của", "và", "năm", "các", "được", "những", "trong", "nghị", "quyết", "tỉnh", "phát", "triển",
    "với", "có", "để", "thực", "hiện", "đạt", "tăng", "đồng", "người", "xã", "hội", "đảng", "nhân",
    "dân", "chỉ", "tiêu", "nhiệm", "vụ", "về", "là", "này", "đến", "theo",
))


@cache
def vietnamese_letters() -> frozenset[str]:
    """Every letter of the Vietnamese alphabet in NFC, both cases."""
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    for base in "aăâeêioôơuưy":
        for tone in ("", *_TONES):
            letters.add(unicodedata.normalize("NFC", base + tone))
    return frozenset(letters | {c.upper() for c in letters})


def is_syllable(word: str) -> bool:
    """True when `word` (any case, NFC) can be a Vietnamese syllable: onset, vowels, coda, ≤ 1 tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def vietnamese_score(text: str) -> int:
    """Valid non-ASCII syllables (+1, frequent words +2 more) minus words that cannot be Vietnamese."""
    return sum(_word_score(word) for word in _WORD.findall(text))


@lru_cache(maxsize=65_536)  # a document repeats its few thousand distinct words many times
def _word_score(word: str) -> int:
    if word.isascii():
        return 0  # plain ASCII reads the same in every candidate encoding
    letters = vietnamese_letters()
    if all(c in letters for c in word) and is_syllable(word):
        return 3 if word.lower() in _FREQUENT else 1
    return -2
