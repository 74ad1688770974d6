"""PDFs: text layer read page by page with diacritics intact; scanned, broken and locked files explained."""

from __future__ import annotations

import contextlib
import io
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from nghiquyet.extract.read import CorruptFile, ProtectedFile, ScannedPdf, read_document
from nghiquyet.extract.read import pdf as pdf_module
from nghiquyet.extract.read.pdflines import VisualLine


def test_vietnamese_text_layer_reads_line_by_line(vietnamese_pdf: Path) -> None:
    source = read_document(vietnamese_pdf)
    assert source.kind == "pdf"
    body = [line for line in source.lines if not line.strip().isdigit()]  # page numbers in the footer
    assert body == [
        "NGHỊ QUYẾT",
        "về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        "1. Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5% trở lên.",
        "2. Thu ngân sách nhà nước trên địa bàn đạt 5.000 tỷ đồng.",
        "Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ngành thực hiện.",
    ]
    assert all(unicodedata.is_normalized("NFC", line) for line in source.lines)


def test_page_starts_point_at_the_first_line_of_each_page(vietnamese_pdf: Path) -> None:
    source = read_document(vietnamese_pdf)
    assert len(source.page_starts) == 2
    assert source.page_starts[0] == 0
    assert source.lines[source.page_starts[1]].startswith("2. Thu ngân sách")
    assert not any("\x0c" in line for line in source.lines)


def test_pdfminer_reads_when_pdfium_fails(vietnamese_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes) -> list[list[VisualLine]]:
        raise pdfium.PdfiumError("simulated failure")

    monkeypatch.setattr(pdf_module, "_pdfium_pages", broken)
    source = read_document(vietnamese_pdf)
    text = "\n".join(source.lines)
    assert "Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5% trở lên." in text
    assert len(source.page_starts) == 2
    assert any("pdfminer" in note for note in source.notes)


def test_pdf_without_text_layer_is_reported_as_scanned(blank_pdf: Path) -> None:
    with pytest.raises(ScannedPdf) as info:
        read_document(blank_pdf)
    message = str(info.value)
    assert "scan" in message and "OCR" in message and ".docx" in message


def test_pages_without_text_are_noted(vietnamese_pdf: Path, tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(vietnamese_pdf)
    pdf.new_page(595, 842)
    path = tmp_path / "mixed.pdf"
    with path.open("wb") as handle:
        pdf.save(handle)
    pdf.close()
    source = read_document(path)
    assert len(source.page_starts) == 3
    assert any("3" in note and "scan" in note for note in source.notes)


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_truncated_pdf_is_corrupt_or_read_partly(vietnamese_pdf: Path, tmp_path: Path, cut: float) -> None:
    data = vietnamese_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    with contextlib.suppress(CorruptFile, ScannedPdf):
        read_document(path)  # pdfminer sometimes recovers the first page: that is fine


def test_garbage_named_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a pdf\n" * 5)
    with pytest.raises(CorruptFile) as info:
        read_document(path)
    assert "PDF" in str(info.value)


def test_password_protected_pdf_says_so(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt="mat-khau")
    page.drawString(72, 720, "Nghi quyet")
    page.save()
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ProtectedFile):
        read_document(path)


def test_text_layer_of_glyph_codes_is_reported(vietnamese_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Fonts embedded without a Unicode map give private-use characters instead of letters.
    glyphs = [[VisualLine("\ue001\ue002\ue003 \ue004\ue005 ab", 0)]]
    monkeypatch.setattr(pdf_module, "_pdfium_pages", lambda data: glyphs)
    with pytest.raises(ScannedPdf) as info:
        read_document(vietnamese_pdf)
    assert "Unicode" in str(info.value) and "OCR" in str(info.value)
