"""Word .docx → lines: one per paragraph, one per table row ("cell | cell"), numbering restored.

Only the body is read (headers, footers, footnotes and comments are not the resolution's text).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from nghiquyet.extract.read.archive import xml_inflates_past
from nghiquyet.extract.read.encodings import Decoded, convert_if_legacy, converted_note, repair_legacy
from nghiquyet.extract.read.errors import CorruptFile, EmptyDocument, FileTooLarge, InflatesTooMuch
from nghiquyet.extract.read.legacy import Legacy
from nghiquyet.extract.read.lines import clean_line, table_row
from nghiquyet.extract.read.numbering import Numbering, W, clark
from nghiquyet.extract.read.runstyle import RunStyles, StyleTable, from_style_chain
from nghiquyet.extract.read.source import SourceText

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the paragraph's own: deleted revisions, the VML copy of a drawing that
# Word stores beside the modern one, and field instructions. Text boxes are read as lines of their own.
_SKIP = frozenset({W + "pPr", W + "rPr", W + "del", W + "instrText", _MC_FALLBACK})
# The XML parts are parsed into memory (lxml keeps ~20 bytes per byte of XML): 32 MB of XML is some
# thousands of pages, far beyond a resolution, and parses in well under a second per megabyte.
MAX_XML_BYTES = 32 * 1_048_576
_PICTURES_ONLY = "tệp chỉ có hình ảnh (bản scan): chạy nhận dạng chữ (OCR) hoặc dùng bản gốc"


def read_docx(path: str, data: bytes, *, kind: str = "docx", max_bytes: int) -> SourceText:
    """Read a .docx given as bytes; raises CorruptFile, FileTooLarge or EmptyDocument."""
    has_pictures = _check_zip(path, data, max_bytes)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = _part_element(document, "numbering_part")
        styles = document.styles.element
        reader = _Reader(Numbering(numbering, styles), styles)
        lines: list[str] = []
        reader.block_lines(body, lines)
    except Exception as exc:  # python-docx and lxml raise many types for malformed packages
        raise CorruptFile(path, "DOCX") from exc
    notes = [converted_note(n) for n in sorted(reader.converted)]
    if has_pictures and not any(line.strip() for line in lines):
        # Scans pasted into Word as pictures: the same remedy as a scanned PDF.
        raise EmptyDocument(path, _PICTURES_ONLY)
    encoding = next(iter(reader.converted)) if len(reader.converted) == 1 else "utf-8"
    fixed = Decoded("\n".join(lines), encoding, notes)
    if not reader.converted:  # no legacy font named, but the characters may still be TCVN3/VNI
        fixed = repair_legacy(fixed)
    # Each paragraph was flattened to one line without breaks, so "\n" splits exactly one per paragraph
    # (a final empty paragraph stays a line, unlike a text file's final line ending).
    lines = [clean_line(line) for line in fixed.text.split("\n")]
    return SourceText(path=path, kind="docx", lines=lines, encoding=fixed.encoding, notes=fixed.notes)


def _check_zip(path: str, data: bytes, max_bytes: int) -> bool:
    """Raise for archives that are not Word documents or that inflate too much; True when the
    document holds pictures."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            if not any(name.startswith("word/") for name in names):  # an .xlsx, .pptx or zip renamed
                raise CorruptFile(path, "DOCX", "không có phần nội dung Word")
            unpacked = sum(info.file_size for info in infos)  # zipfile never inflates past these
            if unpacked > 10 * max_bytes:  # a zip bomb, or a document far beyond any resolution
                raise FileTooLarge(path, unpacked, 10 * max_bytes)
            # The parser never sees an XML that inflates beyond MAX_XML_BYTES, whatever is declared.
            if xml_inflates_past(archive, MAX_XML_BYTES):
                raise InflatesTooMuch(path, MAX_XML_BYTES)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, zlib.error) as exc:
        raise CorruptFile(path, "DOCX", "không phải tệp nén hợp lệ") from exc
    return any(name.startswith("word/media/") for name in names)


def _part_element(document: Any, attr: str) -> Any:
    """The XML root of the numbering part, or None when the package has none."""
    try:
        return getattr(document.part, attr).element
    except (KeyError, NotImplementedError, AttributeError):
        return None


