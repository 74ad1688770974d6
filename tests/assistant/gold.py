"""What the outsider question sets' gold checks share: folding, the seeds' lines, the cited lines."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from nghiquyet.demo import seeds_dir


def blind(text: str) -> str:
    """Lowercase, marks off, đ as d, one space: how the scorer compares (it folds and squashes too),
    and two questions equal under it are the same question."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D").replace("“", "").replace("”", "")
    return " ".join(bare.lower().split())


def seed_lines() -> dict[str, list[str]]:
    return {p.name: p.read_text(encoding="utf-8").splitlines() for p in Path(seeds_dir()).glob("*.txt")}


def sources(item: dict[str, Any]) -> list[tuple[str, list[int]]]:
    """The document and lines an item cites, and those of the second document a comparison cites."""
    return [(item["doc"], item["lines"])] + [(s["doc"], s["lines"]) for s in item.get("also", [])]


def cited_lines(item: dict[str, Any], seeds: dict[str, list[str]]) -> list[str]:
    """The lines an answerable item cites, asserting each exists in its seed and is not blank."""
    assert item["expected"] and item["kind"] != "not_found"
    cited = []
    for doc, lines in sources(item):
        assert doc in seeds, doc
        assert lines, item["question"]
        for number in lines:
            assert 1 <= number <= len(seeds[doc]), (doc, number)
            assert seeds[doc][number - 1].strip(), (doc, number)  # a line of text, not a blank one
            cited.append(seeds[doc][number - 1])
    return cited
