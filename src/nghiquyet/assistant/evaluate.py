"""Scoring a question set: right (found as expected, every expected figure or name in the answer),
cited (every found answer cites a source line), invented (figures in no cited line)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nghiquyet.assistant.grounding import ungrounded
from nghiquyet.assistant.normalise import fold
from nghiquyet.assistant.service import Answer


@dataclass
class Score:
    total: int = 0
    right: int = 0
    found: int = 0
    cited: int = 0
    invented: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)

    @property
    def right_share(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def cited_share(self) -> float:
        return self.cited / self.found if self.found else 1.0


def load(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _squash(text: str) -> str:
    return " ".join(fold(text).replace("“", "").replace("”", "").split())


def is_right(item: dict[str, Any], answer: Answer) -> bool:
    if answer.found != item["found"]:
        return False
    if not answer.found:
        return True
    said = _squash(answer.answer)
    return all(_squash(str(e)) in said for e in item["expected"])


def score(items: Sequence[dict[str, Any]], ask: Callable[[str], Answer]) -> Score:
    result = Score()
    for item in items:
        answer = ask(item["question"])
        result.total += 1
        if answer.found:
            result.found += 1
            result.cited += bool(answer.citations)
            if ungrounded(answer.answer, [c.text for c in answer.citations], answer.derived):
                result.invented += 1
        if is_right(item, answer):
            result.right += 1
        else:
            result.wrong.append({"question": item["question"], "expected": item["expected"],
                                 "found": answer.found, "answer": answer.answer[:300]})
    return result
