"""Extraction runs in a child process within its limits (issue 11, point 2): a file that overruns its
CPU allowance is stopped and refused in Vietnamese, the server process never runs it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nghiquyet.config import Settings
from nghiquyet.documents.isolated import extract_file
from nghiquyet.errors import TooComplex


def test_a_file_over_its_cpu_allowance_is_stopped_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "mot-dong-so.txt"
    path.write_text("1234,56% " * 120_000)  # ~6 s of CPU to extract: over the 1 s allowed
    settings = Settings(data_dir=tmp_path, extract_cpu_seconds=1, extract_wall_seconds=120)
    before = os.times()
    with pytest.raises(TooComplex) as info:
        extract_file(path, "mot-dong-so.txt", settings)
    assert "quá 1 giây" in str(info.value) and "tách văn bản" in str(info.value)
    assert os.times().user - before.user < 1.0  # the work was the child's, not this process's


def test_a_readable_file_comes_back_extracted(tmp_path: Path) -> None:
    path = tmp_path / "nq.txt"
    path.write_text("NGHỊ QUYẾT\nI. MỤC TIÊU\n1. Tỷ lệ hộ nghèo giảm còn 2%.\n")
    extraction, lines = extract_file(path, "nq.txt", Settings(data_dir=tmp_path))
    assert extraction["source"] == "nq.txt" and lines[0] == "NGHỊ QUYẾT"
