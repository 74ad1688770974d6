"""Word files: paragraphs and tables in order, automatic numbering shown, legacy fonts converted."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import parse_xml
from read_builders import W_NS, docx_bytes, numbered

from nghiquyet.extract.read import CorruptFile, EmptyDocument, ProtectedFile, read_document

NewDocx = Callable[[], Any]


def read(tmp_path: Path, document: Any) -> list[str]:
    path = tmp_path / "nq.docx"
    path.write_bytes(docx_bytes(document))
    source = read_document(path)
    assert source.kind == "docx"
    return source.lines


def test_multilevel_decimal_list_shows_its_numbers(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    numbered(doc, "Mục tiêu tổng quát", 90, 0)
    numbered(doc, "Tăng trưởng kinh tế", 90, 1)
    numbered(doc, "Nông nghiệp", 90, 2)
    numbered(doc, "Công nghiệp", 90, 2)
    numbered(doc, "Dịch vụ", 90, 1)
    numbered(doc, "Nhiệm vụ, giải pháp", 90, 0)
    numbered(doc, "Về kinh tế", 90, 1)
    assert read(tmp_path, doc) == [
        "1. Mục tiêu tổng quát", "1.1. Tăng trưởng kinh tế", "a) Nông nghiệp", "b) Công nghiệp",
        "1.2. Dịch vụ", "2. Nhiệm vụ, giải pháp", "2.1. Về kinh tế",
    ]


def test_bullets_become_dashes(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    numbered(doc, "Ý thứ nhất", 91, 0)
    numbered(doc, "Ý con (Symbol font bullet)", 91, 1)
    assert read(tmp_path, doc) == ["- Ý thứ nhất", "- Ý con (Symbol font bullet)"]


def test_roman_sections_and_custom_text_with_start_value(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    numbered(doc, "MỤC TIÊU", 92)
    numbered(doc, "Phạm vi", 93)
    numbered(doc, "NHIỆM VỤ", 92)
    numbered(doc, "Hiệu lực", 93)
    assert read(tmp_path, doc) == ["I. MỤC TIÊU", "Điều 3. Phạm vi", "II. NHIỆM VỤ", "Điều 4. Hiệu lực"]


def test_start_override_restarts_a_list_and_shared_lists_continue(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    numbered(doc, "Một", 90, 0)
    numbered(doc, "Hai", 90, 0)
    numbered(doc, "Lại một", 94, 0)  # same abstract list, startOverride=1 (Word's "Restart at 1")
    numbered(doc, "Con", 94, 1)
    numbered(doc, "Tiếp", 90, 0)  # back to the first instance: it shares the abstract counters
    assert read(tmp_path, doc) == ["1. Một", "2. Hai", "1. Lại một", "1.1. Con", "2. Tiếp"]


def test_numbering_from_the_paragraph_style(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_paragraph("Thứ nhất", style="List Number")
    doc.add_paragraph("Thứ hai", style="List Number")
    assert read(tmp_path, doc) == ["1. Thứ nhất", "2. Thứ hai"]


def test_num_id_zero_switches_numbering_off(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Không đánh số", style="List Number")
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
    assert read(tmp_path, doc) == ["Không đánh số"]


def test_tables_are_rows_of_cells_in_document_order(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_paragraph("Các chỉ tiêu chủ yếu:")
    table = doc.add_table(rows=3, cols=3, style="Table Grid")  # a data table: ruled
    rows = [["Chỉ tiêu", "Đơn vị", "Năm 2024"], ["GRDP", "%", "7,5"], ["Thu ngân sách", "tỷ đồng", ""]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).merge(table.cell(2, 1))  # vertical merge: the text is shown once
    doc.add_paragraph("Đoạn sau bảng")
    assert read(tmp_path, doc) == [
        "Các chỉ tiêu chủ yếu:", "Chỉ tiêu | Đơn vị | Năm 2024", "GRDP | % tỷ đồng | 7,5",
        "| Thu ngân sách |  |  |", "Đoạn sau bảng",
    ]


def test_a_row_with_an_empty_first_cell_keeps_its_columns(tmp_path: Path, new_docx: NewDocx) -> None:
    """A sub-row ("trong đó") leaves the number column empty: the row is framed so the normaliser
    still sees the empty cell and the figure stays under its header."""
    from nghiquyet.extract.text.normalise import table_cells

    doc = new_docx()
    table = doc.add_table(rows=2, cols=3, style="Table Grid")
    for r, row in enumerate([["2", "Vốn đầu tư công", "900"], ["", "vốn địa phương", "350"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    lines = read(tmp_path, doc)
    assert lines == ["2 | Vốn đầu tư công | 900", "|  | vốn địa phương | 350 |"]
    assert table_cells(lines[1].strip()) == ("", "vốn địa phương", "350")


def test_nested_table_is_flattened_into_its_cell(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Ngoài"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Trong 1"
    inner.cell(0, 1).text = "Trong 2"
    assert read(tmp_path, doc) == ["Ngoài | Trong 1 | Trong 2"]


def test_numbered_paragraphs_inside_cells_keep_labels(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    numbered(doc, "Trước bảng", 90, 0)
    table = doc.add_table(rows=1, cols=1)
    cell_paragraph = table.cell(0, 0).paragraphs[0]
    cell_paragraph.text = "Trong bảng"
    cell_paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    assert read(tmp_path, doc) == ["1. Trước bảng", "2. Trong bảng"]


def test_soft_breaks_and_tabs_become_spaces_one_line_per_paragraph(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Dòng một")
    paragraph.add_run().add_break()
    paragraph.add_run("dòng hai\tcột")
    doc.add_paragraph("")
    doc.add_paragraph("Đoạn ba")
    assert read(tmp_path, doc) == ["Dòng một dòng hai cột", "", "Đoạn ba"]


def test_headers_footers_and_deleted_revisions_are_left_out(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.sections[0].header.paragraphs[0].text = "ĐẦU TRANG"
    doc.sections[0].footer.paragraphs[0].text = "Trang 1"
    paragraph = doc.add_paragraph("Đạt ")
    paragraph._p.append(parse_xml(
        f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:delText>5%</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:ins xmlns:w="{W_NS}" w:id="2" w:author="a"><w:r><w:t>7%</w:t></w:r></w:ins>'))
    assert read(tmp_path, doc) == ["Đạt 7%"]


@pytest.mark.parametrize(("font", "typed", "expected"), [
    (".VnTime", "NghÞ quyÕt vÒ nhiÖm vô n¨m 2024", "Nghị quyết về nhiệm vụ năm 2024"),
    (".VnTimeH", "nghÞ quyÕt", "NGHỊ QUYẾT"),
    ("VNI-Times", "Nghò quyeát veà nhieäm vuï naêm 2024", "Nghị quyết về nhiệm vụ năm 2024"),
])
def test_runs_in_legacy_fonts_are_converted(tmp_path: Path, new_docx: NewDocx, font: str, typed: str,
                                            expected: str) -> None:
    doc = new_docx()
    doc.add_paragraph("Unicode: ")
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(typed)
    run.font.name = font
    path = tmp_path / "old.docx"
    path.write_bytes(docx_bytes(doc))
    source = read_document(path)
    assert source.lines == ["Unicode:", expected]
    assert source.notes


def test_docx_without_paragraph_text_is_empty(tmp_path: Path, new_docx: NewDocx) -> None:
    path = tmp_path / "blank.docx"
    path.write_bytes(docx_bytes(new_docx()))
    with pytest.raises(EmptyDocument):
        read_document(path)


def test_truncated_docx_is_corrupt(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_paragraph("Nội dung " * 200)
    data = docx_bytes(doc)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFile) as info:
        read_document(path)
    assert "DOCX" in str(info.value)


def test_zip_without_document_part_is_corrupt(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    path = tmp_path / "fake.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CorruptFile):
        read_document(path)


def test_broken_xml_inside_docx_is_corrupt(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_paragraph("Nội dung")
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(doc)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            archive.writestr(item, data[:100] if item.filename == "word/document.xml" else data)
    path = tmp_path / "badxml.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CorruptFile):
        read_document(path)


def test_password_protected_docx_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    # Encrypted Office files are OLE2 containers holding an "EncryptedPackage" stream.
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    path.write_bytes(ole2 + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(ProtectedFile):
        read_document(path)


def test_text_box_is_read_once_before_its_paragraph(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("ĐẢNG BỘ TỈNH")
    box = "<w:txbxContent><w:p><w:r><w:t>Số: 05-NQ/TU</w:t></w:r></w:p></w:txbxContent>"
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    doc.add_paragraph("NGHỊ QUYẾT")
    assert read(tmp_path, doc) == ["Số: 05-NQ/TU", "ĐẢNG BỘ TỈNH", "NGHỊ QUYẾT"]


def tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(
        b"IEND", b"")


def test_docx_holding_only_pictures_is_treated_like_a_scan(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    doc.add_picture(io.BytesIO(tiny_png()))
    path = tmp_path / "scan.docx"
    path.write_bytes(docx_bytes(doc))
    with pytest.raises(EmptyDocument) as info:
        read_document(path)
    assert "OCR" in str(info.value)


def test_paragraphs_inside_content_controls_are_read(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    before = doc.add_paragraph("Trước")
    before._p.addnext(parse_xml(
        f'<w:sdt xmlns:w="{W_NS}"><w:sdtPr><w:alias w:val="Mục lục"/></w:sdtPr><w:sdtContent>'
        f'<w:p><w:r><w:t>Trong điều khiển nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    doc.add_paragraph("Sau")
    assert read(tmp_path, doc) == ["Trước", "Trong điều khiển nội dung", "Sau"]


def test_pasted_tcvn3_paragraph_in_a_unicode_document_is_converted(tmp_path: Path, new_docx: NewDocx) -> None:
    # The font name was lost when pasting: only the characters say it is TCVN3.
    doc = new_docx()
    doc.add_paragraph("Nghị quyết về nhiệm vụ năm 2024")
    doc.add_paragraph("§Èy m¹nh ph¸t triÓn kinh tÕ - x· héi cña tØnh")
    doc.add_paragraph("Résumé: 5 tỷ đồng")
    path = tmp_path / "mixed.docx"
    path.write_bytes(docx_bytes(doc))
    source = read_document(path)
    assert source.lines == [
        "Nghị quyết về nhiệm vụ năm 2024",
        "Đẩy mạnh phát triển kinh tế - xã hội của tỉnh",
        "Résumé: 5 tỷ đồng",
    ]
    assert source.encoding == "utf-8"
    assert any("TCVN3" in note for note in source.notes)


def test_all_caps_formatting_shows_capitals_as_readers_see_them(tmp_path: Path, new_docx: NewDocx) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    doc = new_docx()
    heading = doc.styles.add_style("TieuDeNQ", WD_STYLE_TYPE.PARAGRAPH)
    heading.font.all_caps = True
    doc.add_paragraph("Nghị quyết", style="TieuDeNQ")
    paragraph = doc.add_paragraph("Về ")
    paragraph.add_run("nhiệm vụ").font.small_caps = True
    paragraph.add_run(" năm 2024")
    shown = doc.add_paragraph("", style="TieuDeNQ").add_run("không in hoa")
    shown.font.all_caps = False  # an explicit "off" on the run beats the style
    assert read(tmp_path, doc) == ["NGHỊ QUYẾT", "Về NHIỆM VỤ năm 2024", "không in hoa"]


def test_hidden_text_is_left_out(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph("Đạt ")
    paragraph.add_run("ghi chú ẩn ").font.hidden = True
    paragraph.add_run("7%")
    assert read(tmp_path, doc) == ["Đạt 7%"]


def test_seed_typed_into_word_with_automatic_numbering_reads_back_line_for_line(
        tmp_path: Path, new_docx: NewDocx) -> None:
    import re

    from read_builders import SEEDS

    lines = (SEEDS / "004_6cdd10a325536dcd.txt").read_text(encoding="utf-8").splitlines()
    doc = new_docx()
    numbered_lines = 0
    for line in lines:
        sub = re.match(r"\d+\.\d+\. (.*)", line)
        match = sub or re.match(r"\d+\. (.*)", line)
        if match:  # the label is dropped from the text: Word's numbering must put it back
            numbered(doc, match.group(1), 90, 1 if sub else 0)
            numbered_lines += 1
        else:
            doc.add_paragraph(line)
    assert numbered_lines == 5
    # A paragraph is one line with runs of spaces collapsed, as a reader sees it.
    assert read(tmp_path, doc) == [" ".join(line.split()) for line in lines]


def test_unicode_typed_in_a_legacy_font_is_left_alone(tmp_path: Path, new_docx: NewDocx) -> None:
    # Common after a Unikey conversion that kept the .VnTime font: the text is already Unicode.
    doc = new_docx()
    for text in ("Tỉnh có 12 xã đạt chuẩn", "có và là", "Năm 2024"):
        doc.add_paragraph().add_run(text).font.name = ".VnTime"
    assert read(tmp_path, doc) == ["Tỉnh có 12 xã đạt chuẩn", "có và là", "Năm 2024"]


def test_word_split_across_legacy_runs_is_converted(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    paragraph = doc.add_paragraph()
    for piece in ("Ngh", "Þ quyÕt v", "Ò nhiÖm vô"):
        paragraph.add_run(piece).font.name = ".VnTime"
    assert read(tmp_path, doc) == ["Nghị quyết về nhiệm vụ"]


def stacked(cell: Any, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def test_borderless_letterhead_and_signature_read_cell_by_cell(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    head = doc.add_table(rows=1, cols=2)  # python-docx's default table style draws no borders
    stacked(head.cell(0, 0), ["ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*", "Số 05-NQ/TU"])
    stacked(head.cell(0, 1), ["ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 05 tháng 12 năm 2023"])
    doc.add_paragraph("NGHỊ QUYẾT")
    sign = doc.add_table(rows=1, cols=2)
    stacked(sign.cell(0, 0), ["Nơi nhận:", "- Ban Bí thư Trung ương,", "- Lưu Văn phòng Tỉnh ủy."])
    stacked(sign.cell(0, 1), ["T/M TỈNH ỦY", "BÍ THƯ", "", "Hoàng Duy Chinh"])
    assert read(tmp_path, doc) == [
        "ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*", "Số 05-NQ/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 05 tháng 12 năm 2023",
        "NGHỊ QUYẾT",
        "Nơi nhận:", "- Ban Bí thư Trung ương,", "- Lưu Văn phòng Tỉnh ủy.",
        "T/M TỈNH ỦY", "BÍ THƯ", "Hoàng Duy Chinh",
    ]


def test_borderless_table_of_single_lines_keeps_rows(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    table = doc.add_table(rows=2, cols=2)
    for r, (name, value) in enumerate([("GRDP", "7,5%"), ("Thu ngân sách", "5.000 tỷ đồng")]):
        table.cell(r, 0).text = name
        table.cell(r, 1).text = value
    assert read(tmp_path, doc) == ["GRDP | 7,5%", "Thu ngân sách | 5.000 tỷ đồng"]


def test_grid_style_with_borders_switched_off_is_a_layout_table(tmp_path: Path, new_docx: NewDocx) -> None:
    doc = new_docx()
    table = doc.add_table(rows=1, cols=2, style="Table Grid")
    stacked(table.cell(0, 0), ["TỈNH ỦY", "Số 05-NQ/TU"])
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    edges = "".join(f'<w:{side} w:val="nil"/>' for side in sides)
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders xmlns:w="{W_NS}">{edges}</w:tblBorders>'))
    assert read(tmp_path, doc) == ["TỈNH ỦY", "Số 05-NQ/TU", "ĐẢNG CỘNG SẢN VIỆT NAM"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("Aà", "Aà"),  # one odd word that VNI would read as "Ầ": no evidence of legacy text
    ("Thu ngân sách Aà", "Thu ngân sách Aà"),
    ("NghÞ quyÕt vÒ nhiÖm vô", "Nghị quyết về nhiệm vụ"),  # pasted from a .VnTime file, no font
])
def test_legacy_text_without_its_font_needs_several_words(tmp_path: Path, new_docx: NewDocx, typed: str,
                                                          expected: str) -> None:
    doc = new_docx()
    doc.add_paragraph(typed)
    assert read(tmp_path, doc) == [expected]
