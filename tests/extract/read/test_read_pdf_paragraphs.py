"""Wrapped PDF lines rejoined into the document's paragraphs from the layout (read/pdflines.py).

Each PDF is drawn with reportlab, as the twins are, line by line where the test says: justified lines
are stretched to the text width with word spacing, as Word sets them, so the page shows exactly
the wraps, indents, gaps and type the rule reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nghiquyet.extract.read import read_document

pytest.importorskip("reportlab")
FONTS = Path("/usr/share/fonts/truetype/dejavu")
pytestmark = pytest.mark.skipif(not (FONTS / "DejaVuSans-Bold.ttf").is_file(), reason="no DejaVu Sans")
MM = 72 / 25.4
LEFT, WIDTH, TOP = 30 * MM, 160 * MM, 270 * MM
SIZE, PITCH = 10.5, 14.0
INDENT = 10 * MM


class Page:
    """Lines drawn top-down on A4 pages: full (justified to the text width) or as they fall."""

    def __init__(self, path: Path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        for name, file in (("ParaSans", "DejaVuSans.ttf"), ("ParaSans-Bold", "DejaVuSans-Bold.ttf")):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
        self.path, self.width = path, pdfmetrics.stringWidth
        self.canvas = canvas.Canvas(str(path), pagesize=A4)
        self.y = TOP

    def line(self, text: str, *, full: bool = False, indent: float = 0.0, bold: bool = False,
             before: float = 0.0) -> None:
        font = "ParaSans-Bold" if bold else "ParaSans"
        self.y -= before
        shown = self.canvas.beginText(LEFT + indent, self.y)
        shown.setFont(font, SIZE)
        if full:  # stretch the spaces so the line ends at the right margin
            room = WIDTH - indent - self.width(text, font, SIZE)
            assert room >= 0, f"line too long for the text width: {text}"
            shown.setWordSpace(room / text.count(" "))
        shown.textLine(text)
        self.canvas.drawText(shown)
        self.y -= PITCH

    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = TOP

    def read(self) -> list[str]:
        self.canvas.save()
        return read_document(self.path).lines


FILLER = ("Các xã tiếp tục rà soát quỹ đất, huy động nguồn lực xã hội hóa và lồng ghép các chương "
          "trình mục tiêu để hoàn thành kế hoạch.")


def test_a_wrapped_line_that_begins_with_a_figure_stays_in_its_paragraph(tmp_path: Path) -> None:
    page = Page(tmp_path / "so-lieu.pdf")
    page.line("Diện tích gieo trồng lúa chất lượng cao trên địa bàn huyện phấn đấu", full=True, indent=INDENT)
    page.line("đạt khoảng hai nghìn bảy trăm năm mươi ha, trong đó vùng chuyên canh là", full=True)
    page.line("1.320 ha.")
    page.line("Giá trị sản xuất trên một ha đất trồng trọt đạt 150 triệu đồng.", indent=INDENT, before=4)
    assert page.read() == [
        "Diện tích gieo trồng lúa chất lượng cao trên địa bàn huyện phấn đấu đạt khoảng hai nghìn bảy "
        "trăm năm mươi ha, trong đó vùng chuyên canh là 1.320 ha.",
        "Giá trị sản xuất trên một ha đất trồng trọt đạt 150 triệu đồng.",
    ]


def test_a_wrapped_bold_title_is_one_line_and_keeps_apart_from_the_body(tmp_path: Path) -> None:
    # The title's last line happens to reach the margin too, and no space follows it: only the type
    # tells the body from the title.
    page = Page(tmp_path / "tieu-de.pdf")
    page.line("KẾ HOẠCH PHÁT TRIỂN MẠNG LƯỚI TRƯỜNG HỌC VÀ NÂNG CAO CHẤT", full=True, bold=True)
    page.line("LƯỢNG GIÁO DỤC MẦM NON VÀ PHỔ THÔNG GIAI ĐOẠN 2026 - 2030", full=True, bold=True)
    page.line("Mục tiêu chung của kế hoạch là bảo đảm đủ chỗ học cho trẻ em trong độ tuổi", full=True)
    page.line("đến trường, nhất là ở các xã vùng cao.")
    assert page.read() == [
        "KẾ HOẠCH PHÁT TRIỂN MẠNG LƯỚI TRƯỜNG HỌC VÀ NÂNG CAO CHẤT LƯỢNG GIÁO DỤC MẦM NON VÀ PHỔ THÔNG "
        "GIAI ĐOẠN 2026 - 2030",
        "Mục tiêu chung của kế hoạch là bảo đảm đủ chỗ học cho trẻ em trong độ tuổi đến trường, nhất là "
        "ở các xã vùng cao.",
    ]


def test_space_between_paragraphs_parts_them_without_an_indent(tmp_path: Path) -> None:
    # Block paragraphs (no first-line indent) whose last line happens to fill the width: only the
    # space after the paragraph tells that the next line is a new one.
    page = Page(tmp_path / "khoang-cach.pdf")
    page.line("Số trạm y tế xã có bác sĩ làm việc thường xuyên tăng thêm mười hai trạm,", full=True)
    page.line("nâng tỷ lệ trạm y tế xã có bác sĩ lên chín mươi lăm phần trăm cuối năm.", full=True)
    page.line("Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên chín mươi tám phần trăm,", full=True,
              before=8)
    page.line("bảo đảm mọi hộ cận nghèo đều được hỗ trợ mua thẻ theo quy định hiện hành.", full=True)
    page.line(FILLER[:60], before=8)
    lines = page.read()
    assert len(lines) == 3
    assert lines[0].endswith("cuối năm.") and lines[1].startswith("Tỷ lệ người dân")


def test_items_of_a_hanging_list_are_told_apart_by_their_left_edge(tmp_path: Path) -> None:
    # "a)" at the margin, its wrapped lines hung under the text: a line back at the margin is the next
    # item even when the line before filled the width.
    page = Page(tmp_path / "treo.pdf")
    hang = 6 * MM
    page.line("a) Hoàn thành cứng hóa toàn bộ đường trục xã, liên xã và đường đến trung tâm", full=True)
    page.line("các thôn, bản trước tháng mười hai năm hai nghìn không trăm hai mươi tám;", full=True,
              indent=hang)
    page.line("b) Kiên cố hóa kênh mương nội đồng do xã quản lý đạt tối thiểu tám mươi phần", full=True)
    page.line("trăm chiều dài, ưu tiên các tuyến phục vụ vùng sản xuất hàng hóa tập trung.", full=True,
              indent=hang)
    page.line(FILLER[:50], before=8)
    lines = page.read()
    assert lines[0].startswith("a) ") and lines[0].endswith("hai mươi tám;")
    assert lines[1].startswith("b) ") and lines[1].endswith("hàng hóa tập trung.")
    assert len(lines) == 3


def test_a_paragraph_runs_on_across_a_page_break(tmp_path: Path) -> None:
    page = Page(tmp_path / "sang-trang.pdf")
    page.line(FILLER[:50], before=0)
    page.line("Đến cuối năm, toàn tỉnh phấn đấu có thêm mười tám xã đạt chuẩn nông thôn", full=True,
              indent=INDENT, before=4)
    page.line("mới nâng cao, bốn xã đạt chuẩn nông thôn mới kiểu mẫu và hai huyện hoàn", full=True)
    page.new_page()
    page.line("thành nhiệm vụ xây dựng nông thôn mới.")
    page.line("Thu nhập bình quân của người dân nông thôn tăng ít nhất tám phần trăm.", indent=INDENT,
              before=4)
    page.canvas.save()
    source = read_document(page.path)
    assert source.lines[1].endswith("hai huyện hoàn thành nhiệm vụ xây dựng nông thôn mới.")
    assert source.lines[2].startswith("Thu nhập bình quân")
    assert source.page_starts == [0, 1]  # page 2 begins inside the paragraph on line 2


def test_a_word_broken_at_its_hyphen_is_rejoined_without_a_space(tmp_path: Path) -> None:
    page = Page(tmp_path / "gach-noi.pdf")
    page.line("Thực hiện Kết luận số 12-KL/TU về định hướng phát triển giai đoạn 2026-", full=True)
    page.line("2030, các phòng, ban chuyên môn rà soát chỉ tiêu, báo cáo trước ngày", full=True)
    page.line("15 tháng 3 hằng năm.")
    assert page.read() == [
        "Thực hiện Kết luận số 12-KL/TU về định hướng phát triển giai đoạn 2026-2030, các phòng, ban "
        "chuyên môn rà soát chỉ tiêu, báo cáo trước ngày 15 tháng 3 hằng năm.",
    ]
