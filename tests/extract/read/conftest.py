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
