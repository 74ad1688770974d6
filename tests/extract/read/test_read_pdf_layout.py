"""Layout the PDF text layer loses, restored from the characters' boxes (pdf.py module doc)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest

from nghiquyet.extract.read import read_document

pytest.importorskip("reportlab")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
pytestmark = pytest.mark.skipif(not FONT.is_file(), reason="DejaVu Sans is not installed")
MM = 72 / 25.4


def _pdf(path: Path, pages: list[list[tuple[float, float, str]]],
         rules: Sequence[tuple[float, float, float, float]] = ()) -> Path:
    """A PDF whose pages hold strings at (x mm from left, y mm from bottom); `rules` are lines
    (x0, y0, x1, y1 in mm) drawn on the first page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "LayoutSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LayoutSans", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n, strings in enumerate(pages):
        c.setFont("LayoutSans", 12)
        for x0, y0, x1, y1 in rules if n == 0 else ():
            c.line(x0 * MM, y0 * MM, x1 * MM, y1 * MM)
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


def test_ruled_table_is_read_row_by_row_with_wrapped_cells_joined(tmp_path: Path) -> None:
    # A 3-column grid of 3 rows from 200 to 260 mm; the middle cell of row 2 wraps onto two lines,
    # the first cell of row 3 is empty (a "trong đó" sub-row).
    xs, ys = (20, 40, 140, 190), (260, 245, 222, 205)
    rules = [(x, ys[-1], x, ys[0]) for x in xs] + [(xs[0], y, xs[-1], y) for y in ys]
    strings = [
        (22, 250, "TT"), (42, 250, "Chỉ tiêu"), (142, 250, "Năm 2026"),
        (22, 238, "1"), (42, 238, "Số hộ dân được cấp nước sạch"), (42, 231, "theo quy chuẩn"),
        (142, 238, "4.200 hộ"),
        (42, 212, "trong đó hộ nghèo"), (142, 212, "310 hộ"),
        (25, 180, "Đoạn văn sau bảng vẫn là một dòng."),
    ]
    lines = read_document(_pdf(tmp_path / "bang.pdf", [strings], rules)).lines
    assert lines == [
        "TT | Chỉ tiêu | Năm 2026",
        "1 | Số hộ dân được cấp nước sạch theo quy chuẩn | 4.200 hộ",
        "|  | trong đó hộ nghèo | 310 hộ |",
        "Đoạn văn sau bảng vẫn là một dòng.",
    ]


def test_an_underline_is_not_a_table(tmp_path: Path) -> None:
    strings = [(60, 250, "Độc lập - Tự do - Hạnh phúc"), (25, 230, "Nội dung chính.")]
    lines = read_document(_pdf(tmp_path / "gach.pdf", [strings], [(60, 248, 120, 248)])).lines
    assert lines == ["Độc lập - Tự do - Hạnh phúc", "Nội dung chính."]


def test_a_table_ruled_cell_by_cell_is_read_as_a_table(tmp_path: Path) -> None:
    # Chromium (an HTML page printed to PDF) draws each cell's borders, so no rule spans the table.
    xs, ys = (20, 40, 140, 190), (240, 225, 210)
    rules = [(x, ys[r + 1], x, ys[r]) for x in xs for r in range(len(ys) - 1)]
    rules += [(a, y, b, y) for y in ys for a, b in pairwise(xs)]
    strings = [(22, 230, "TT"), (42, 230, "Chỉ tiêu"), (142, 230, "Năm 2027"),
               (22, 215, "1"), (42, 215, "Số thôn có nhà văn hóa đạt chuẩn"), (142, 215, "36 thôn")]
    lines = read_document(_pdf(tmp_path / "o.pdf", [strings], rules)).lines
    assert lines == ["TT | Chỉ tiêu | Năm 2027", "1 | Số thôn có nhà văn hóa đạt chuẩn | 36 thôn"]
