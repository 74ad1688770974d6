"""Named projects and works in task text: "Đường cao tốc Tân Phú - Bảo Lộc", "Khu công nghiệp Phú Bình".

A project is a head noun from `data/projects.json` followed by a capitalised name; a list that
shares the head ("Đường cao tốc Tân Phú - Bảo Lộc, Bảo Lộc - Liên Khương") gives one project each.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nghiquyet.extract.normalise import UPPER
from nghiquyet.extract.references import unique
from nghiquyet.extract.vocab import load

_NAME_WORD = rf"(?:[{UPPER}]\w*|\d+[A-Za-z]?)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*(?:\s+-\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*)*"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    heads = sorted(load("projects")["heads"], key=len, reverse=True)
    alt = "|".join(re.escape(h) for h in heads)
    return re.compile(
        rf"(?<![\w])(?P<head>{alt})\s+(?P<name>{_NAME})(?P<more>(?:\s*,\s*{_NAME}(?=\s*[,;.)…]))*)"
    )


def find_projects(text: str) -> list[str]:
    """Project names in order, each once, head noun capitalised."""
    out: list[str] = []
    for m in _pattern().finditer(text):
        head = m.group("head")
        head = head[0].upper() + head[1:]
        name = m.group("name").strip()
        if not name[:1].isupper():
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
    return unique(out)
