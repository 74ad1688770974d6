"""Plain-text readers (.txt, .md): decode whatever encoding, then split into numbered lines."""

from __future__ import annotations

from nghiquyet.extract.read.encodings import NotText, decode_text
from nghiquyet.extract.read.errors import BinaryFile
from nghiquyet.extract.read.lines import split_pages
from nghiquyet.extract.read.source import SourceText


def read_text(path: str, data: bytes, *, kind: str = "txt", max_bytes: int = 0) -> SourceText:
    """Read .txt/.md bytes; raises BinaryFile when they are not text."""
    try:
        decoded = decode_text(data)
    except NotText:
        raise BinaryFile(path) from None
    lines, page_starts = split_pages(decoded.text)
    return SourceText(path=path, kind=kind, lines=lines, encoding=decoded.encoding, notes=decoded.notes,
                      page_starts=page_starts)
