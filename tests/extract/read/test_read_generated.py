"""Readers never crash on well-formed files of any content: generated .docx (paragraphs at random
numbering levels, tables with empty and merged cells) and PDFs (Vietnamese text, ruled grids)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from read_builders import add_numbering

from nghiquyet.errors import InputError
from nghiquyet.extract import extract
from nghiquyet.extract.read import read_document

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# Bounded: each example writes and reads a real file (about 20-50 ms).
BOUNDED = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐƯƠ"
words = st.text(alphabet=VIET + "ABCXYZ0123456789%,.;:()-/", min_size=1, max_size=12)
sentences = st.lists(words, min_size=0, max_size=14).map(" ".join)
NUM_IDS = ["90", "91", "92", "93", "94", "999"]  # the builders' lists, and one that does not exist


def _read_or_error(path: Path) -> list[str] | InputError:
    try:
        lines = read_document(path).lines
    except InputError as exc:
        assert str(exc)
        return exc
    assert all("\n" not in line and "\r" not in line for line in lines)
    extract(path)  # the whole pipeline takes what the reader gives
    return lines


block = st.one_of(
    st.tuples(st.just("p"), sentences, st.sampled_from([*NUM_IDS, None]), st.integers(0, 8)),
    st.tuples(st.just("table"), st.lists(st.lists(sentences, min_size=1, max_size=4), min_size=1, max_size=4),
              st.booleans(), st.integers(0, 3)),
)


@BOUNDED
@given(blocks=st.lists(block, min_size=1, max_size=12))
def test_generated_docx_reads_every_paragraph(blocks: list[tuple[object, ...]]) -> None:
    import docx
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    add_numbering(document)
    texts: list[str] = []
    for kind, content, flag, level in blocks:
        if kind == "p":
            para = document.add_paragraph(str(content))
            texts.append(" ".join(str(content).split()))
            if flag is not None:
                para._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="{level}"/><w:numId w:val="{flag}"/></w:numPr>'))
        else:
            rows = content
            assert isinstance(rows, list)
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            if flag:
                table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    table.cell(i, j).text = text
            if isinstance(level, int) and level and len(rows) > 1:
                table.cell(0, 0).merge(table.cell(1, 0))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sinh.docx"
        document.save(str(path))
        result = _read_or_error(path)
    if isinstance(result, list):
        joined = "\n".join(result)
        assert all(t in joined for t in texts if t)


@pytest.mark.skipif(not FONT.is_file(), reason="DejaVu Sans is not installed")
@BOUNDED
@given(lines=st.lists(st.tuples(st.integers(10, 190), st.integers(5, 292), sentences), min_size=1,
                      max_size=25),
       grid=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 290), st.integers(0, 200),
                               st.integers(0, 290)), max_size=12))
def test_generated_pdf_reads_or_says_why(lines: list[tuple[int, int, str]],
                                         grid: list[tuple[int, int, int, int]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "GenSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("GenSans", str(FONT)))
    mm = 72 / 25.4
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sinh.pdf"
        c = canvas.Canvas(str(path), pagesize=A4)
        c.setFont("GenSans", 11)
        for x, y, text in lines:
            c.drawString(x * mm, y * mm, text)
        for x0, y0, x1, y1 in grid:  # random rules: some form grids, most are noise
            c.line(x0 * mm, y0 * mm, x0 * mm if x1 % 2 else x1 * mm, y0 * mm if y1 % 2 == 0 else y1 * mm)
        c.showPage()
        c.save()
        result = _read_or_error(path)
    if isinstance(result, list):
        shown = "".join(result).replace(" ", "").replace("|", "")
        # Strings in the header and footer bands are dropped on purpose (pdf.py); the others stay.
        assert all(ch in shown for _, y, t in lines if 20 <= y <= 275 for ch in t.replace(" ", "")[:1])
