"""The extraction pipeline: an ordered list of named steps from lines to an Extraction."""

from __future__ import annotations

from pathlib import Path

from nghiquyet.extract.model import Extraction
from nghiquyet.extract.read import SourceText, read_document


def extract_source(source: SourceText) -> Extraction:
    """Run every step over text already read."""
    return Extraction(source=Path(source.path).name, lines=len(source.lines))


def extract_text(text: str, source: str = "<text>") -> Extraction:
    """Extract from a string (as if it were a .txt file)."""
    return extract_source(SourceText(path=source, kind="txt", lines=text.splitlines()))


def extract(path: str | Path) -> Extraction:
    """Read a file and extract its plan: metadata, sections, targets, tasks, assignments, results."""
    return extract_source(read_document(path))
