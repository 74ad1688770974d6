"""The DOCX report: administrative header, the target table equal to the database, fonts and page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from docx.shared import Length
from sqlalchemy.orm import Session

from nghiquyet.reports import write_report
from nghiquyet.reports.base import REPORTING_COLUMNS
from nghiquyet.reports.build import build_report_data, default_header
from nghiquyet.reports.data import APPENDIX_LIMIT
from nghiquyet.reports.docx import DocxExporter
from nghiquyet.reports.sample import large_report_data, sample_report_data
from tests.reports.conftest import TARGETS, ReportPlan


def _render(db: Session, report_plan: ReportPlan, tmp_path: Path) -> docx.document.Document:
    out = tmp_path / "bao-cao.docx"
    write_report(
        db, plan_id=report_plan.plan.id, period="2024", fmt="docx", path=out, as_of=dt.date(2025, 1, 10)
    )
    return docx.Document(str(out))


def test_header_block_has_issuer_party_name_number_and_date(
    db: Session, report_plan: ReportPlan, tmp_path: Path
) -> None:
    doc = _render(db, report_plan, tmp_path)
    left, right = doc.tables[0].rows[0].cells
    assert left.text.split("\n") == ["TỈNH ỦY LÂM ĐỒNG", "VĂN PHÒNG", "*", "Số      -BC/VPTU"]
    assert right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert right.paragraphs[0].runs[0].font.underline and right.paragraphs[0].runs[0].font.bold
    date_par = right.paragraphs[-1]
    assert date_par.text == "Lâm Đồng, ngày 10 tháng 01 năm 2025" and date_par.runs[0].font.italic
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts
    assert any(t.startswith("Kết quả thực hiện Nghị quyết số 15-NQ/TU") for t in texts)


def test_target_table_rows_equal_the_database(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    doc = _render(db, report_plan, tmp_path)
    table = doc.tables[1]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "% KH", "Đánh giá", "Đơn vị chủ trì"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    data_rows = [r for r in rows if r[0].isdigit()]
    assert [r[1] for r in data_rows] == [t[0] for t in TARGETS]
    assert data_rows[0] == [
        "1",
        "Thu ngân sách nhà nước",
        "từ 14.150 tỷ đồng trở lên",
        "14.500",
        "102,5%",
        "Vượt kế hoạch",
        "Sở Tài chính",
    ]
    assert data_rows[1][3:6] == ["1,25", "104,2%", "Không đạt"]
    assert data_rows[2][2:6] == ["giảm 1 - 1,5%", "1,2", "120%", "Đạt"]
    assert data_rows[3][3:6] == ["", "", "Chưa có số liệu"]
    # Group headings are one merged cell spanning the row.
    assert rows[0] == ["Kinh tế - xã hội"] * 7


def test_body_has_overview_lagging_tasks_signer_and_appendix(
    db: Session, report_plan: ReportPlan, tmp_path: Path
) -> None:
    doc = _render(db, report_plan, tmp_path)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Kinh tế - xã hội có 02/04 chỉ tiêu hoàn thành và vượt kế hoạch; 01/04 chỉ tiêu chưa đạt" in body
    assert "Doanh nghiệp may mặc cắt giảm lao động" in body
    assert "PHỤ LỤC" in body
    tasks = doc.tables[2]
    assert [c.text for c in tasks.rows[1].cells][1:5] == [
        "Đẩy nhanh giải ngân vốn đầu tư công",
        "Sở Tài chính",
        "31/12/2024",
        "80%",
    ]
    # Section IV: how the units reported (the 2024 yearly reports fell due on 15/01/2025).
    assert [c.text for c in doc.tables[3].rows[0].cells] == list(REPORTING_COLUMNS)
    sign = doc.tables[4].rows[0].cells
    assert sign[0].text.startswith("Nơi nhận:")
    assert sign[1].text.startswith("T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG")
    appendix = doc.tables[5]
    assert len(appendix.rows) == 1 + 9
    assert len(doc.inline_shapes) == 1  # the chart


def test_every_run_is_times_new_roman_on_a4_with_standard_margins(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    DocxExporter().render(sample_report_data(), out)
    doc = docx.Document(str(out))
    s = doc.sections[0]

    def mm(length: Length | None) -> int:
        # Word stores margins in twips: 15 mm comes back as 14.99 mm.
        assert length is not None
        return round(float(length.mm))

    assert (mm(s.page_width), mm(s.page_height)) == (210, 297)
    assert 20 <= mm(s.top_margin) <= 25 and 20 <= mm(s.bottom_margin) <= 25
    assert 30 <= mm(s.left_margin) <= 35 and 15 <= mm(s.right_margin) <= 20
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    runs = list(doc.element.body.iter(f"{ns}r"))
    assert len(runs) > 100
    for run in runs:
        if run.find(f"{ns}t") is None:
            continue  # picture or page-break runs carry no text
        fonts = run.find(f"{ns}rPr/{ns}rFonts")
        assert fonts is not None
        assert {fonts.get(f"{ns}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            "Times New Roman"
        }
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert 13 <= doc.styles["Normal"].font.size.pt <= 14


def test_state_body_gets_the_national_motto(tmp_path: Path) -> None:
    data = sample_report_data()
    data.header = default_header("UBND tỉnh Lâm Đồng", dt.date(2025, 3, 25))
    out = tmp_path / "r.docx"
    DocxExporter().render(data, out)
    left, right = docx.Document(str(out)).tables[0].rows[0].cells
    assert right.text.split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert "UBND TỈNH LÂM ĐỒNG" in left.text and "Số:      /BC-UBND" in left.text


def test_report_data_and_docx_agree_on_every_figure(
    db: Session, report_plan: ReportPlan, tmp_path: Path
) -> None:
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    doc = _render(db, report_plan, tmp_path)
    cells = {r.cells[1].text: r.cells[5].text for r in doc.tables[1].rows[1:]}
    for row in data.rows:
        assert cells[row.metric] == row.status.label_vi


def test_printed_appendix_is_capped_and_points_to_the_xlsx(tmp_path: Path) -> None:
    data = large_report_data(n_targets=5, n_units=60)
    assert len(data.updates) == 300 and len(data.appendix) == APPENDIX_LIMIT == 200
    out = tmp_path / "r.docx"
    DocxExporter().render(data, out)
    doc = docx.Document(str(out))
    assert len(doc.tables[-1].rows) == 1 + 200
    assert any("Còn 100 số liệu khác; toàn bộ 300 số liệu" in p.text for p in doc.paragraphs)


def test_header_names_the_office_once_when_the_issuer_is_unknown(
    db: Session, report_plan: ReportPlan, tmp_path: Path
) -> None:
    """Issue 10 point 10: a plan whose issuer is unknown had "VĂN PHÒNG" twice in the header block."""
    report_plan.plan.issuer = None
    db.flush()
    left = _render(db, report_plan, tmp_path).tables[0].rows[0].cells[0]
    lines = left.text.split("\n")
    assert lines.count("VĂN PHÒNG") == 1, lines
