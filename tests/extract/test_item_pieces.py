"""Where review can split an item, and how an item is read again as the other kind."""

from __future__ import annotations

from tests.corpus import SEEDS

from nghiquyet.extract import extract_source
from nghiquyet.extract.items.pieces import item_pieces
from nghiquyet.extract.items.recast import indicator_from_task, task_from_indicator
from nghiquyet.extract.model import Indicator, Target, Task
from nghiquyet.extract.read import read_document


def test_an_inline_list_is_cut_at_its_markers_and_each_piece_keeps_its_label_and_column() -> None:
    line = "Các chỉ tiêu: (1) Tốc độ tăng 9%; (2) Thu nhập đạt 82 triệu đồng; (3) Hộ nghèo còn 0,8%."
    pieces = item_pieces(line, line=1, lines=[line])
    assert [(p.text, p.label, p.cut) for p in pieces] == [
        ("Các chỉ tiêu:", None, False),
        ("Tốc độ tăng 9%;", "(1)", True),
        ("Thu nhập đạt 82 triệu đồng;", "(2)", True),
        ("Hộ nghèo còn 0,8%.", "(3)", True),
    ]
    assert [line[p.column :].startswith(p.text) for p in pieces if p.column is not None] == [True] * 4


def test_lines_that_open_a_list_item_are_cut_and_a_wrapped_sentence_is_not() -> None:
    lines = [
        "- Thu ngân sách đạt 1.200 tỷ đồng",
        "- Tỷ lệ bao phủ bảo hiểm y tế đạt 96%, tỷ lệ trẻ em",
        "được tiêm chủng đạt 98%.",
    ]
    text = " ".join(line.removeprefix("- ") for line in lines)
    pieces = item_pieces(text, line=1, line_end=3, lines=lines)
    assert [(p.line, p.line_end, p.column, p.cut) for p in pieces] == [(1, 1, 2, False), (2, 3, 2, True)]


def test_a_semicolon_inside_a_sentence_is_a_possible_cut_not_the_usual_one() -> None:
    text = "Tỷ lệ hộ nghèo dưới 1%; tỷ lệ lao động qua đào tạo đạt 75%."
    pieces = item_pieces(text, line=4, lines=["", "", "", f"3. {text}"])
    assert [(p.text, p.cut, p.column) for p in pieces] == [
        ("Tỷ lệ hộ nghèo dưới 1%;", False, 3),
        ("tỷ lệ lao động qua đào tạo đạt 75%.", False, 27),
    ]


def test_an_item_without_its_source_lines_still_splits_at_sentences() -> None:
    pieces = item_pieces("Câu thứ nhất. Câu thứ hai.", line=0)
    assert [(p.text, p.line, p.cut) for p in pieces] == [
        ("Câu thứ nhất.", 0, False),
        ("Câu thứ hai.", 0, True),
    ]


def test_a_task_read_as_an_indicator_gets_the_targets_the_parser_finds() -> None:
    task = Task(
        label="2",
        section="II",
        title=None,
        text="Tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%.",
        line=11,
        domain="xay_dung_dang",
        line_end=12,
    )
    indicator = indicator_from_task(task, years=[2026, 2030])
    assert (indicator.label, indicator.line, indicator.line_end, indicator.section) == ("2", 11, 12, "II")
    assert indicator.group == "xay_dung_dang"
    [target] = indicator.targets
    assert (target.comparator, target.value, target.unit, target.year) == ("gt", 95.0, "%", 2030)


def test_an_indicator_read_as_a_task_finds_its_deadline_and_references() -> None:
    text = "Hoàn thành quy hoạch theo Nghị quyết số 57-NQ/TW trước ngày 30/6/2026, đạt 100% xã."
    indicator = Indicator(
        label="5",
        group="kinh_te_xa_hoi",
        text=text,
        line=20,
        targets=[Target(metric="Số xã", comparator="eq", value=100, unit="%")],
    )
    task = task_from_indicator(indicator, years=[2026, 2026])
    assert (task.label, task.line, task.text) == ("5", 20, text)
    assert task.deadline == "trước ngày 30/6/2026" and task.deadline_period == "2026-06-30"
    assert task.references == ["57-NQ/TW"]


def test_every_piece_of_every_seed_item_stands_on_its_own_lines_and_column() -> None:
    """The seeds as the extractor reads them: each piece lies within its item's lines, in order, and
    its column points at its own words in the source line (a wrapped piece: its first words)."""
    placed = located = 0
    for path in sorted(SEEDS.glob("*.txt")):
        source = read_document(path)
        extraction = extract_source(source)
        lines = source.lines
        for item in [*extraction.indicators, *extraction.tasks]:
            last = max(item.line, item.line_end or item.line)
            pieces = item_pieces(
                item.text,
                line=item.line,
                line_end=item.line_end,
                column=getattr(item, "column", None),
                lines=lines,
            )
            assert all(p.text and p.text in item.text for p in pieces), (path.name, item.line)
            assert all(item.line <= p.line <= p.line_end <= last for p in pieces), (path.name, item.line)
            assert [p.line for p in pieces] == sorted(p.line for p in pieces)
            assert not any(p.text in ("-", "+", "•") for p in pieces)  # a bullet is no piece of its own
            for p in pieces:
                if p.column is None or not 0 < p.line <= len(lines):
                    continue
                placed += 1
                shown = " ".join(lines[p.line - 1][p.column :].split()).casefold()
                words = " ".join(p.text.split()).casefold()
                located += shown.startswith(words[:12]) or (bool(shown) and words.startswith(shown))
    assert placed > 500 and located / placed >= 0.99, (located, placed)
