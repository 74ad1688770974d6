"""Readers: turn a file (.txt, .md, .docx, .pdf) into the lines of its text.

`read_document(path)` is the one entry point; each format has a module with one job.
Errors are `InputError`s naming the file and saying what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nghiquyet.errors import InputError


@dataclass(slots=True)
class SourceText:
    """The text of a document as read: `lines[i]` is line i+1 of the file as a user sees it."""

    path: str
    kind: str  # "txt", "md", "docx", "pdf"
    lines: list[str]
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)  # e.g. "converted from TCVN3"


def read_document(path: str | Path) -> SourceText:
    """Read one document; raises InputError when it cannot be read as text."""
    p = Path(path)
    if not p.is_file():
        raise InputError("không tìm thấy tệp (file not found)", path=str(p),
                         hint="kiểm tra lại đường dẫn")
    data = p.read_bytes()
    text = data.decode("utf-8-sig")
    return SourceText(path=str(p), kind=p.suffix.lower().lstrip(".") or "txt", lines=text.splitlines())
