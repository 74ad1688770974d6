"""Builders for real test documents: .docx with Word numbering and tables, PDFs with a text layer."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seeds"

# Two list definitions as Word writes them: a legal-style decimal outline ("1.", "1.1.", "a)")
# and a bullet list whose second level is a Symbol-font character.
NUMBERING_XML = f"""
<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="90">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="91">
    <w:multiLevelType w:val="hybridMultilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="92">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>
      <w:suff w:val="space"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="93">
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
  <w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
  <w:num w:numId="92"><w:abstractNumId w:val="92"/></w:num>
  <w:num w:numId="93"><w:abstractNumId w:val="93"/></w:num>
  <w:num w:numId="94"><w:abstractNumId w:val="90"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>
"""


def add_numbering(document: Any) -> None:
    """Append the list definitions above to the document's numbering part (abstracts before nums)."""
    numbering = document.part.numbering_part.element
    extra = parse_xml(NUMBERING_XML)
    abstracts = [el for el in extra if el.tag == f"{{{W_NS}}}abstractNum"]
    nums = [el for el in extra if el.tag == f"{{{W_NS}}}num"]
    first_num = numbering.find(f"{{{W_NS}}}num")
    for ab in abstracts:
        if first_num is not None:
            first_num.addprevious(ab)
        else:
            numbering.append(ab)
    for num in nums:
        numbering.append(num)


def numbered(document: Any, text: str, num_id: int, ilvl: int = 0, style: str | None = None) -> Any:
    """A paragraph with direct numbering, as Word stores it (w:numPr in the paragraph properties)."""
    paragraph = document.add_paragraph(text, style=style)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def docx_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def new_docx() -> Callable[[], Any]:
    """A fresh python-docx Document with our list definitions installed."""
    def make() -> Any:
        document = docx.Document()
        add_numbering(document)
        return document
    return make


@pytest.fixture(scope="session")
def vietnamese_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page PDF with a Vietnamese text layer, rendered by weasyprint."""
    from weasyprint import HTML

    html = """<html><head><meta charset="utf-8"><style>
      @page { size: A4; margin: 2cm; @bottom-center { content: counter(page); } }
      body { font-family: 'DejaVu Serif', serif; font-size: 12pt; }
      .break { page-break before: always; break-before: page; }
    </style></head><body>
      <p>NGHỊ QUYẾT</p>
      <p>về nhiệm vụ phát triển kinh tế - xã hội năm 2024</p>
      <p>1. Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5% trở lên.</p>
      <p class="break">2. Thu ngân sách nhà nước trên địa bàn đạt 5.000 tỷ đồng.</p>
      <p>Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ngành thực hiện.</p>
    </body></html>"""
    path = tmp_path_factory.mktemp("pdf") / "nghi-quyet.pdf"
    HTML(string=html).write_pdf(path)
    return path


@pytest.fixture(scope="session")
def blank_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two pages without any text object: what a scanner without OCR produces, minus the image."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.new_page(595, 842)
    path = tmp_path_factory.mktemp("pdf") / "scan.pdf"
    with path.open("wb") as handle:
        pdf.save(handle)
    pdf.close()
    return path
