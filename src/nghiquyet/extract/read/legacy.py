"""TCVN3 (ABC) and VNI-Windows: the 8-bit font encodings of Vietnamese offices before Unicode.

Text in these encodings is ordinary Windows-1252 characters drawn with special fonts, so the
conversion works on `str` (bytes decoded as cp1252, or text from a .docx using .VnTime fonts).
The tables live in data/legacy_encodings.json, loaded once.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Literal

Legacy = Literal["tcvn3", "vni"]
LEGACY: tuple[Legacy, ...] = ("tcvn3", "vni")
_NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}
_WORD = re.compile(r"[^\W\d_]+")


def legacy_label(name: str) -> str:
    """Display name of an encoding, e.g. "TCVN3"."""
    return _NAMES.get(name, name)


@cache
def unicode_to_legacy(name: Legacy) -> dict[str, str]:
    """Unicode letter (NFC) → its legacy spelling (one or two Latin-1 characters)."""
    raw = resources.files("nghiquyet.extract.read").joinpath("data/legacy_encodings.json").read_text("utf-8")
    table: dict[str, str] = json.loads(raw)[name]["chars"]
    return table


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


def encode(text: str, name: Legacy) -> str:
    """Unicode (NFC) → legacy characters; what an old office PC would have stored."""
    table = unicode_to_legacy(name)
    return "".join(table.get(c, c) for c in text)


def decode(text: str, name: Legacy) -> str:
    """Legacy characters → Unicode (NFC)."""
    table = legacy_to_unicode(name)
    if name == "vni":
        out: list[str] = []
        i = 0
        while i < len(text):
            pair = text[i:i + 2]
            if len(pair) == 2 and pair in table:
                out.append(table[pair])
                i += 2
            else:
                out.append(table.get(text[i], text[i]))
                i += 1
        return "".join(out)
    return _restore_tcvn3_capitals(text, table)


def _restore_tcvn3_capitals(text: str, table: dict[str, str]) -> str:
    """Decode TCVN3 and guess the capitals it lost from the case of the letters around them."""
    lossy_chars = _tcvn3_lossy()
    decoded = "".join(table.get(c, c) for c in text)  # one character each: positions line up
    lossy = [c in lossy_chars for c in text]
    out: list[str] = []
    pos = 0
    for line in decoded.split("\n"):
        out.append(_fix_line(line, lossy[pos:pos + len(line)]))
        pos += len(line) + 1
    return "\n".join(out)


@cache
def _tcvn3_lossy() -> frozenset[str]:
    """TCVN3 characters that stand for both a lower-case and a capital letter."""
    forward = unicode_to_legacy("tcvn3")
    return frozenset(leg for uni, leg in forward.items() if uni.isupper() and forward.get(uni.lower()) == leg)


def _word_case(word: str, lossy: list[bool]) -> str:
    """"upper", "lower" or "?" from the letters whose case survived the encoding."""
    known = [c for c, lost in zip(word, lossy, strict=True) if not lost and c.lower() != c.upper()]
    if any(c.islower() for c in known):
        return "lower"
    return "upper" if len(known) >= 2 else "?"


def _fix_line(line: str, lossy: list[bool]) -> str:
    words = [m for m in _WORD.finditer(line) if any(lossy[m.start():m.end()])]
    if not words:
        return line
    cases = [_word_case(w.group(), lossy[w.start():w.end()]) for w in _WORD.finditer(line)]
    upper_line = cases.count("upper") > cases.count("lower")
    chars = list(line)
    for m in words:
        case = _word_case(m.group(), lossy[m.start():m.end()])
        if case == "upper" or (case == "?" and upper_line):
            chars[m.start():m.end()] = m.group().upper()
        elif lossy[m.start()] and _sentence_start(line, m.start()):
            chars[m.start()] = chars[m.start()].upper()
    return "".join(chars)


def _sentence_start(line: str, start: int) -> bool:
    """True at the first word of a line or after ". ", "! ", "? " (list labels like "1." count too)."""
    before = line[:start].rstrip()
    return not any(c.isalpha() for c in before) or before.endswith((".", "!", "?"))
