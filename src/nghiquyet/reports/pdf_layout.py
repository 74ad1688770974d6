"""The PDF report's page and type: A4 with the decree's margins, the shipped Liberation Serif, grid tables.

reportlab's platypus lays the pages out: it embeds a subset of each TrueType font it draws with (with a
ToUnicode map, so the text layer reads back with every Vietnamese letter) and lays a 14-page report out
in a tenth of the time an HTML engine takes (issue 15 point 6).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import SimpleDocTemplate

from nghiquyet.reports.base import FONTS_DIR

FAMILY = "NQ-Serif"
# Nghị định 30/2020/NĐ-CP: top and bottom 20 mm, left 30 mm, right 15 mm.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FRAME_WIDTH = A4[0] - (MARGINS_MM["left"] + MARGINS_MM["right"]) * mm
LINE_HEIGHT = 1.3
BODY_PT = 14
CELL_PT = 12
GRID_PT = 0.6


@functools.cache
def register_fonts() -> str:
    """Liberation Serif from reports/fonts, in its four faces, as one family (so <b> and <i> pick a face)."""
    faces = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
    for suffix, face in faces.items():
        pdfmetrics.registerFont(TTFont(FAMILY + suffix, str(FONTS_DIR / f"LiberationSerif-{face}.ttf")))
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=f"{FAMILY}-Bold", italic=f"{FAMILY}-Italic",
                                  boldItalic=f"{FAMILY}-BoldItalic")
    return FAMILY


@functools.cache
def style(size: float = BODY_PT, align: str = "justify", *, indent_mm: float = 0, before: float = 0,
          after: float = 0) -> ParagraphStyle:
    alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}[align]
    return ParagraphStyle(f"nq-{size}-{align}-{indent_mm}-{before}-{after}", fontName=register_fonts(),
                          fontSize=size, leading=size * LINE_HEIGHT, alignment=alignment,
                          firstLineIndent=indent_mm * mm, spaceBefore=before, spaceAfter=after,
                          splitLongWords=True)


def markup(text: str, *, bold: bool = False, italic: bool = False, underline: bool = False,
           keep_spaces: bool = False) -> str:
    """Text as paragraph markup: escaped, NFC (a decomposed letter would lose its mark's place)."""
    out = escape(unicodedata.normalize("NFC", text))
    if keep_spaces:  # "Số    -BC/VPTU": the blank left for the number is kept, as in the DOCX
        out = out.replace(" ", "&nbsp;")
    for on, tag in ((bold, "b"), (italic, "i"), (underline, "u")):
        if on:
            out = f"<{tag}>{out}</{tag}>"
    return out


def par(text: str, size: float = BODY_PT, align: str = "justify", *, bold: bool = False,
        italic: bool = False, underline: bool = False, keep_spaces: bool = False, indent_mm: float = 0,
        before: float = 0, after: float = 0) -> Paragraph:
    return Paragraph(markup(text, bold=bold, italic=italic, underline=underline, keep_spaces=keep_spaces),
                     style(size, align, indent_mm=indent_mm, before=before, after=after))


# A group row spans the whole table: one string instead of a list of cells.
Row = Sequence[str] | str


def grid_table(columns: Sequence[str], widths: Sequence[float], rows: Iterable[Row], *,
               size: float = CELL_PT, align: dict[int, str] | None = None) -> Table:
    """A bordered table, header repeated on every page; `widths` are shares of the frame's width."""
    align = align or {}
    n = len(columns)
    data: list[list[Any]] = [[par(c, size, "center", bold=True) for c in columns]]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID_PT, (0, 0, 0)),
        ("FONT", (0, 0), (-1, -1), FAMILY, size),  # the spanned cells' blanks too: no Helvetica named
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for row in rows:
        if isinstance(row, str):
            commands.append(("SPAN", (0, len(data)), (n - 1, len(data))))
            data.append([par(row, size, "left", bold=True)] + [""] * (n - 1))
        else:
            data.append([par(v, size, align.get(i, "left")) for i, v in enumerate(row)])
    table = Table(data, colWidths=[w * FRAME_WIDTH for w in widths], repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    return table


def plain_table(columns: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    """Side-by-side blocks without borders (the header, the signature): one row, a list per column."""
    table = Table([list(columns)], colWidths=[w * FRAME_WIDTH for w in widths], hAlign="CENTER")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONT", (0, 0), (-1, -1), FAMILY, BODY_PT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """The page number centred in the top margin, from page 2 on (the first page carries none)."""
    canvas.saveState()
    canvas.setFont(FAMILY, 13)
    canvas.drawCentredString(MARGINS_MM["left"] * mm + FRAME_WIDTH / 2, A4[1] - 12 * mm, str(doc.page))
    canvas.restoreState()


def build_pdf(path: str, story: list[Any], *, title: str) -> None:
    register_fonts()
    doc = SimpleDocTemplate(path, pagesize=A4, title=title, author="nghiquyet", creator="nghiquyet",
                            leftMargin=MARGINS_MM["left"] * mm, rightMargin=MARGINS_MM["right"] * mm,
                            topMargin=MARGINS_MM["top"] * mm, bottomMargin=MARGINS_MM["bottom"] * mm,
                            # The canvas opens in the shipped font, so no base-14 Helvetica is named.
                            initialFontName=FAMILY, initialFontSize=BODY_PT)
    doc.build(story, onLaterPages=_page_number)
