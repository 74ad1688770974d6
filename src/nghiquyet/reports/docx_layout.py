"""Page, fonts and the administrative header/signature blocks for DOCX reports.

The layout follows what offices apply from Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn
36-HD/VPTW (Party bodies): A4, margins 20-25 mm top and bottom, 30-35 mm left, 15-20 mm right,
Times New Roman 13-14 pt, the issuer on the left and the Party name or the national motto on the right.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from nghiquyet.reports.data import Header, Signer

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12


def set_run_font(run: Run, size: float | None = None, *, bold: bool = False, italic: bool = False,
                 underline: bool = False) -> Run:
    """Times New Roman on every script slot: Word picks eastAsia/cs fonts for some Vietnamese letters."""
    font = run.font
    font.name = FONT
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), FONT)
    if size:
        font.size = Pt(size)
    font.bold = bold or None
    font.italic = italic or None
    font.underline = underline or None
    return run


def setup_document(doc: DocxDocument) -> None:
    """A4 portrait, the standard margins, Times New Roman in every style the report uses."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    for name in ("Normal", "Table Grid", "Heading 1", "Heading 2", "Title", "Caption"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(slot), FONT)
        # Theme fonts would override the explicit names (STACK.md: headings fell back to DejaVu).
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    fmt = normal.paragraph_format
    fmt.space_after = Pt(6)
    fmt.line_spacing = 1.15


def add_par(container: DocxDocument | _Cell, text: str = "", size: float | None = None, *,
            bold: bool = False, italic: bool = False, underline: bool = False,
            align: WD_ALIGN_PARAGRAPH | None = None, indent_mm: float | None = None,
            space_after: float | None = None) -> Paragraph:
    par: Paragraph = container.add_paragraph()
    if text:
        set_run_font(par.add_run(text), size, bold=bold, italic=italic, underline=underline)
    if align is not None:
        par.alignment = align
    if indent_mm is not None:
        par.paragraph_format.first_line_indent = Mm(indent_mm)
    if space_after is not None:
        par.paragraph_format.space_after = Pt(space_after)
    return par


def _first_par(cell: _Cell, text: str, size: float, *, bold: bool = False, italic: bool = False,
               underline: bool = False) -> Paragraph:
    """Fill a cell's existing empty paragraph (a new cell always has one) instead of adding below it."""
    par: Paragraph = cell.paragraphs[0]
    set_run_font(par.add_run(text), size, bold=bold, italic=italic, underline=underline)
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.space_after = Pt(0)
    return par


def no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    # Schema order matters to Word ("unreadable content" otherwise): borders go before tblLayout,
    # tblCellMar and tblLook, which python-docx may already have written.
    later = [tbl_pr.find(qn(f"w:{n}")) for n in ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption")]
    anchor = next((el for el in later if el is not None), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def add_header_block(doc: DocxDocument, header: Header) -> Table:
    """Two columns without borders: issuer and number left; Party name or national motto, place-date right."""
    table: Table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(72), Mm(93)
    parent, *bodies = header.issuer_lines or [""]
    if bodies:
        _first_par(left, parent, 14 if header.party else 13)
        for body in bodies:
            add_par(left, body, 14 if header.party else 13, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                    space_after=0)
    else:
        _first_par(left, parent, 14, bold=True)
    # Party documents put a star under the issuer; state documents a short rule.
    add_par(left, "*" if header.party else "――――――", 13, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    add_par(left, header.number, 14 if header.party else 13, align=WD_ALIGN_PARAGRAPH.CENTER,
            space_after=0)
    if header.party:
        _first_par(right, "ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True, underline=True)
        add_par(right, "", 14, space_after=0)
    else:
        _first_par(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
        add_par(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, underline=True,
                align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
        add_par(right, "", 13, space_after=0)
    add_par(right, header.place_date, 14, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    return table


def add_signature_block(doc: DocxDocument, signer: Signer, recipients: list[str]) -> Table:
    """"Nơi nhận:" on the left, the signer's capacity, position and name on the right (same row)."""
    table: Table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    par = left.paragraphs[0]
    set_run_font(par.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    par.paragraph_format.space_after = Pt(0)
    for i, name in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ","
        add_par(left, f"- {name}{end}", 11, space_after=0)
    _first_par(right, signer.capacity, 14, bold=True)
    if signer.position:
        add_par(right, signer.position, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    for _ in range(3):  # room for the signature and seal
        add_par(right, "", 14, space_after=0)
    add_par(right, signer.name, 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    return table
