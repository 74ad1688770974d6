"""PDF with a text layer → lines, one per paragraph; pypdfium2 first, pdfminer.six when pdfium fails.

The wrapped lines of each paragraph are joined again from their places on the page (pdflines.py),
so a PDF reads as its .docx does: one line per paragraph, one per table row. Page breaks are not
written into the lines (they would shift numbering and confuse the outline); `page_starts` records
the line where each page begins. pdfminer's text carries no places: its lines stay as wrapped.

pdfium's text has no layout, so two things are restored from the characters' boxes: a wide gap
between two columns on one line (the letterhead "ỦY BAN NHÂN DÂN … CỘNG HÒA XÃ HỘI …") becomes a
run of spaces, as a text copy shows it, instead of one space that fuses issuer and motto; and a
line that lies wholly in the page's top or bottom margin band (the running header, the page number)
is dropped, since it would otherwise stand before the letterhead on page one. Ruled tables are
read cell by cell (pdftables.py).
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from typing import Any

from nghiquyet.extract.read.encodings import Decoded, repair_legacy
from nghiquyet.extract.read.errors import CorruptFile, ProtectedFile, ScannedPdf, TooManyPages
from nghiquyet.extract.read.lines import split_lines
from nghiquyet.extract.read.pdflines import Box, VisualLine, paragraphs
from nghiquyet.extract.read.pdftables import assign, find_grids
from nghiquyet.extract.read.source import SourceText

_PASSWORD = 4  # FPDF_ERR_PASSWORD
# Header and footer band, in points from the page's edge: Word puts headers and footers 12.7 mm from
# the edge and Vietnamese administrative documents print the page number in the top margin, while
# their body starts 20-25 mm from the edge (Nghị định 30/2020, Phụ lục I).
MARGIN_BAND = 15 / 25.4 * 72
# A gap wider than this many line heights between two words on one line separates two columns.
COLUMN_GAP = 2.5
_COLUMN_SPACES = " " * 8  # what a column gap becomes: the normaliser reads 5+ spaces as columns
# pdfium joins a word hyphenated at a line's end into one line of text, the hyphen given as U+FFFE.
_HYPHENATED = "\ufffe"
_BOLD = 600  # font weight: 400 regular, 700 bold (pdfium reads it from the font)
_LINE = re.compile(r"[^\r\n]+")
_SPACES = re.compile(r" +")


# A resolution, plan or report is tens of pages; a thousand is a whole yearbook, and each page costs
# its text layer's reading: past this, the file is refused before any page is read.
MAX_PAGES = 1000


def read_pdf(path: str, data: bytes, *, kind: str = "pdf", max_bytes: int = 0) -> SourceText:
    """Read a PDF given as bytes; raises ScannedPdf, ProtectedFile, TooManyPages or CorruptFile."""
    notes: list[str] = []
    try:
        pages = _pdfium_pages(data)
    except ProtectedFile:
        raise ProtectedFile(path) from None
    except TooManyPages as exc:
        raise TooManyPages(path, exc.pages, MAX_PAGES) from None
    except Exception as first:  # pdfium rejects some damaged files that pdfminer repairs
        try:
            pages = _pdfminer_pages(data)
        except TooManyPages as exc:
            raise TooManyPages(path, exc.pages, MAX_PAGES) from None
        except Exception as second:
            if "password" in f"{first} {second}".lower() or type(second).__name__ == "PDFPasswordIncorrect":
                raise ProtectedFile(path) from second
            raise CorruptFile(path, "PDF") from second
        notes.append("đọc bằng pdfminer vì pdfium không mở được tệp")
    if not pages:
        raise CorruptFile(path, "PDF", "không có trang nào")
    texts = ["\n".join(line.text for line in page) for page in pages]
    empty = [i + 1 for i, page in enumerate(texts) if not any(c.isalpha() for c in page)]
    if len(empty) == len(pages):
        raise ScannedPdf(path, len(pages))
    if _garbled("".join(texts)):
        raise ScannedPdf(path, len(pages), garbled=True)
    if empty:
        shown = ", ".join(map(str, empty[:10])) + ("…" if len(empty) > 10 else "")
        notes.append(f"trang không có lớp chữ, có thể là ảnh scan: {shown}")
    visual = [line for page in pages for line in page]
    lines, where = paragraphs(visual)
    starts: list[int] = []
    at = 0  # index in `visual` of the page's first line
    for page in pages:  # a page begins at the paragraph holding its first line
        starts.append(where[at] if at < len(where) and page else len(lines))
        at += len(page)
    fixed = repair_legacy(Decoded("\n".join(lines), "utf-8", notes))  # .VnTime PDFs carry TCVN3 letters
    return SourceText(path=path, kind="pdf", lines=split_lines(fixed.text), encoding=fixed.encoding,
                      notes=fixed.notes, page_starts=starts)


def _text_lines(page: str, number: int) -> list[VisualLine]:
    """A page's text without places, as lines (trailing spaces are layout leftovers)."""
    if not page.strip():
        return []
    text = unicodedata.normalize("NFC", page.replace(_HYPHENATED, "-")).rstrip("\r\n")
    return [VisualLine(line.rstrip(), number) for line in split_lines(text)]


