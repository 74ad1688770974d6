"""The result of reading a document."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class SourceText:
    """The text of a document as read: `lines[i]` is line i+1 of the file as a user sees it."""

    path: str
    kind: str  # "txt", "md", "docx", "pdf"
    lines: list[str]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)  # e.g. "converted from TCVN3"
    # Index in `lines` of the first line of each page (page i+1 starts at page_starts[i]), so the
    # normaliser can drop page numbers and running headers without markers in the text. Filled for
    # PDFs, and for text files whose lines open with a form feed (pdftotext output); else empty.
    page_starts: list[int] = field(default_factory=list)
