"""The rule that keeps answers honest: every figure in an answer appears in a passage it cites."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nghiquyet.assistant.normalise import numbers

# "[000_29e2e8547b6387b0.txt, dòng 187]": where a passage comes from, not a figure of the answer.
LABEL = re.compile(r"\[[^\[\]]*, dòng \d+\]")


def label(filename: str, line: int) -> str:
    return f"[{filename}, dòng {line}]"


def ungrounded(answer: str, cited: Iterable[str], derived: Iterable[int] = ()) -> set[str]:
    """Figures in the answer found in no cited text (counts the composer made itself are allowed)."""
    allowed = set().union(*(numbers(text) for text in cited)) | {str(n) for n in derived}
    return numbers(LABEL.sub(" ", answer)) - allowed