def _garbled(text: str) -> bool:
    """Glyph codes instead of letters: private-use characters, U+FFFD or pdfminer's "(cid:12)"."""
    letters = sum(1 for c in text if c.isalpha())
    junk = sum(1 for c in text if "\ue000" <= c <= "\uf8ff" or c == "\ufffd") + 5 * text.count("(cid:")
    return junk > max(letters, 1) * 0.3


def _pdfium_pages(data: bytes) -> list[list[VisualLine]]:
    import pypdfium2 as pdfium

    try:
        pdf: Any = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD:
            raise ProtectedFile("") from exc
        raise
    if len(pdf) > MAX_PAGES:
        count = len(pdf)
        pdf.close()
        raise TooManyPages("", count, MAX_PAGES)
    try:
        pages: list[list[VisualLine]] = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            # pdfium marks a hyphen it judged to be a line-end hyphenation with \x02.
            text = str(textpage.get_text_range()).replace("\x02", "-")
            if len(text) == textpage.count_chars():  # one character per index: the boxes apply
                pages.append(_laid_out(text, page, textpage, index))
            else:
                pages.append(_text_lines(text, index))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _laid_out(text: str, page: Any, textpage: Any, number: int) -> list[VisualLine]:
    """The page's lines with their places; ruled tables as rows, a line of columns with its gaps
    widened (both stand alone), margin-band lines dropped."""
    width, height = float(page.get_width()), float(page.get_height())
    in_table = assign(find_grids(page), text, textpage)
    done: set[int] = set()  # tables already written (by id)
    kept: list[VisualLine] = []
    dropped = False
    for m in _LINE.finditer(text):
        start = m.start()
        first = start + len(m.group()) - len(m.group().lstrip())
        last = start + len(m.group().rstrip()) - 1
        if first > last:
            continue
        grid = in_table.get(first)
        if grid is not None:  # the table's rows stand where its first line stood
            if id(grid) not in done:
                done.add(id(grid))
                kept.extend(VisualLine(row, number) for row in grid.rows(text.replace(_HYPHENATED, "-")))
            continue
        left_box, right_box = textpage.get_charbox(first, loose=True), textpage.get_charbox(last, loose=True)
        low, high = min(left_box[1], right_box[1]), max(left_box[3], right_box[3])
        if high <= MARGIN_BAND or low >= height - MARGIN_BAND:
            dropped = True
            continue
        line = _spaced(m.group(), start, textpage).replace(_HYPHENATED, "-")
        if _COLUMN_SPACES in line:
            kept.append(VisualLine(line, number))
        else:
            box = _box(text, first, last, left_box, right_box, width, textpage)
            kept.append(VisualLine(line, number, box))
    if dropped and not kept:  # a page of nothing but margin text: keep it, something is odd
        return _text_lines(text, number)
    return kept


def _box(text: str, first: int, last: int, left_box: tuple[float, ...], right_box: tuple[float, ...],
         width: float, textpage: Any) -> Box:
    """Where the line from character `first` to `last` stands, and in what type."""
    import pypdfium2.raw as raw

    space = text.find(" ", first, last)
    word_end = textpage.get_charbox(space - 1, loose=True)[2] if space > first else right_box[2]
    handle = textpage.raw
    # Bold when its first and last letters are: a bold label opening a regular paragraph is not.
    bold = min(raw.FPDFText_GetFontWeight(handle, first), raw.FPDFText_GetFontWeight(handle, last)) >= _BOLD
    box = Box(left=left_box[0], right=right_box[2], base=left_box[1],
              size=float(raw.FPDFText_GetFontSize(handle, first)), bold=bold,
              first_word=word_end - left_box[0], page_width=width)
    join = text.rfind(_HYPHENATED, first, last)
    if join < 0:
        return box
    opening = textpage.get_charbox(join + 1, loose=True)  # the last visual line's first character
    return replace(box, last_left=opening[0], last_base=opening[1])


def _spaced(line: str, start: int, textpage: Any) -> str:
    """`line` (beginning at character `start` of the page) with each column gap as a run of spaces."""
    if " " not in line:
        return line
    pieces: list[str] = []
    at = 0
    for gap in _SPACES.finditer(line):
        a, b = gap.span()
        if a == 0 or b == len(line):
            continue
        before = textpage.get_charbox(start + a - 1, loose=True)
        after = textpage.get_charbox(start + b, loose=True)
        tall = before[3] - before[1]
        same_line = abs(before[1] - after[1]) < tall
        if tall > 0 and same_line and after[0] - before[2] > COLUMN_GAP * tall:
            pieces.append(line[at:a])
            pieces.append(_COLUMN_SPACES)
            at = b
    pieces.append(line[at:])
    return "".join(pieces)


def _pdfminer_pages(data: bytes) -> list[list[VisualLine]]:
    from pdfminer.high_level import extract_text

    text: str = extract_text(io.BytesIO(data), maxpages=MAX_PAGES + 1)
    pages = text.split("\x0c")  # pdfminer ends every page with a form feed
    if pages and not pages[-1].strip():
        pages.pop()
    if len(pages) > MAX_PAGES:
        raise TooManyPages("", len(pages), MAX_PAGES)
    return [_text_lines(page, number) for number, page in enumerate(pages)]
