"""PDF with a text layer → lines, page by page; pypdfium2 first, pdfminer.six when pdfium fails.

Page breaks are not written into the lines (they would shift numbering and confuse the outline);
`page_starts` records where each page begins so the normaliser can drop page numbers and headers.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from nghiquyet.extract.read.encodings import Decoded, repair_legacy
from nghiquyet.extract.read.errors import CorruptFile, ProtectedFile, ScannedPdf
from nghiquyet.extract.read.lines import split_lines
from nghiquyet.extract.read.source import SourceText

_PASSWORD = 4  # FPDF_ERR_PASSWORD


def read_pdf(path: str, data: bytes, *, kind: str = "pdf", max_bytes: int = 0) -> SourceText:
    """Read a PDF given as bytes; raises ScannedPdf, ProtectedFile or CorruptFile."""
    notes: list[str] = []
    try:
        pages = _pdfium_pages(data)
    except ProtectedFile:
        raise ProtectedFile(path) from None
    except Exception as first:  # pdfium rejects some damaged files that pdfminer repairs
        try:
            pages = _pdfminer_pages(data)
        except Exception as second:
            if "password" in f"{first} {second}".lower() or type(second).__name__ == "PDFPasswordIncorrect":
                raise ProtectedFile(path) from second
            raise CorruptFile(path, "PDF", type(first).__name__) from second
        notes.append("đọc bằng pdfminer vì pdfium không mở được tệp (read with pdfminer)")
    if not pages:
        raise CorruptFile(path, "PDF", "không có trang nào (no pages)")
    empty = [i + 1 for i, page in enumerate(pages) if not any(c.isalpha() for c in page)]
    if len(empty) == len(pages):
        raise ScannedPdf(path, len(pages))
    if _garbled("".join(pages)):
        raise ScannedPdf(path, len(pages), garbled=True)
    if empty:
        shown = ", ".join(map(str, empty[:10])) + ("…" if len(empty) > 10 else "")
        notes.append(f"trang không có lớp chữ, có thể là ảnh scan: {shown} (pages without text)")
    lines: list[str] = []
    starts: list[int] = []
    for page in pages:
        starts.append(len(lines))
        if page.strip():  # trailing spaces are layout leftovers: pdfium keeps the one before each break
            text = unicodedata.normalize("NFC", page).rstrip("\r\n")
            lines.extend(line.rstrip() for line in split_lines(text))
    fixed = repair_legacy(Decoded("\n".join(lines), "utf-8", notes))  # .VnTime PDFs carry TCVN3 letters
    return SourceText(path=path, kind="pdf", lines=split_lines(fixed.text), encoding=fixed.encoding,
                      notes=fixed.notes, page_starts=starts)


def _garbled(text: str) -> bool:
    """Glyph codes instead of letters: private-use characters, U+FFFD or pdfminer's "(cid:12)"."""
    letters = sum(1 for c in text if c.isalpha())
    junk = sum(1 for c in text if "\ue000" <= c <= "\uf8ff" or c == "\ufffd") + 5 * text.count("(cid:")
    return junk > max(letters, 1) * 0.3


def _pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    try:
        pdf: Any = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD:
            raise ProtectedFile("") from exc
        raise
    try:
        pages: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            # pdfium marks a hyphen it judged to be a line-end hyphenation with \x02.
            pages.append(str(textpage.get_text_range()).replace("\x02", "-"))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    text: str = extract_text(io.BytesIO(data))
    pages = text.split("\x0c")  # pdfminer ends every page with a form feed
    if pages and not pages[-1].strip():
        pages.pop()
    return pages
