"""Whose plan a document is: the level of its issuing body, the place it governs, the congress terms it names.

A series links one metric of one territory across years, so the linker must know that "Thu ngân sách
nhà nước trên địa bàn" of Huyện ủy Đức Trọng is not the province's, and that a resolution of the
"Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2020 - 2025" is another province's than one of the "lần thứ XI"
of the same term. All three facts come from the language of the document itself:
- the level from the issuing body's name ("Huyện ủy", "UBND xã", "Tỉnh ủy", "Đảng bộ … tỉnh");
- the place from the name after the level word ("Huyện ủy Đức Trọng"), else the province the body
  names most often ("tỉnh Lâm Đồng", never "các tỉnh Tây Nguyên");
- the congresses from "Đảng bộ tỉnh [name] lần thứ XI, nhiệm kỳ 2020 - 2025" at the document's level.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

LEVELS = ("co_so", "xa", "huyen", "tinh")  # lowest first: a body named at several levels is the lowest

# Folded (no marks, đ → d, lower case) body names, lowest level first.
_BODY_LEVEL = (
    ("co_so", re.compile(r"\bchi bo\b")),
    ("xa", re.compile(r"\b(dang uy|dang bo|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|mat tran)"
                      r"( [a-z]+){0,3}? (xa|phuong|thi tran|dac khu)\b")),
    ("huyen", re.compile(r"\b(huyen uy|quan uy|thi uy)\b"
                         r"|\b(dang bo|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)"
                         r"( [a-z]+){0,3}? (huyen|quan|thi xa)\b")),
    ("tinh", re.compile(r"\btinh uy\b|\b(dang bo|ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)"
                        r"( [a-z]+){0,3}? tinh\b")),
)
# The word before a place's name at each level (original spelling, matched without case).
_PLACE_WORDS = {
    "xa": r"xã|phường|thị trấn|đặc khu",
    "huyen": r"huyện ủy|quận ủy|thị ủy|huyện(?!\s+ủy)|quận(?!\s+ủy)|thị xã",
    "tinh": r"tỉnh ủy|tỉnh(?!\s+ủy)",
}
# "các tỉnh Tây Nguyên", "hai tỉnh", "tỉnh bạn": a region or other provinces, not the document's own.
_PLURAL = re.compile(r"(các|những|hai|ba|giữa|với)\s*$", re.IGNORECASE)
_CONGRESS = re.compile(
    r"đảng bộ\s+(?P<level>tỉnh|huyện|quận|thị xã|xã|phường|thị trấn)\b(?P<name>(?:\s+[^\s,;()]+){0,3}?)"
    r"\s*,?\s*lần thứ\s+(?P<ordinal>[IVXLC]+|\d+)\s*,?\s*\(?\s*nhiệm kỳ\s+"
    r"(?P<start>\d{4})\s*[-–]\s*(?P<end>\d{4})",
    re.IGNORECASE)
_LEVEL_OF_WORD = {"tinh": "tinh", "huyen": "huyen", "quan": "huyen", "thi xa": "huyen", "xa": "xa",
                  "phuong": "xa", "thi tran": "xa"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").replace("Đ", "d").lower().split())


def _roman(text: str) -> int:
    if text.isdigit():
        return int(text)
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@dataclass(frozen=True)
class Territory:
    level: str | None  # one of LEVELS
    place: str | None  # as written, e.g. "Lâm Đồng"
    congresses: tuple[tuple[int, int, int], ...] = ()  # (first year, last year, ordinal) at `level`

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "place": self.place, "congresses": [list(c) for c in self.congresses]}

    @classmethod
    def from_dict(cls, data: dict[str, object] | None) -> Territory | None:
        if not data:
            return None
        raw = data.get("congresses") or []
        congresses = tuple((int(a), int(b), int(n)) for a, b, n in raw) if isinstance(raw, list) else ()
        level, place = data.get("level"), data.get("place")
        return cls(level if isinstance(level, str) else None, place if isinstance(place, str) else None,
                   congresses)


def level_of(body: str | None) -> str | None:
    """The lowest level a body's name states ("Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh" → tinh)."""
    folded = fold(body or "")
    return next((level for level, pattern in _BODY_LEVEL if pattern.search(folded)), None)


def _name_at(text: str, pos: int, *, caps: bool) -> str | None:
    """The capitalised words from `pos` on ("Đức Trọng, ngày …" → "Đức Trọng"); None if none.

    Capitals-only words count in a title block cell ("HUYỆN ỦY ĐỨC TRỌNG") but end a name in the body,
    where they are a heading or a signature ("T/M TỈNH ỦY BÍ THƯ")."""
    words: list[str] = []
    for raw in text[pos:pos + 80].split()[:4]:
        word = raw.strip(",.;:()\"“”*")
        if (not word or not word[0].isupper() or raw.startswith("(")  # "(KHÓA I)" is no name
                or (word.isupper() and not caps)):
            break
        words.append(word.capitalize() if word.isupper() else word)  # "ĐỨC TRỌNG" as "Đức Trọng"
        if word != raw.lstrip("\"“*"):  # a comma or a full stop ends the name
            break
    return " ".join(words) or None


def _names(text: str, level: str, *, caps: bool = False) -> list[str]:
    """Every place named after a level word, in order ("các tỉnh Tây Nguyên" left out)."""
    found = []
    for m in re.finditer(rf"\b(?:{_PLACE_WORDS[level]})\s+", text, re.IGNORECASE):
        if _PLURAL.search(text[max(0, m.start() - 12):m.start()]):
            continue
        name = _name_at(text, m.end(), caps=caps)
        if name:
            found.append(name)
    return found


def read_territory(lines: Sequence[str], *, issuer: str | None) -> Territory:
    """The document's level, place and congress terms (each None or empty when it does not say)."""
    # The title block's cells: a wide gap separates the organ from the national motto on one line.
    header = [cell for line in lines[:15] for cell in re.split(r"\s{2,}", line.strip()) if cell]
    level = level_of(issuer)
    if level is None:  # "ĐẢNG BỘ TỈNH LÂM ĐỒNG / HUYỆN ỦY ĐỨC TRỌNG": the lowest organ issues it
        levels = [lv for lv in (level_of(cell) for cell in header) if lv is not None]
        level = min(levels, key=LEVELS.index) if levels else None
    text = " ".join(" ".join(lines).split())
    place = None
    if level in _PLACE_WORDS:
        own = _names(issuer or "", level, caps=True) or [n for cell in header if level_of(cell) == level
                                                          for n in _names(cell, level, caps=True)]
        if own:
            place = own[0]
        else:  # the place the body names most often, if one is named more than any other
            counts = Counter(fold(n) for n in _names(text, level)).most_common(2)
            if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
                place = next(n for n in _names(text, level) if fold(n) == counts[0][0])
    congresses = sorted({(int(m["start"]), int(m["end"]), _roman(m["ordinal"]))
                         for m in _CONGRESS.finditer(text) if _LEVEL_OF_WORD.get(fold(m["level"])) == level})
    return Territory(level, place, tuple(congresses))
