"""Bugs caught once, kept as cases: each file here once crashed or misread the extractor."""

from __future__ import annotations

from pathlib import Path

from nghiquyet.extract import extract

HERE = Path(__file__).parent
UBND_PLAN = HERE / "kh_ubnd_task_table_recurring_deadline.docx"


def test_task_table_with_recurring_deadline_reads_without_crash() -> None:
    # A UBND plan (.docx) whose task table says "Hằng năm" as the deadline: no year to read (crashed).
    result = extract(UBND_PLAN)
    recurring = [t for t in result.tasks if "kinh phí" in t.text]
    assert recurring and recurring[0].lead == ["Sở Tài chính"]
    assert recurring[0].support == ["Sở Khoa học và Công nghệ"]


def test_docx_header_table_gives_number_date_and_issuer() -> None:
    # Word documents put the issuer and the motto side by side in a table: "A | B" lines.
    meta = extract(UBND_PLAN).metadata
    assert meta.number == "1234/KH-UBND"
    assert meta.date == "2025-02-05"
    assert meta.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"


def test_targets_list_items_are_not_doubled() -> None:
    indicators = extract(UBND_PLAN).indicators
    texts = [i.text for i in indicators]
    assert len(texts) == len(set(texts)) == 4
