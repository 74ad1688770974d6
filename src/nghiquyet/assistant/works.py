"""Named works in one sentence of a task, as a list answer names them (pure).

The extraction's project list is per task and misses two ways of writing a list: names in brackets
after their head noun ("các khu công nghiệp trọng điểm (Sơn Mỹ 1, Sơn Mỹ 2, Tân Đức)", "Cao tốc
(Tân Phú - Bảo Lộc, Bảo Lộc - Liên Khương)") and a lower-case word between the head and the name
("Cảng hàng không quốc tế Liên Khương"). Both are rewritten to the form the extraction reads, with
the extraction's own head nouns (extract/data/projects.json), and read by its own rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nghiquyet.assistant.normalise import fold
from nghiquyet.extract.items.projects import find_projects
from nghiquyet.extract.text.normalise import UPPER
from nghiquyet.extract.vocabulary.vocab import load

# Words that may stand between a head noun and its name ("quốc tế", "trọng điểm"), at most two.
_LOWER_WORD = r"[a-zà-ỹđ]+"


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    heads = {str(h) for h in load("projects")["heads"]}
    return tuple(sorted(heads | {h[0].upper() + h[1:] for h in heads}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _bracketed() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in _heads())
    return re.compile(rf"\b(?P<head>{heads})(?:\s+{_LOWER_WORD}){{0,2}}\s*\((?P<names>[{UPPER}][^()]*)\)")


@lru_cache(maxsize=1)
def _qualified() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in _heads())
    stops = "|".join(re.escape(str(w)) for w in load("projects")["stop_after"])
    return re.compile(rf"\b(?P<head>{heads})\s+(?P<words>(?!(?:{stops})\b){_LOWER_WORD}"
                      rf"(?:\s+(?!(?:{stops})\b){_LOWER_WORD})?)\s+(?P<name>[{UPPER}][^\s,;.()]*)")


def _capital(head: str) -> str:
    return head[0].upper() + head[1:]


def works_in(sentence: str) -> list[str]:
    """The works a sentence names, each once, in order: the extraction's rule plus the two forms above."""
    out: list[str] = []
    for m in _bracketed().finditer(sentence):
        head = _capital(m.group("head"))
        names = [name.strip() for name in re.split(r"\s*,\s*", m.group("names"))]
        out.extend(f"{head} {name}" for name in names if name)
    rest = _bracketed().sub(" ", sentence)
    for m in _qualified().finditer(rest):
        # "Cảng hàng không quốc tế Liên Khương": the name runs on as the extraction reads it.
        tail = find_projects(f"{m.group('head')} {rest[m.start('name'):]}")
        if tail:
            out.append(f"{_capital(m.group('head'))} {m.group('words')}{tail[0][len(m.group('head')):]}")
    out.extend(find_projects(rest))
    return _unique(out)


def _unique(names: list[str]) -> list[str]:
    """Names once each, compared folded (the extraction's rule and a rewritten form may both read one)."""
    seen: list[str] = []
    kept: list[str] = []
    for name in names:
        key = " ".join(fold(name).split())
        if key in seen:
            continue
        seen.append(key)
        kept.append(name)
    return kept
