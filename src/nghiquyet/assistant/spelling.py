"""Typos in a question mended against the words the documents use (pure: the counts are handed in).

Office staff type fast: "bao nhiu", "rừg", "tỉ lệ" for "tỷ lệ", "bác sỹ" for "bác sĩ". A word that
no document and no question phrase uses is replaced by the most used word one edit away (a letter
left out, added, changed or two swapped); of the two spellings of a final i/y ("sĩ"/"sỹ",
"tỉ"/"tỷ"), the one the documents use more. Words a question needs as typed (places, outside
bodies, abbreviations, figures) are never touched, and a word with no near neighbour stays as it
is: a question about something the documents do not hold must still find nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

from nghiquyet.assistant.normalise import ABBREVIATIONS, fold
from nghiquyet.assistant.question import _PATTERNS, BODIES, PLACES, STOP_PHRASES, STOPWORDS

# How many passages use each word (0: none); with `lines` True, a word only some line uses counts 1.
Counts = Callable[[Iterable[str], bool], Mapping[str, int]]

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = set("aeiouy")
MIN_LENGTH = 3  # shorter words have too many neighbours to guess from
MIN_USES = 2  # a replacement must be a word the documents use more than once
# The words that say what is asked ("bao nhiêu", "chủ trì", "khi nào"): known though no passage has them.
QUESTION_WORDS = frozenset(
    {*STOPWORDS, *(w for p in STOP_PHRASES for w in p.split()),
     # the words of the kind patterns, read without their escapes ("\\bnguy co" holds "nguy", not "bnguy")
     *(w for _, pattern in _PATTERNS
       for w in re.findall(r"[a-z]{2,}", re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)))})
_KEPT = frozenset({*(w for n in (*PLACES, *BODIES) for w in n.split()), *ABBREVIATIONS})
_TOKEN = re.compile(r"[^\W\d_]+")


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
            | {a + c + b for a, b in splits for c in _LETTERS}) - {word}


def _other_final(word: str) -> str | None:
    """"sy" → "si", "ti" → "ty": the other spelling of a final i/y after a consonant."""
    if len(word) >= 2 and word[-1] in "iy" and word[-2] not in _VOWELS:
        return word[:-1] + ("i" if word[-1] == "y" else "y")
    return None


_ASKING = 10**9  # a question word counts as used more than any document word


def _uses(counts: Mapping[str, int], word: str) -> int:
    return int(counts.get(word, 0)) + (_ASKING if word in QUESTION_WORDS else 0)


def corrections(words: Iterable[str], counts: Counts) -> dict[str, str]:
    """The folded words of a question to mend, each to its replacement."""
    asked = sorted({w for w in words if w not in _KEPT})
    if not asked:
        return {}
    known = counts([w for w in asked if w not in QUESTION_WORDS], True)
    out: dict[str, str] = {}
    unknown = [w for w in asked if _uses(known, w) == 0 and len(w) >= MIN_LENGTH]
    finals = {w: o for w in asked if (o := _other_final(w)) and _uses(known, w) < _ASKING}
    near = {w: _edits(w) for w in unknown}
    wanted = {*finals.values(), *(c for cands in near.values() for c in cands)}
    have = counts(sorted(wanted), False) if wanted else {}
    for word, other in finals.items():
        if _uses(have, other) > _uses(known, word):
            out[word] = other
    for word, cands in near.items():
        # A slip is seldom on the first letter ("nhiu" is "nhiều", not "chịu"), and is most often a
        # letter left out ("nhiều", not "như"), then one mistyped, then one typed twice.
        # Of the words the documents use (an unused longer word must not hide a used shorter one:
        # "nghạch" is "ngạch" with a letter typed twice).
        used = [c for c in sorted(cands) if _uses(have, c) >= MIN_USES]
        best = max(used, key=lambda c: (c[0] == word[0], (len(c) > len(word)) - (len(c) < len(word)),
                                        _uses(have, c)), default=None)
        if best is not None:
            out.setdefault(word, best)
    return out


def correct(text: str, counts: Counts) -> str:
    """The question with its mended words written folded in their place (the rest as typed)."""
    lowered = unicodedata.normalize("NFC", text)
    tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(lowered)]
    fixes = corrections((t for _, _, t in tokens), counts)
    if not fixes:
        return text
    out, at = [], 0
    for start, end, folded in tokens:
        if folded in fixes:
            out.append(lowered[at:start] + fixes[folded])
            at = end
    return "".join(out) + lowered[at:]
