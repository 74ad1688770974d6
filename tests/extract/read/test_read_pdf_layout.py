"""Layout the PDF text layer loses, restored from the characters' boxes (pdf.py module doc)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nghiquyet.extract.read import read_document

pytest.importorskip("reportlab")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(not FONT.is_file(), reason="DejaVu Sans is not installed")
MM = 72 / 25.4


def _pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """A PDF whose pages hold strings at (x mm from left, y mm from bottom)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "LayoutSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LayoutSans", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    for strings in pages:
        c.setFont("LayoutSans", 12)
        for x, y, text in strings:
            c.drawString(x * MM, y * MM, text)
        c.showPage()
    c.save()
    return path


def test_two_columns_on_one_line_stay_apart(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "cot.pdf", [[
        (25, 270, "SỞ GIAO THÔNG VẬN TẢI"), (110, 270, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (25, 250, "Đường liên xã dài 12 km được trải nhựa trong năm nay."),
    ]])
    lines = read_document(path).lines
    left, right = lines[0].split("     ", 1)
    assert (left.strip(), right.strip()) == ("SỞ GIAO THÔNG VẬN TẢI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Đường liên xã dài 12 km được trải nhựa trong năm nay." in lines  # ordinary spaces untouched


def test_running_header_and_page_number_in_the_margins_are_dropped(tmp_path: Path) -> None:
    page = [(80, 287, "Tài liệu họp - không phổ biến"), (100, 8, "7"),
            (25, 260, "Kênh mương nội đồng được kiên cố hóa thêm 4 km.")]
    source = read_document(_pdf(tmp_path / "le.pdf", [page, page]))
    assert source.lines == ["Kênh mương nội đồng được kiên cố hóa thêm 4 km."] * 2
    assert source.page_starts == [0, 1]


def test_a_page_with_only_margin_text_keeps_it(tmp_path: Path) -> None:
    source = read_document(_pdf(tmp_path / "le-only.pdf", [[(20, 290, "Ghi chú đặt sát mép trên")]]))
    assert source.lines == ["Ghi chú đặt sát mép trên"]
