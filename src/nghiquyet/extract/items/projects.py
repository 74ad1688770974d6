"""Named projects and works in task text: "Đường cao tốc Tân Phú - Bảo Lộc", "Khu công nghiệp Phú Bình".

A project is a head noun from `data/projects.json` followed by a capitalised name; a list that
shares the head ("Đường cao tốc Tân Phú - Bảo Lộc, Bảo Lộc - Liên Khương") gives one project each.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nghiquyet.extract.items.references import unique
from nghiquyet.extract.text.normalise import UPPER
from nghiquyet.extract.vocabulary.trie import trie_pattern
from nghiquyet.extract.vocabulary.vocab import load

_NAME_WORD = rf"(?:[{UPPER}]\w*|\d+[A-Za-z]?)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s+-\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*)*"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    data = load("projects")
    heads = trie_pattern(data["heads"], word_start=True)
    stops = "|".join(re.escape(w) for w in data["stop_after"])
    # A name is capitalised words, or a level word with an optional place ("Sân vận động tỉnh").
    name = rf"(?:{_NAME}|(?:tỉnh|huyện|xã|thành phố)(?:\s+{_NAME})?)"
    end = rf"(?=\s*[,;.)…]|\s+(?:{stops})\b|\s*$)"
    return re.compile(rf"(?P<head>{heads})\s+(?P<name>{name})(?P<more>(?:\s*,\s*{_NAME}{end})*)")


@lru_cache(maxsize=1)
def _gates() -> tuple[str, ...]:
    """Substrings one of which every head noun holds: a text with none of them names no project.

    A head without its first letter ("ường sắt") stands for both cases; short heads stay whole
    ("hồ", "Hồ": "ồ" alone is in too many words). A key holding another key is left out.
    """
    keys = {h[1:] if len(h) > 4 else h for h in load("projects")["heads"]}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def find_projects(text: str) -> list[str]:
    """Project names in order, each once, head noun capitalised."""
    # Most task texts name no project: twenty substring searches cost a third of the pattern's
    # scan, whose first letter (one of 17, "c", "h", "n", "t" among them) stops a third of the text.
    if not any(k in text for k in _gates()):
        return []
    return _projects(text)


def _projects(text: str) -> list[str]:
    out: list[str] = []
    for m in _pattern().finditer(text):
        head = m.group("head")
        head = head[0].upper() + head[1:]
        name = m.group("name").strip()
        if not name[:1].isupper() and not re.match(r"(?:tỉnh|huyện|xã|thành phố)\b", name):
            continue
        out.append(f"{head} {name}")
        heads = load("projects")["heads"]
        for extra in re.split(r"\s*,\s*", m.group("more") or ""):
            extra = extra.strip()
            if not extra:
                continue
            # "..., Hồ Ta Hoét": an item with its own head noun keeps it.
            own = any(extra.startswith(h + " ") for h in heads)
            out.append(extra if own else f"{head} {extra}")
    banned = set(load("projects")["not_projects"])
    return unique(p for p in out if p not in banned)
