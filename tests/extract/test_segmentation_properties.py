"""No crash, and provenance that stays inside the source, for the evidence-based path: segments of
any paragraph, cell-per-line tables, the evidence step and the whole pipeline over text built from
the pieces real pages are made of (leads, inline markers, bullets, figures, table cells, one-line
pages). Hypothesis draws the pieces; the assertions hold for every draw."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nghiquyet.extract import extract_text
from nghiquyet.extract.figures.targets import parse_targets
from nghiquyet.extract.items.evidence import targets_by_evidence
from nghiquyet.extract.structure.cell_tables import join_cell_tables
from nghiquyet.extract.structure.outline import build_outline
from nghiquyet.extract.text.normalise import paragraphs

PIECES = [
    "Các chỉ tiêu chủ yếu năm 2031:", "SỐ CHỈ TIÊU", "12 chỉ tiêu phấn đấu:", "Về kinh tế:", "- Về xã hội:",
    "(1)", "(2)", "(3)", "1.", "2.", "a)", "b)", "I.", "II-", "Điều 1.", "•", "–", "+", "*", "-",
    "Tỷ lệ hộ nghèo giảm còn 1,2%", "thu nhập bình quân 70 triệu đồng/người",
    "đạt 95% kế hoạch", "ước đạt 410 tỷ đồng", "tăng 6,5% so với cùng kỳ", "phấn đấu", "trong đó",
    "đến năm 2030", "từ 80% trở lên",
    "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2031", "Thực hiện", "Tỷ lệ %", "Tỷ đồng", "ha", "1.250,5", "104", "7",
    "xếp thứ 12", "gấp 1,5 lần", "Hiện xã có 5 thôn", "6 tháng đầu năm", "lũy kế 9 tháng", "|", ";", ",", ".",
    ":", "(", ")", "…", "", "2 minute read", "Nghị quyết số 12/NQ-HĐND",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "; ", ". "]


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=60))
    return "".join(p + s for p, s in parts)


def _lines(text: str) -> list[str]:
    return text.splitlines()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_cell_tables_never_crash_and_keep_every_line_in_order(text: str) -> None:
    lines = _lines(text)
    paras = paragraphs(lines)
    joined = join_cell_tables(paras)
    assert len(joined) <= len(paras)
    starts = [p.line for p in joined]
    assert starts == sorted(starts)
    assert all(1 <= p.line <= p.line_end <= max(1, len(lines)) for p in joined)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.booleans())
@example("Các chỉ tiêu chủ yếu năm 2031:\nTỷ lệ hộ nghèo giảm còn 1,2% ", False)  # lead ending a line
@example("Các chỉ tiêu chủ yếu năm 2031:\n\nĐVT\n1.250,5 Kế hoạch năm 2031\n(1) ", False)  # cells joined
def test_evidence_never_crashes_and_points_inside_the_source(text: str, report: bool) -> None:
    lines = _lines(text)
    outline = build_outline(join_cell_tables(paragraphs(lines)))
    found = targets_by_evidence(outline, skip=set(), year=2031, report_year=2030,
                                parse=lambda t, y: parse_targets(t, year=y), report=report)
    for ind in found:
        assert 1 <= ind.line <= len(lines)
        assert ind.column is None or 0 <= ind.column <= len(lines[ind.line - 1])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.booleans())
@example("Các chỉ tiêu chủ yếu năm 2031:\ntừ 80% trở lên ", False)
def test_the_pipeline_never_crashes_on_any_layout(text: str, one_line: bool) -> None:
    if one_line:
        text = " ".join(text.split())  # a page copied from the web onto one line
    lines = _lines(text)
    out = extract_text(text)
    for item in [*out.indicators, *out.tasks]:
        assert 0 <= item.line <= max(1, len(lines))
    for ind in out.indicators:
        if ind.column is not None and ind.line:
            assert 0 <= ind.column <= len(lines[ind.line - 1])
    for r in out.results:
        assert 0 <= r.line <= max(1, len(lines))
