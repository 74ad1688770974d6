"""The PDF report: a text layer with the figures and diacritics; page 1 rendered to PNG for a look."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from pdfminer.high_level import extract_text
from sqlalchemy.orm import Session

from nghiquyet.reports import write_report
from nghiquyet.reports.base import appendix_cells, number_text
from nghiquyet.reports.build import build_report_data
from nghiquyet.reports.data import GROUP_LABELS
from tests.reports.conftest import ReportPlan
from tests.reports.readback import pdf_table

# Set NGHIQUYET_REPORT_PREVIEW=/some/dir to keep the page-1 PNG for a human look.
PREVIEW_DIR = os.environ.get("NGHIQUYET_REPORT_PREVIEW")


def _pdf(db: Session, report_plan: ReportPlan, tmp_path: Path) -> Path:
    out = tmp_path / "r.pdf"
    write_report(db, plan_id=report_plan.plan.id, period="2024", fmt="pdf", path=out)
    return out


def test_text_layer_has_figures_with_diacritics(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    # Table cells wrap: compare with whitespace runs folded to one space.
    text = " ".join(unicodedata.normalize("NFC", extract_text(str(_pdf(db, report_plan, tmp_path)))).split())
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "TỈNH ỦY LÂM ĐỒNG",
        "BÁO CÁO",
        "Thu ngân sách nhà nước",
        "14.500",
        "102,5%",
        "Vượt kế",
        "Tỷ lệ thất nghiệp",
        "1,25",
        "Không đạt",
        "Doanh nghiệp may mặc cắt giảm lao động",
        "Nơi nhận:",
        "PHỤ LỤC",
        "Sở Lao động",
    ):
        assert expected in text, expected


def test_tables_read_back_cell_for_cell_as_the_report_data(db: Session, report_plan: ReportPlan,
                                                           tmp_path: Path) -> None:
    """Every target row (with its group rows) and every appendix row, each cell in its column."""
    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    pdf = _pdf(db, report_plan, tmp_path)
    expected: list[list[str]] = []
    group = None
    for r in data.rows:
        if r.group != group:
            group = r.group
            expected.append([GROUP_LABELS[r.group]])  # a group row spans the table: one cell
        expected.append([str(r.number), r.metric, r.plan_text, number_text(r.actual), r.ratio_text,
                         r.status_label, r.lead_unit])
    header = ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "% KH", "Đánh giá", "Đơn vị chủ trì"]
    assert [row.texts for row in pdf_table(pdf, header)] == expected
    appendix = appendix_cells(data)
    update_header = ["STT", "Đơn vị", "Chỉ tiêu, nhiệm vụ", "Kỳ", "Số liệu", "Ghi chú"]
    assert appendix and [row.texts for row in pdf_table(pdf, update_header)] == appendix


def test_pages_after_the_first_carry_their_number_at_the_top(db: Session, report_plan: ReportPlan,
                                                            tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(_pdf(db, report_plan, tmp_path)))
    assert len(pdf) >= 2
    for index in range(len(pdf)):
        page = pdf[index]
        _width, height = page.get_size()
        top = page.get_textpage().get_text_bounded(top=height, bottom=height - 20 * 72 / 25.4).split()
        assert top == ([] if index == 0 else [str(index + 1)]), (index, top)


def test_pypdfium2_reads_the_same_text(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(_pdf(db, report_plan, tmp_path)))
    first = pdf[0].get_textpage().get_text_range()
    first = " ".join(unicodedata.normalize("NFC", first).split())
    assert "Kinh tế - xã hội có 02/04 chỉ tiêu hoàn thành" in first
    assert len(pdf) >= 2


def test_page_one_renders_to_png(db: Session, report_plan: ReportPlan, tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(_pdf(db, report_plan, tmp_path)))
    page = pdf[0]
    width, height = page.get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4
    image = page.render(scale=1.2).to_pil()
    out = Path(PREVIEW_DIR) if PREVIEW_DIR else tmp_path
    png = out / "bao-cao-trang-1.png"
    image.save(png)
    assert png.stat().st_size > 10_000
    # Not blank: a good share of the page carries ink.
    gray = image.convert("L")
    dark = sum(1 for v in gray.getdata() if v < 128)
    assert dark > 0.01 * gray.width * gray.height


def test_pdf_uses_the_shipped_font_on_a_machine_without_fonts(db: Session, report_plan: ReportPlan,
                                                               tmp_path: Path) -> None:
    """Issue 10 point 3: fontconfig sees no font directory at all; the PDF still carries Liberation
    Serif (from reports/fonts) and its text layer keeps every Vietnamese letter."""
    import pickle
    import shutil
    import subprocess
    import sys

    from nghiquyet.reports.build import build_report_data

    data = build_report_data(db, plan_id=report_plan.plan.id, period="2024")
    (tmp_path / "data.pickle").write_bytes(pickle.dumps(data))
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                    f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    out = tmp_path / "r.pdf"
    script = ("import pickle, sys; from pathlib import Path; from nghiquyet.reports.pdf import PdfExporter; "
              "PdfExporter().render(pickle.loads(Path(sys.argv[1]).read_bytes()), Path(sys.argv[2]))")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(tmp_path)}
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "data.pickle"), str(out)], env=env,
                   check=True, capture_output=True, timeout=120)
    pdf = pdfium.PdfDocument(str(out))
    text = " ".join(unicodedata.normalize("NFC", pdf[0].get_textpage().get_text_range()).split())
    assert "Kinh tế - xã hội có 02/04 chỉ tiêu hoàn thành" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:]]
        names = {row[0].split("+")[-1] for row in rows}
        assert {"LiberationSerif", "LiberationSerif-Bold"} <= names, fonts
        # Every font is embedded (emb), subset (sub) and maps its glyphs back to Unicode (uni).
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), fonts
