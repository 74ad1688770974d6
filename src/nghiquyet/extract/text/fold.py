"""Character-level clean-up: NFC, one tone-mark convention, plain spaces, spaced dashes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Old-style tone placement ("hoà", "thuỷ") → the new style the gold files use ("hòa", "thủy").
# Only open syllables differ: with a final consonant ("hoàng") both styles agree.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
# Patterns start with what they consume and look behind afterwards: a pattern that opens with a
# lookbehind is tried at every position, one that opens with a character class or literal is
# scanned for at C speed (3-8 times faster on a whole document).
_PAIRS = {"o": "aeAE", "O": "aeAE", "u": "yY", "U": "yY"}


def _old_style(vowel: str) -> re.Pattern[str]:
    """`vowel` + a marked vowel that `_retone` moves the mark from, ending the word ("hoà", "thuỷ").

    One pattern per first vowel: a pattern that opens with a literal is scanned for twice as fast
    as one that opens with a character class ("[oOuU]").
    """
    marked = unicodedata.normalize("NFC", "".join(b + t for b in _PAIRS[vowel] for t in sorted(_TONES)))
    return re.compile(rf"({vowel})(?<![qQ]{vowel})([{marked}])(?![^\W\d_])")


# The marks of one vowel pair never create or remove a match of another pair's pattern (a rewrite
# keeps letters letters and makes no o, O, u or U), so the patterns may run one after another.
_OLD_STYLES = [_old_style(vowel) for vowel in _PAIRS]

_SPACE_CHARS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\t\f\v"
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_DASH_CHARS = "\u2013\u2014\u2012\u2015\u2212"
_QUOTE_MAP = {"„": '"', "‟": '"', "″": '"', "＂": '"', "‚": "'", "‛": "'", "′": "'"}
_SPACES = re.compile(f"[{_SPACE_CHARS}]")
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
MULTI_SPACE = re.compile(r" {2,}")
_DASHES = re.compile(f" *[{_DASH_CHARS}] *")
# "tế- xã" and "tế -xã"; each starts with its two-character literal.
_HYPHEN_AFTER_WORD = re.compile(r"- (?<=[^\W_]- )(?=[^\W_])")
_HYPHEN_BEFORE_WORD = re.compile(r" -(?<=[^\W_] -)(?=[^\W\d_])")
_QUOTE_CHARS = "".join(_QUOTE_MAP)
_QUOTES = re.compile(f"[{_QUOTE_CHARS}]")
# Any character one of the rewrites below would touch: most documents have none. Looking for each
# one with `in` (memchr) costs half of one scan with a character class. The text is NFC by then, so
# the characters NFC replaces (en quad and em quad become en space and em space) cannot occur.
_REWRITTEN = _ZERO_WIDTH_CHARS + _SPACE_CHARS + _DASH_CHARS + _QUOTE_CHARS
_ODD = "".join(c for c in _REWRITTEN if unicodedata.normalize("NFC", c) == c)


_OI_AS_U = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})


def _has_any(chars: str, text: str) -> bool:
    return any(c in text for c in chars)


def keeps_blank_lines(text: str) -> bool:
    """True when each line of `text` is blank after `fold` exactly when it was before.

    Fold turns spaces into spaces and letters into letters; only the zero-width characters it
    removes can leave a line blank that was not.
    """
    return not _has_any(_ZERO_WIDTH_CHARS, text)


def _retone(m: re.Match[str]) -> str:
    vowel, marked = m.group(1), m.group(2)
    base = unicodedata.normalize("NFD", marked)
    if base[0] not in _PAIRS[vowel] or len(base) != 2 or base[1] not in _TONES:
        return m.group(0)
    return unicodedata.normalize("NFC", vowel + base[1]) + base[0]


def fold(text: str) -> str:
    """NFC, new-style tone marks, plain spaces, dashes as " - "; keeps line breaks."""
    if "ƣ" in text or "Ƣ" in text:
        # Text copied from PDFs made with some Vietnamese fonts draws "ư" with the letter "ƣ" (oi):
        # "trƣờng", "ngƣời", "dƣới". Read as written, no comparator, unit or cue would match.
        text = text.translate(_OI_AS_U)
    text = unicodedata.normalize("NFC", text)
    # Each rewrite runs only when its characters occur: most text has none of them.
    if _has_any(_ODD, text):
        text = _ZERO_WIDTH.sub("", text)
        text = _SPACES.sub(" ", text)
        if _has_any(_QUOTE_CHARS, text):
            text = _QUOTES.sub(lambda m: _QUOTE_MAP[m.group(0)], text)
        if _has_any(_DASH_CHARS, text):
            text = _DASHES.sub(" - ", text)
    # "kinh tế- xã hội", "Dầu Giây- Liên Khương": a hyphen spaced on one side only is a dash.
    if "- " in text:
        text = _HYPHEN_AFTER_WORD.sub(" - ", text)
    if " -" in text:
        text = _HYPHEN_BEFORE_WORD.sub(" - ", text)
    for old_style in _OLD_STYLES:
        text = old_style.sub(_retone, text)
    return text


def fold_lines(lines: Sequence[str], joined: str | None = None) -> list[str]:
    """`fold` of each line, in one pass over the whole text (much faster than one per line, and
    the same: fold keeps line breaks). `joined`: the lines joined by "\\n", when already made."""
    folded = fold("\n".join(lines) if joined is None else joined).split("\n")
    if len(folded) != len(lines):  # a line holds a "\n" of its own
        folded = [fold(s) for s in lines]
    return folded
