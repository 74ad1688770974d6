"""Tables copied one cell per line are rebuilt into rows (structure/cell_tables.py).

The page below is shaped as portal copies come: every cell on its own line between blank lines,
units written with a capital, decimals in the figures. (Lower-case unit cells are still joined by
the normaliser's wrap rule: see docs; a lone integer after another figure is a cell, not a page number.)
"""

from __future__ import annotations

from nghiquyet.extract import extract_text

PAGE = "\n\n".join([
    "Một số chỉ tiêu chủ yếu ước thực hiện năm 2023.",
    "STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Ước thực hiện", "So sánh (%)",
    "I", "Chỉ tiêu kinh tế",
    "Tổng giá trị sản xuất", "Tỷ đồng", "1.250,5", "1.301,5", "104,1",
    "- Nông nghiệp", "Tỷ đồng", "610,2", "598,2", "98,1",
    "Thu nhập bình quân", "Tr.đ/người", "48,5", "49,3", "101,6",
    "Đánh giá chung: các chỉ tiêu cơ bản đạt kế hoạch đề ra, một số lĩnh vực còn khó khăn.",
]) + "\n"


def test_the_plan_column_of_a_cell_per_line_table_gives_the_targets() -> None:
    inds = extract_text(PAGE).indicators
    got = [(t.value, t.unit) for i in inds for t in i.targets]
    assert got == [(1250.5, "Tỷ đồng"), (610.2, "Tỷ đồng"), (48.5, "Tr.đ/người")]
    assert [i.line for i in inds] == [19, 29, 39]  # the line of each row's first cell


def test_prose_after_the_table_is_not_a_row() -> None:
    inds = extract_text(PAGE).indicators
    assert all("Đánh giá chung" not in i.text for i in inds)


def test_a_short_list_of_words_is_not_a_table() -> None:
    text = "Thực hiện\n\nChỉ tiêu\n\nGhi chú\n\nNăm 2024 thu ngân sách ước đạt 300 tỷ đồng.\n"
    assert extract_text(text).indicators == []


def test_the_done_and_share_of_plan_columns_give_results() -> None:
    page = PAGE.replace("598,2", "612")  # a whole number among the cells is a cell, not a page number
    got = [(r.metric, r.value, r.unit) for r in extract_text(page).results]
    assert ("Tổng giá trị sản xuất", 1301.5, "Tỷ đồng") in got
    assert ("Tổng giá trị sản xuất so với kế hoạch năm 2023", 104.1, "%") in got
    assert ("- Nông nghiệp", 612.0, "Tỷ đồng") in got
    assert ("- Nông nghiệp so với kế hoạch năm 2023", 98.1, "%") in got
