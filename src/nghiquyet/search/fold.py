"""Vietnamese folding for search: the same key for "thu ngân sách", "THU NGAN SACH" and "hoà"/"hòa".

Pure (no storage imports): the assistant and the index use the same rule. FTS5's remove_diacritics
does not fold đ (STACK.md), so folding happens here and the index only ever sees folded text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character folded: its base letters, lower case, đ → d (may be empty for a lone mark)."""
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base.lower().replace("đ", "d")


def fold(text: str) -> str:
    """NFD, drop the marks, đ → d, lower case, runs of white space collapsed to one space."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.replace("đ", "d").replace("Đ", "d").lower()).strip()


def words(text: str) -> list[str]:
    """The folded words of a text: what both databases index, so both tokenise alike."""
    return _WORDS.findall(fold(text))
