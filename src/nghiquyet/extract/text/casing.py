"""Mixed case for names written in capitals: "TỈNH ỦY LÂM ĐỒNG" → "Tỉnh ủy Lâm Đồng".

Vietnamese writes organs and positions in a fixed mixed case ("Ban Chấp hành Đảng bộ tỉnh",
"Chánh Văn phòng"); the phrases are data (metadata.json "mixed_case"). A place name after an
organ ending in "ủy" or after a level word ("tỉnh", "huyện") gets capitals on every word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nghiquyet.extract.vocabulary.vocab import load


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    data = load("metadata")
    phrases = sorted(data["mixed_case"], key=len, reverse=True)
    canon = {p.lower(): p for p in phrases}
    alternation = "|".join(re.escape(p.lower()) for p in phrases)
    pattern = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
    return pattern, canon, frozenset(data["level_words"])


def mixed_case(text: str, *, sentence: bool = True) -> str:
    """Write a capitals-only name or title in the usual mixed case."""
    pattern, canon, levels = _phrases()
    low = " ".join(text.split()).lower()
    pieces: list[tuple[str, bool]] = []  # (text, fixed by a phrase)
    pos = 0
    for m in pattern.finditer(low):
        if m.start() > pos:
            pieces.append((low[pos : m.start()], False))
        pieces.append((canon[m.group(0)], True))
        pos = m.end()
    pieces.append((low[pos:], False))
    functional = set(load("metadata")["function_words"])
    out: list[str] = []
    place = False  # the words after an organ ending in "ủy" or a level word are a place name
    for chunk, fixed in pieces:
        if fixed:
            out.append(chunk)
            place = chunk.lower().endswith("ủy")
            continue
        words = re.split(r"(\s+)", chunk)
        for w in words:
            if not w.strip():
                out.append(w)
                continue
            prev_word = "".join(out).split()[-1].strip("(").lower() if "".join(out).split() else ""
            bare = w.strip("(),;:.")
            if prev_word == "khóa" and re.fullmatch(r"[ivxlc]+", bare):
                out.append(w.replace(bare, bare.upper()))
            elif w.startswith("(") or bare in functional:
                place = False
                out.append(_roman_upper(w))
            elif bare in levels or f"{prev_word} {bare}" in levels:
                place = True
                out.append(w)
            elif place:
                out.append(w[:1].upper() + w[1:])
            else:
                out.append(_roman_upper(w))
    result = "".join(out).strip()
    # A department is named by its fields: "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ".
    if result.lower().startswith("sở "):
        result = re.sub(
            r"(^sở |\bvà |, )(\w)", lambda m: m.group(1) + m.group(2).upper(), result, flags=re.IGNORECASE
        )
    if sentence and result:
        result = result[0].upper() + result[1:]
    return result


def _roman_upper(w: str) -> str:
    """Roman numerals stay capital: "khóa xii" → "khóa XII" (not the words "vi", "xi")."""
    bare = w.strip("(),;:.")
    if re.fullmatch(r"[ivxlc]{2,}", bare) and bare not in ("vi", "xi", "li"):
        return w.replace(bare, bare.upper())
    return w
