"""TCVN3 (ABC) and VNI-Windows: the 8-bit font encodings of Vietnamese offices before Unicode.

Text in these encodings is ordinary Windows-1252 characters drawn with special fonts, so the
conversion works on `str` (bytes decoded as cp1252, or text from a .docx using .VnTime fonts).
The tables live in data/legacy_encodings.json, loaded once.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

Legacy = Literal["tcvn3", "vni"]
LEGACY: tuple[Legacy, ...] = ("tcvn3", "vni")
_NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}
_WORD = re.compile(r"[^\W\d_]+")


def legacy_label(name: str) -> str:
    """Display name of an encoding, e.g. "TCVN3"."""
    return _NAMES.get(name, name)


@cache
def _tables() -> dict[str, Any]:
    """The data file, read once per process."""
    raw = resources.files("nghiquyet.extract.read").joinpath("data/legacy_encodings.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def unicode_to_legacy(name: Legacy) -> dict[str, str]:
    """Unicode letter (NFC) → its legacy spelling (one or two Latin-1 characters)."""
    chars: dict[str, str] = _tables()[name]["chars"]
    return chars


@cache
def legacy_to_unicode(name: Legacy) -> dict[str, str]:
    """Legacy spelling → Unicode letter; for TCVN3 the capitals with tones decode to lower case."""
    reverse: dict[str, str] = {}
    for uni, leg in unicode_to_legacy(name).items():
        # Several capitals share a lower-case byte in TCVN3; keep the lower-case reading.
        if leg not in reverse or uni.islower():
            reverse[leg] = uni
    if name == "vni":
        # Writers mixed mark bytes of the other case ("Aù"); read them as the base letter's case.
        for leg, uni in list(reverse.items()):
            if len(leg) == 2:
                other = leg[0] + (leg[1].lower() if leg[0].isupper() else leg[1].upper())
                reverse.setdefault(other, uni)
    return reverse


@cache
def _pattern(name: Legacy) -> re.Pattern[str]:
    """Any legacy spelling, two-character ones first (VNI's letter + mark must win over the letter)."""
    keys = sorted(legacy_to_unicode(name), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def encode(text: str, name: Legacy) -> str:
    """Unicode (NFC) → legacy characters; what an old office PC would have stored."""
    table = unicode_to_legacy(name)
    return "".join(table.get(c, c) for c in text)


def decode(text: str, name: Legacy) -> str:
    """Legacy characters → Unicode (NFC)."""
    table = legacy_to_unicode(name)
    if name == "vni":
        return _pattern(name).sub(lambda m: table[m.group()], text)
    lossy = _tcvn3_lossy()
    single = _translation()  # TCVN3 is one character for one: positions line up
    out: list[str] = []
    for line in text.split("\n"):
        decoded = line.translate(single)
        if lossy.search(line):
            decoded = _fix_line(line, decoded, lossy)
        out.append(decoded)
    return "\n".join(out)


@cache
def _translation() -> dict[int, str]:
    return str.maketrans(legacy_to_unicode("tcvn3"))


@cache
def _tcvn3_lossy() -> re.Pattern[str]:
    """TCVN3 characters that stand for both a lower-case and a capital letter."""
    forward = unicode_to_legacy("tcvn3")
    chars = {leg for uni, leg in forward.items() if uni.isupper() and forward.get(uni.lower()) == leg}
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


@lru_cache(maxsize=65_536)
def _word_case(raw: str) -> str:
    """"upper", "lower" or "?" from the letters whose case survived the encoding."""
    known = [c for c in _tcvn3_lossy().sub("", raw) if c.lower() != c.upper()]
    if any(c.islower() for c in known):
        return "lower"
    return "upper" if len(known) >= 2 else "?"


def _fix_line(raw: str, decoded: str, lossy: re.Pattern[str]) -> str:
    """Guess the capitals TCVN3 lost in one line: from the word's other letters, else its neighbours.

    Only words holding a lossy character are looked at; the rest of the line is left as decoded.
    """
    chars = list(decoded)
    upper_line: bool | None = None
    done = -1
    for hit in lossy.finditer(raw):
        if hit.start() < done:
            continue  # a second lossy letter in a word already handled
        start, end = _word_span(decoded, hit.start())
        done = end
        case = _word_case(raw[start:end])
        if case == "?" and upper_line is None:
            cases = [_word_case(raw[w.start():w.end()]) for w in _WORD.finditer(decoded)]
            upper_line = cases.count("upper") > cases.count("lower")
        if case == "upper" or (case == "?" and upper_line):
            chars[start:end] = decoded[start:end].upper()
        elif start == hit.start() and _sentence_start(decoded, start):
            chars[start] = chars[start].upper()
    return "".join(chars)


def _word_span(text: str, pos: int) -> tuple[int, int]:
    start, end = pos, pos + 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def _sentence_start(line: str, start: int) -> bool:
    """True at the first word of a line or after ". ", "! ", "? " (list labels like "1." count too)."""
    j = start - 1
    while j >= 0 and not line[j].isalpha():
        j -= 1
    return j < 0 or line[j + 1:start].rstrip().endswith((".", "!", "?"))
