"""Twins of a golden text document: the same text as a Word .docx and as a rendered PDF.

Written as an office writes them, not as the text file looks:
- .docx (python-docx): one Word paragraph per logical paragraph; "1.", "a)", "(1)", "I." labels and
  "-", "+", "•" bullets become Word AUTOMATIC numbering (numPr + numbering.xml, restarted with
  startOverride where the text restarts), so the label is not in the paragraph's text; Roman
  parts and upper-case lines are Heading styles; "|" rows are real Word tables; the official
  header block (issuer | motto, number | place and date) is a 2-column borderless table.
- .pdf printed by Chromium from an HTML page (build_printed_pdf): another renderer's text layer
  (Skia), borders drawn cell by cell, justified paragraphs with a first-line indent.
- .pdf (reportlab): A4, a Times-like font with Vietnamese glyphs (Liberation Serif, else DejaVu
  Serif), text wrapped at the page width, a running header and a page number on every page,
  tables drawn as tables, the header block as two columns.

The paragraphs come from the text version through the extractor's normaliser (its reading of the
hard-wrapped text is the one both twins must reproduce); the header block from the raw lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from nghiquyet.extract.read import read_document
from nghiquyet.extract.text.normalise import paragraphs

FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"),
             Path("/usr/share/fonts/truetype/dejavu"))
FONT_FILES = (("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
              ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"))

# label pattern → (list kind, Word numFmt, lvlText); the kind groups items that continue each other.
_LABELS: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
    (re.compile(r"([IVX]{1,5})\.\s+(?=\S)"), "roman", "upperRoman", "%1."),
    (re.compile(r"(\d{1,2})\.\s+(?=\S)"), "decimal", "decimal", "%1."),
    (re.compile(r"(\d{1,2})\)\s+(?=\S)"), "paren1", "decimal", "%1)"),
    (re.compile(r"\((\d{1,2})\)\s+(?=\S)"), "paren2", "decimal", "(%1)"),
    (re.compile(r"([a-z])\)\s+(?=\S)"), "letter", "lowerLetter", "%1)"),
    (re.compile(r"(-)\s+(?=\S)"), "dash", "bullet", "-"),
    (re.compile(r"(\+)\s+(?=\S)"), "plus", "bullet", "+"),
    (re.compile(r"(•)\s*(?=\S)"), "dot", "bullet", "•"),
)
_COLUMNS = re.compile(r"\S.*?\S(?=\s{3,}\S)|\S.*")  # a header line: two columns set apart by 3+ spaces


@dataclass(slots=True)
class Block:
    """One piece of the document: a paragraph, a table (rows of cells) or the header block."""

    kind: str  # "p", "heading", "table", "header"
    text: str = ""
    label: tuple[str, str, str, int] | None = None  # kind, numFmt, lvlText, value
    rows: list[list[str]] = field(default_factory=list)
    bold: bool = False


def font_paths() -> tuple[Path, Path] | None:
    """Regular and bold Times-like fonts with Vietnamese glyphs, or None when none is installed."""
    for regular, bold in FONT_FILES:
        for folder in FONT_DIRS:
            if (folder / regular).is_file() and (folder / bold).is_file():
                return folder / regular, folder / bold
    return None


def _label(text: str) -> tuple[tuple[str, str, str, int] | None, str]:
    for pattern, kind, fmt, lvl_text in _LABELS:
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group(1)
        if fmt == "bullet":
            value = 1
        elif fmt == "upperRoman":
            value = _roman_value(raw)
        elif fmt == "lowerLetter":
            value = ord(raw) - ord("a") + 1
        else:
            value = int(raw)
        return (kind, fmt, lvl_text, value), text[m.end():]
    return None, text


def _roman_value(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = values[a]
        total += -v if values.get(b, 0) > v else v
    return total


def _header(lines: list[str]) -> tuple[list[list[str]], int]:
    """The official header block at the top (rows of [left, right]) and the last line it uses."""
    rows: list[list[str]] = []
    last = 0
    for no, raw in enumerate(lines[:12], start=1):
        if not raw.strip():
            continue
        cols = _COLUMNS.findall(raw.strip())
        if len(cols) != 2:
            break
        rows.append([c.strip() for c in cols])
        last = no
    return (rows, last) if len(rows) >= 2 else ([], 0)


def blocks(txt: Path) -> list[Block]:
    """The text document as blocks, in order."""
    source = read_document(txt)
    header, header_end = _header(source.lines)
    out: list[Block] = []
    if header:
        out.append(Block("header", rows=header))
    for p in paragraphs(source.lines):
        if p.line <= header_end:
            continue
        if p.cells:
            if out and out[-1].kind == "table":
                out[-1].rows.append(list(p.cells))
            else:
                out.append(Block("table", rows=[list(p.cells)]))
            continue
        label, rest = _label(p.text)
        if label is not None and label[0] == "roman":
            out.append(Block("heading", rest, label, bold=True))
        elif label is None and (p.md_heading or (p.text.isupper() and len(p.text) < 120)):
            out.append(Block("heading", p.text, bold=True))
        else:
            out.append(Block("p", rest, label, bold=p.bold))
    return out


# ---------------------------------------------------------------------------------------------- docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class _Lists:
    """Word numbering built as the document is written: one abstract list per label kind; a new list
    instance (w:num with startOverride) wherever the text does not simply continue the last item."""

    def __init__(self, numbering: object) -> None:
        self.numbering = numbering
        self.abstract: dict[str, int] = {}
        self.last: dict[str, tuple[int, int]] = {}  # kind → (numId, value)
        self.next_id = 100

    def num_id(self, kind: str, fmt: str, lvl_text: str, value: int) -> int:
        from docx.oxml import parse_xml

        if kind not in self.abstract:
            aid = self.next_id
            self.next_id += 1
            ab = parse_xml(
                f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{aid}">'
                f'<w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{lvl_text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl></w:abstractNum>')
            first_num = self.numbering.find(f"{{{_W}}}num")  # type: ignore[attr-defined]
            if first_num is not None:
                first_num.addprevious(ab)
            else:
                self.numbering.append(ab)  # type: ignore[attr-defined]
            self.abstract[kind] = aid
        last = self.last.get(kind)
        if last is not None and (fmt == "bullet" or value == last[1] + 1):
            self.last[kind] = (last[0], value)
            return last[0]
        nid = self.next_id
        self.next_id += 1
        self.numbering.append(parse_xml(  # type: ignore[attr-defined]
            f'<w:num xmlns:w="{_W}" w:numId="{nid}"><w:abstractNumId w:val="{self.abstract[kind]}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{value}"/></w:lvlOverride></w:num>'))
        self.last[kind] = (nid, value)
        return nid


def _borderless(table: object) -> None:
    from docx.oxml import parse_xml

    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    edges = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl_pr.append(parse_xml(f'<w:tblBorders xmlns:w="{_W}">{edges}</w:tblBorders>'))


def build_docx(txt: Path, out: Path) -> Path:
    """Write the .docx twin of `txt` to `out`."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml

    document = docx.Document()
    lists = _Lists(document.part.numbering_part.element)
    for block in blocks(txt):
        if block.kind == "header":
            table = document.add_table(rows=1, cols=2)
            _borderless(table)
            for col in range(2):
                cell = table.cell(0, col)
                texts = [row[col] for row in block.rows]
                cell.paragraphs[0].text = texts[0]
                for text in texts[1:]:
                    para = cell.add_paragraph(text)
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for i, row in enumerate(block.rows):
                for j, text in enumerate(row):
                    table.cell(i, j).text = text
            continue
        if block.kind == "heading":
            para = document.add_paragraph(block.text, style="Heading 1" if block.label else "Heading 2")
        else:
            para = document.add_paragraph()
            run = para.add_run(block.text)
            run.bold = block.bold or None
        if block.label is not None:
            kind, fmt, lvl_text, value = block.label
            nid = lists.num_id(kind, fmt, lvl_text, value)
            para._p.get_or_add_pPr().append(parse_xml(  # python-docx has no numbering API
                f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))
    document.save(str(out))
    return out


