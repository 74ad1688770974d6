"""Answers composed only from cited passages: each builder returns the text and the lines it cites."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from nghiquyet.assistant.grounding import label
from nghiquyet.assistant.passages import DocumentFacts, Passage
from nghiquyet.assistant.sources import covering_lines, find_line, line_text, locate

NOT_FOUND = "Không tìm thấy trong các văn bản."

Lines = Callable[[DocumentFacts], tuple[str, ...]]


@dataclass(frozen=True)
class Citation:
    doc: str
    line: int
    text: str
    document_id: int

    def to_dict(self) -> dict[str, object]:
        return {"doc": self.doc, "line": self.line, "text": self.text}


@dataclass
class Draft:
    parts: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    derived: list[int] = field(default_factory=list)  # counts the composer computed itself

    def cite(self, doc: DocumentFacts, lines: tuple[str, ...], numbers: Sequence[int]) -> None:
        for n in numbers:
            text = line_text(lines, n)
            if text and not any(c.document_id == doc.document_id and c.line == n for c in self.citations):
                self.citations.append(Citation(doc.filename, n, text, doc.document_id))

    @property
    def text(self) -> str:
        return " ".join(p for p in self.parts if p)


def quote(draft: Draft, doc: DocumentFacts, passage: Passage, lines: tuple[str, ...], lead: str = "") -> None:
    """The passage's own words, with the source lines that hold them."""
    span = covering_lines(lines, passage.line, passage.text) or [passage.line]
    draft.cite(doc, lines, span)
    text = passage.text.strip().rstrip(";.")
    draft.parts.append(f"{lead}{text}. {label(doc.filename, passage.line)}")


def names_with_lines(draft: Draft, doc: DocumentFacts, lines: tuple[str, ...], names: Sequence[str],
                     start: int, span: int = 120) -> list[str]:
    """Names (units, projects) cited at the first line after `start` that holds each of them."""
    shown: list[str] = []
    for name in names:
        at = find_line(lines, name, start, span) or find_line(lines, name.split(",")[0], start, span)
        if at is not None:
            draft.cite(doc, lines, [at])
        shown.append(name)
    return shown


def cite_text(draft: Draft, doc: DocumentFacts, lines: tuple[str, ...], start: int, text: str) -> None:
    """Cite every line from `start` on that holds part of `text` (a duty or task quoted in the
    answer wraps over several lines, and a figure in it may sit on any of them)."""
    draft.cite(doc, lines, locate(lines, start, text) or covering_lines(lines, start, text))
