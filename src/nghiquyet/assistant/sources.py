"""The source lines of stored documents, read once per file and kept while the file is unchanged."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from nghiquyet.assistant.normalise import fold
from nghiquyet.errors import NghiquyetError
from nghiquyet.extract.read import read_document


@lru_cache(maxsize=256)
def _read(path: str, mtime: float) -> tuple[str, ...]:
    try:
        return tuple(read_document(Path(path)).lines)
    except (NghiquyetError, OSError):
        return ()


def forget_read_files() -> None:
    _read.cache_clear()


def source_lines(path: Path) -> tuple[str, ...]:
    """The file's lines as the extraction numbered them (1-based through `line_text`)."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return ()
    return _read(str(path), mtime)


def line_text(lines: tuple[str, ...], line: int) -> str:
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def find_line(lines: tuple[str, ...], needle: str, start: int = 1, span: int = 0) -> int | None:
    """The first line at or after `start` (within `span` lines when given) holding the needle, folded."""
    want = " ".join(fold(needle).split())
    if not want:
        return None
    end = len(lines) if span <= 0 else min(len(lines), start - 1 + span)
    for index in range(max(start, 1) - 1, end):
        if want in " ".join(fold(lines[index]).split()):
            return index + 1
    return None


def covering_lines(lines: tuple[str, ...], start: int, text: str, limit: int = 6) -> list[int]:
    """The non-blank lines from `start` on that together hold the passage text (wrapped paragraphs)."""
    want = " ".join(fold(text).split())
    found: list[int] = []
    joined = ""
    index = start - 1
    while 0 <= index < len(lines) and len(found) < limit:
        current = lines[index].strip()
        if current:
            found.append(index + 1)
            joined = f"{joined} {fold(current)}".strip()
            if want and want in " ".join(joined.split()):
                break
        index += 1
    return found


def locate(lines: tuple[str, ...], start: int, text: str, span: int = 300) -> list[int]:
    """The lines from `start` on (within `span`) that together hold `text`, however it is wrapped;
    empty when the text is not there."""
    want = " ".join(fold(text).split())
    if not want:
        return []
    offsets: list[tuple[int, int]] = []  # (offset in the joined text, line number)
    parts: list[str] = []
    at = 0
    for index in range(max(start, 1) - 1, min(len(lines), start - 1 + span)):
        current = " ".join(fold(lines[index]).split())
        if not current:
            continue
        offsets.append((at, index + 1))
        parts.append(current)
        at += len(current) + 1
    pos = " ".join(parts).find(want)
    if pos < 0:
        return []
    end = pos + len(want)
    return [n for i, (off, n) in enumerate(offsets)
            if off < end and (offsets[i + 1][0] if i + 1 < len(offsets) else at) > pos]
