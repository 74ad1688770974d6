"""Line i+1 of the file is lines[i]: only CR LF, CR and LF end a line, as in editors and the scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from nghiquyet.extract.read import read_document
from nghiquyet.extract.read.lines import split_lines


@pytest.mark.parametrize(("text", "lines"), [
    ("a\r\nb\rc\nd", ["a", "b", "c", "d"]),
    ("a\n\nb\n", ["a", "", "b"]),
    ("a\n\n", ["a", ""]),
    ("a", ["a"]),
    ("", [""]),
    ("a\r\n\r\nb", ["a", "", "b"]),
])
def test_only_cr_lf_end_lines(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_other_unicode_separators_become_spaces_and_keep_numbering(separator: str) -> None:
    text = f"Điều 1{separator}Nội dung\nĐiều 2"
    assert split_lines(text) == ["Điều 1 Nội dung", "Điều 2"]
    assert len(text.splitlines()) == 3  # what str.splitlines would have done: one line too many


def test_tabs_are_kept() -> None:
    assert split_lines("1.\tMục tiêu") == ["1.\tMục tiêu"]


def test_line_numbers_match_an_editor_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "nq.txt"
    path.write_bytes("Dòng 1\r\nDòng 2\x0cvẫn dòng 2\rDòng 3\nDòng 4\u2028vẫn dòng 4\n".encode())
    lines = read_document(path).lines
    assert [line.split()[1] for line in lines] == ["1", "2", "3", "4"]


def test_form_feed_opening_a_line_marks_a_page_and_is_dropped(tmp_path: Path) -> None:
    # What pdftotext writes: each new page's first line starts with a form feed.
    path = tmp_path / "pdftotext.txt"
    path.write_text("NGHỊ QUYẾT\nTrang một\n1\n\x0cTrang hai\n2\n\x0cTrang ba\n", encoding="utf-8")
    source = read_document(path)
    assert source.lines == ["NGHỊ QUYẾT", "Trang một", "1", "Trang hai", "2", "Trang ba"]
    assert source.page_starts == [0, 3, 5]


def test_text_without_form_feeds_has_no_pages(tmp_path: Path) -> None:
    path = tmp_path / "nq.txt"
    path.write_text("a\fb\nc\n", encoding="utf-8")
    source = read_document(path)
    assert source.lines == ["a b", "c"]
    assert source.page_starts == []
