"""Bordered DOCX tables written as one XML string.

python-docx's cell API rescans the whole table for every cell it touches, so a 6,000-row appendix
(20 targets × 300 units) took ~40 s; building the `w:tbl` element directly takes well under a second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.table import Table

from nghiquyet.reports.docx_layout import FONT

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TWIPS_PER_MM = 1440 / 25.4
_BORDER = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
_BORDERS = "".join(_BORDER.format(e) for e in ("top", "left", "bottom", "right", "insideH", "insideV"))

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML; may come from pasted notes
Row = Sequence[str] | str  # a plain string is a group heading spanning every column


def _run(text: str, half_points: int, bold: bool) -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    b = "<w:b/><w:bCs/>" if bold else ""
    size = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    body = escape(_CONTROL.sub("", text))
    return f'<w:r><w:rPr>{fonts}{b}{size}</w:rPr><w:t xml:space="preserve">{body}</w:t></w:r>'


def _cell(text: str, width: int, half_points: int, *, bold: bool, center: bool, span: int = 1) -> str:
    jc = '<w:jc w:val="center"/>' if center else ""
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    runs = _run(text, half_points, bold) if text else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{jc}</w:pPr>'
            f"{runs}</w:p></w:tc>")


def add_table(doc: DocxDocument, columns: Sequence[str], widths_mm: Sequence[float], rows: Sequence[Row],
              *, center_cols: set[int], size_pt: float = 12) -> Table:
    """Append a table: a header row repeated on each page, then `rows`."""
    widths = [round(w * _TWIPS_PER_MM) for w in widths_mm]
    hp = round(size_pt * 2)
    parts = [f'<w:tbl {_NS}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
             f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
             f'<w:jc w:val="center"/><w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
             '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
             "</w:tblPr><w:tblGrid>", *(f'<w:gridCol w:w="{w}"/>' for w in widths), "</w:tblGrid>",
             '<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>',
             *(_cell(c, w, hp, bold=True, center=True) for c, w in zip(columns, widths, strict=True)),
             "</w:tr>"]
    for row in rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        if isinstance(row, str):
            parts.append(_cell(row, sum(widths), hp, bold=True, center=False, span=len(widths)))
        else:
            parts.extend(_cell(v, w, hp, bold=False, center=i in center_cols)
                         for i, (v, w) in enumerate(zip(row, widths, strict=True)))
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    tbl = parse_xml("".join(parts))
    body = doc.element.body
    sect = body.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")
    if sect is not None:
        sect.addprevious(tbl)
    else:
        body.append(tbl)
    return Table(tbl, doc._body)