# ----------------------------------------------------------------------------------------------- pdf


def build_pdf(txt: Path, out: Path, *, running_header: str = "Bản sao điện tử - lưu hành nội bộ") -> Path:
    """Write the .pdf twin of `txt` to `out` (raises RuntimeError when no suitable font exists)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    fonts = font_paths()
    if fonts is None:
        raise RuntimeError("no Times-like font with Vietnamese glyphs (install fonts-liberation2)")
    if "TwinSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TwinSerif", str(fonts[0])))
        pdfmetrics.registerFont(TTFont("TwinSerif-Bold", str(fonts[1])))
    body = ParagraphStyle("body", fontName="TwinSerif", fontSize=13, leading=17, firstLineIndent=10 * mm,
                          spaceAfter=4, alignment=4)
    head = ParagraphStyle("head", parent=body, fontName="TwinSerif-Bold", firstLineIndent=0, alignment=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=11, leading=13, firstLineIndent=0, alignment=0)
    centre = ParagraphStyle("centre", parent=cell, alignment=1, fontSize=10.5)

    def furniture(canvas: object, doc: object) -> None:
        c = canvas
        c.saveState()  # type: ignore[attr-defined]
        c.setFont("TwinSerif", 9)  # type: ignore[attr-defined]
        c.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, running_header)  # type: ignore[attr-defined]
        c.drawCentredString(A4[0] / 2, 10 * mm, str(c.getPageNumber()))  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    story: list[object] = []
    for block in blocks(txt):
        if block.kind == "header":
            rows = [[Paragraph(escape(a), centre), Paragraph(escape(b), centre)] for a, b in block.rows]
            story.append(Table(rows, colWidths=[78 * mm, 92 * mm]))
            story.append(Spacer(1, 4 * mm))
            continue
        if block.kind == "table":
            width = max(len(r) for r in block.rows)
            rows = [[Paragraph(escape(t), cell) for t in r] + [""] * (width - len(r)) for r in block.rows]
            table = Table(rows, colWidths=[170 * mm / width] * width, repeatRows=0)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
            story.append(Spacer(1, 3 * mm))
            continue
        text = block.text
        if block.label is not None:
            _, fmt, lvl_text, value = block.label
            text = f"{_render(fmt, lvl_text, value)} {text}"
        style = head if block.kind == "heading" or block.bold else body
        story.append(Paragraph(escape(text), style))
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=txt.stem)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out


def _render(fmt: str, lvl_text: str, value: int) -> str:
    if fmt == "bullet":
        return lvl_text
    if fmt == "upperRoman":
        romans = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
        shown, rest = "", value
        for n, s in romans:
            while rest >= n:
                shown, rest = shown + s, rest - n
    elif fmt == "lowerLetter":
        shown = chr(ord("a") + value - 1)
    else:
        shown = str(value)
    return lvl_text.replace("%1", shown)



# ------------------------------------------------------------------------------ pdf printed by Chromium

CHROMIUM = Path("/usr/bin/chromium")
_PAGE_CSS = ("body{font-family:'Liberation Serif',serif;font-size:13pt;line-height:1.3}"
             "p{text-align:justify;text-indent:10mm;margin:0 0 3pt 0}h2{font-size:13pt;margin:0 0 3pt 0}"
             "table{border-collapse:collapse}td{font-size:10.5pt;text-align:center;padding:0 6mm}"
             "table.grid td{border:0.5pt solid black;text-align:left}")


def build_printed_pdf(txt: Path, out: Path) -> Path:
    """Write `txt` as an HTML page and print it to `out` with headless Chromium."""
    import subprocess
    from html import escape

    parts = [f"<html><head><meta charset='utf-8'><style>{_PAGE_CSS}</style></head><body>"]
    for block in blocks(txt):
        if block.kind in ("header", "table"):
            cells = ("".join(f"<td>{escape(c)}</td>" for c in row) for row in block.rows)
            rows = "".join(f"<tr>{row}</tr>" for row in cells)
            parts.append(f"<table class='{'grid' if block.kind == 'table' else ''}'>{rows}</table>")
            continue
        text = block.text if block.label is None else f"{_render(*block.label[1:])} {block.text}"
        tag = "h2" if block.kind == "heading" or block.bold else "p"
        parts.append(f"<{tag}>{escape(text)}</{tag}>")
    page = out.with_suffix(".html")
    page.write_text("".join(parts) + "</body></html>", encoding="utf-8")
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", page.as_uri()], capture_output=True, timeout=120, check=True)
    return out
