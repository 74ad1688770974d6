"""Readers: turn a file (.txt, .md, .docx, .pdf) into the lines of its text.

`read_document(path)` is the entry point (`read_bytes(data, name)` for uploads held in memory);
each format has a module with one job.
Errors are `InputError`s naming the file and saying what to do.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from nghiquyet.errors import os_reason
from nghiquyet.extract.read.errors import (
    BinaryFile,
    CorruptFile,
    EmptyDocument,
    FileMissing,
    FileTooLarge,
    FileUnreadable,
    ProtectedFile,
    ScannedPdf,
    UnsupportedFormat,
)
from nghiquyet.extract.read.source import SourceText

MAX_BYTES = 50 * 1024 * 1024
SUFFIXES = {".txt": "txt", ".md": "md", ".docx": "docx", ".pdf": "pdf"}
# Formats people often try, with what to do instead.
_OTHER_HINTS = {
    ".doc": "tệp Word 97-2003: mở bằng Word, chọn Lưu thành .docx",
    ".rtf": "mở bằng Word, chọn Lưu thành .docx",
    ".odt": "mở bằng LibreOffice, chọn Lưu thành .docx",
    ".xls": "bảng tính không phải văn bản nghị quyết: dùng tệp .docx hoặc .pdf",
    ".xlsx": "bảng tính không phải văn bản nghị quyết: dùng tệp .docx hoặc .pdf",
}

__all__ = [
    "MAX_BYTES", "READERS", "BinaryFile", "CorruptFile", "EmptyDocument", "FileMissing", "FileTooLarge",
    "FileUnreadable", "ProtectedFile", "Reader", "ScannedPdf", "SourceText", "UnsupportedFormat",
    "read_bytes", "read_document",
]


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one document; raises an InputError subclass when it cannot be read as text."""
    p = Path(path)
    name = str(p)
    try:
        if not p.is_file():
            raise FileMissing(name)
        _check_suffix(name)
        size = p.stat().st_size
        if size > max_bytes:
            raise FileTooLarge(name, size, max_bytes)
        data = p.read_bytes()
    except FileNotFoundError as exc:  # removed between the check and the read
        raise FileMissing(name) from exc
    except OSError as exc:
        raise FileUnreadable(name, os_reason(exc)) from exc
    return read_bytes(data, name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read a document held in memory (an upload); `name` gives the format by its extension."""
    kind = _check_suffix(name)
    if len(data) > max_bytes:
        raise FileTooLarge(name, len(data), max_bytes)
    real = _sniff(data, kind, name)
    source = _read(name, data, real, max_bytes)
    if not any(line.strip() for line in source.lines):
        raise EmptyDocument(name)
    if real != kind:
        source.notes.append(f"tệp có đuôi .{kind} nhưng thực chất là .{real} (file is really .{real})")
    return source


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    kind = SUFFIXES.get(suffix)
    if kind is None:
        raise UnsupportedFormat(name, suffix, _OTHER_HINTS.get(suffix))
    return kind


def _sniff(data: bytes, kind: str, path: str) -> str:
    """The format the bytes really are: renamed files are read or explained, not misread."""
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Word 97-2003 .doc, or an encrypted .docx
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ProtectedFile(path)
        raise UnsupportedFormat(path, ".doc", _OTHER_HINTS[".doc"])
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormat(path, ".rtf", _OTHER_HINTS[".rtf"])
    if kind in ("txt", "md"):
        if head.startswith(b"%PDF-"):
            raise BinaryFile(path, "tệp này thực chất là PDF: đổi đuôi thành .pdf")
        if head.startswith(b"PK\x03\x04"):
            raise BinaryFile(path, "tệp này thực chất là tệp nén/.docx: đổi đuôi thành .docx")
    # A .docx saved as PDF under the old name (or the reverse) is common: read what it really is.
    if kind == "docx" and head.startswith(b"%PDF-"):
        return "pdf"
    if kind == "pdf" and head.startswith(b"PK\x03\x04") and b"word/" in data[:65_536]:
        return "docx"
    return kind


class Reader(Protocol):
    """One format's reader: a file's bytes → SourceText, or an InputError saying what is wrong."""

    def __call__(self, path: str, data: bytes, *, kind: str, max_bytes: int) -> SourceText: ...


# kind → "module:function"; imported on first use so reading a .txt never loads python-docx or pdfium.
READERS: dict[str, str] = {
    "txt": "nghiquyet.extract.read.text:read_text",
    "md": "nghiquyet.extract.read.text:read_text",
    "docx": "nghiquyet.extract.read.docx:read_docx",
    "pdf": "nghiquyet.extract.read.pdf:read_pdf",
}


if TYPE_CHECKING:  # mypy checks every registered reader against the protocol, at no import cost
    from nghiquyet.extract.read.docx import read_docx
    from nghiquyet.extract.read.pdf import read_pdf
    from nghiquyet.extract.read.text import read_text

    _CONFORM: tuple[Reader, ...] = (read_text, read_docx, read_pdf)


def _reader(kind: str) -> Reader:
    module, function = READERS[kind].split(":")
    reader: Reader = getattr(importlib.import_module(module), function)
    return reader


def _read(path: str, data: bytes, kind: str, max_bytes: int) -> SourceText:
    if not data.strip(b"\x00\x1a \t\r\n"):
        raise EmptyDocument(path)
    return _reader(kind)(path, data, kind=kind, max_bytes=max_bytes)
