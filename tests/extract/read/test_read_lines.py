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
