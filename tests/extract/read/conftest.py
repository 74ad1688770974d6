"""Fixtures building real test documents: .docx with Word numbering, PDFs with and without text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from read_builders import add_numbering


@pytest.fixture
def new_docx() -> Callable[[], Any]:
    """A fresh python-docx Document with our list definitions installed."""
    def make() -> Any:
        document = docx.Document()
        add_numbering(document)
        return document
    return make


PAGES = [
    ["NGHỊ QUYẾT", "về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
     "1. Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5% trở lên."],
    ["2. Thu ngân sách nhà nước trên địa bàn đạt 5.000 tỷ đồng.",
     "Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ngành thực hiện."],
]


@pytest.fixture(scope="session")
def vietnamese_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page PDF with a Vietnamese text layer and page numbers, drawn by reportlab in DejaVu Sans.

    reportlab rather than weasyprint: it imports in a fraction of the time and embeds the same
    kind of subset TrueType font with a ToUnicode map that Word's "Save as PDF" does.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    path = tmp_path_factory.mktemp("pdf") / "nghi-quyet.pdf"
    page = canvas.Canvas(str(path))
    for number, lines in enumerate(PAGES, start=1):
        page.setFont("DejaVuSans", 12)
        for row, line in enumerate(lines):
            page.drawString(72, 770 - 20 * row, line)
        page.drawString(297, 40, str(number))
        page.showPage()
    page.save()
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
