"""A resolution typed in Word (letterhead, auto-numbered outline, signature table) extracts like text."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from nghiquyet.extract import extract

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="80">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="80"><w:abstractNumId w:val="80"/></w:num>
</w:numbering>"""


def numbered(document: Any, text: str, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="80"/></w:numPr>'))


def stacked(cell: Any, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def test_word_resolution_gives_number_date_outline_and_signer(tmp_path: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for element in parse_xml(NUMBERING):
        numbering.append(element)  # the template's own lists use other ids
    head = document.add_table(rows=1, cols=2)
    stacked(head.cell(0, 0), ["ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*", "Số 05-NQ/TU"])
    stacked(head.cell(0, 1), ["ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 05 tháng 12 năm 2023"])
    document.add_paragraph("NGHỊ QUYẾT")
    document.add_paragraph("về nhiệm vụ năm 2024")
    numbered(document, "MỤC TIÊU, CHỈ TIÊU CHỦ YẾU", 0)
    numbered(document, "Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5% trở lên.", 1)
    numbered(document, "NHIỆM VỤ, GIẢI PHÁP", 0)
    sign = document.add_table(rows=1, cols=2)
    stacked(sign.cell(0, 0), ["Nơi nhận:", "- Ban Bí thư Trung ương,", "- Lưu Văn phòng Tỉnh ủy."])
    stacked(sign.cell(0, 1), ["T/M TỈNH ỦY", "BÍ THƯ", "Hoàng Duy Chinh"])
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "nghi-quyet.docx"
    path.write_bytes(buffer.getvalue())

    result = extract(path).to_dict()

    assert result["metadata"]["number"] == "05-NQ/TU"
    assert result["metadata"]["date"] == "2023-12-05"
    assert result["metadata"]["signer"]["name"] == "Hoàng Duy Chinh"
    labels = [section["label"] for section in result["sections"]]
    assert labels[:2] == ["I", "II"]  # from Word's numbering, absent from paragraph.text