class _Reader:
    def __init__(self, numbering: Numbering, styles: Any) -> None:
        self.numbering = numbering
        self.styles = RunStyles(styles)
        self.borders = TableBorders(styles)
        self.converted: set[Legacy] = set()

    def block_lines(self, container: Any, out: list[str]) -> None:
        """Paragraphs and tables of a body or cell, in document order (content controls opened)."""
        for child in container:
            if child.tag == W + "p":
                out.extend(self.paragraph(child))
            elif child.tag == W + "tbl":
                out.extend(self.table(child))
            elif child.tag == W + "sdt":  # iter_inner_content() would skip these: a TOC, a cover page
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.block_lines(content, out)
            elif child.tag == W + "customXml":
                self.block_lines(child, out)

    def paragraph(self, p: Any) -> list[str]:
        """The paragraph as one line, preceded by the lines of any text box anchored in it."""
        pieces: list[Piece] = []
        boxes: list[Any] = []
        style = _val(p, "w:pPr/w:pStyle")
        self._walk(p, pieces, style, boxes)
        text = " ".join(self._join(pieces).split())  # split() knows the same whitespace as \s, faster
        label = self.numbering.label(p, style)
        if label:
            suffix = _val(p, "w:pPr/w:numPr/w:suff")  # rare; the level's suffix is the usual source
            text = f"{label}{'' if suffix == 'nothing' else ' '}{text}".rstrip()
        lines: list[str] = []
        for box in boxes:  # e.g. the "Số: 05-NQ/TU" block some offices place in a text box
            self.block_lines(box, lines)
        return [*lines, text]

    def table(self, tbl: Any) -> list[str]:
        """One line per row, cells joined by " | " — except borderless layout tables (below)."""
        rows: list[list[list[str]]] = []
        for tr in _children(tbl, W + "tr"):
            cells: list[list[str]] = []
            for tc in _children(tr, W + "tc"):
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                    cells.append([])  # the cell above holds the merged text; do not repeat it
                    continue
                inner: list[str] = []
                self.block_lines(tc, inner)  # nested tables come back as rows: flattened into the cell
                cells.append([x for x in inner if x])
            rows.append(cells)
        if not self.borders.visible(tbl) and any(len(cell) > 1 for row in rows for cell in row):
            # The letterhead (issuer | motto, number | date) and the signature block (recipients |
            # signer) are borderless tables of stacked paragraphs: a reader reads them cell by cell,
            # one line per paragraph, as the seed texts show them; joining would bury "Số 05-NQ/TU".
            return [line for row in rows for cell in row for line in cell]
        return [table_row([" ".join(cell) for cell in row]) if any(row) else "" for row in rows]

    def _walk(self, el: Any, out: list[Piece], pstyle: str | None, boxes: list[Any]) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "r":
                out.append(self._run(child, pstyle, boxes))
            elif tag == W + "t":
                out.append((child.text or "", None, False))
            elif tag in (W + "tab", W + "br", W + "cr"):
                out.append((" ", None, False))  # one line per paragraph: soft breaks and tabs become spaces
            elif tag == W + "noBreakHyphen":
                out.append(("-", None, False))
            else:
                self._walk(child, out, pstyle, boxes)

    def _run(self, run: Any, pstyle: str | None, boxes: list[Any]) -> Piece:
        parts: list[Piece] = []
        self._walk(run, parts, pstyle, boxes)
        text = "".join(part[0] for part in parts)
        if not text:
            return ("", None, False)
        look = self.styles.properties(run, pstyle)
        if look.hidden:
            return ("", None, False)
        legacy, capital_font = look.encoding()
        return (text, legacy, capital_font or look.caps)

    def _join(self, pieces: list[Piece]) -> str:
        """The paragraph's text: runs in a legacy font are converted together, not one by one.

        Word splits runs anywhere, even inside a letter's VNI byte pair or a TCVN3 word, so
        neighbouring runs of one encoding (and plain ASCII between them) form one segment.
        """
        segments: list[Piece] = []
        for text, legacy, upper in pieces:
            if segments:
                last_text, last_legacy, last_upper = segments[-1]
                same = legacy == last_legacy and upper == last_upper
                if same or (last_legacy and not upper and not last_upper and text.isascii()):
                    segments[-1] = (last_text + text, last_legacy, last_upper)
                    continue
            segments.append((text, legacy, upper))
        out: list[str] = []
        for text, legacy, upper in segments:
            converted = convert_if_legacy(text, legacy) if legacy else None
            if legacy and converted is not None:
                self.converted.add(legacy)
                text = converted
            out.append(text.upper() if upper else text)
        return "".join(out)


# A run's text, the legacy encoding its font implies (if any), and whether it shows in capitals.
Piece = tuple[str, Legacy | None, bool]


class TableBorders:
    """Whether a table draws borders, from its own properties or its table style (Table Grid does)."""

    def __init__(self, styles: Any) -> None:
        self.styles: StyleTable = {}  # style id → basedOn, tblBorders
        if styles is None:
            return
        for st in styles.iter(W + "style"):
            sid = st.get(W + "styleId")
            if sid and st.get(W + "type") == "table":
                self.styles[sid] = (_val(st, "w:basedOn"), st.find(f"{W}tblPr/{W}tblBorders"))

    def visible(self, tbl: Any) -> bool:
        own = _drawn(tbl.find(f"{W}tblPr/{W}tblBorders"))
        if own is not None:
            return own
        return from_style_chain(self.styles, _val(tbl, "w:tblPr/w:tblStyle"), _drawn) is True


def _drawn(borders: Any) -> bool | None:
    """True if any border line is drawn, False if all are "none"/"nil", None if not specified here."""
    if borders is None or len(borders) == 0:
        return None
    return any(edge.get(W + "val") not in ("nil", "none") for edge in borders)


def _children(el: Any, tag: str) -> list[Any]:
    """Direct children with `tag`, looking through content controls and custom XML wrappers."""
    found: list[Any] = []
    for child in el:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                found.extend(_children(content, tag))
    return found


def _val(el: Any, path: str) -> str | None:
    found = el.find(clark(path))
    return None if found is None else found.get(W + "val")
