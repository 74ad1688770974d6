"""The public API: `nghiquyet.extract(path)` and its submodules side by side."""

from __future__ import annotations

from pathlib import Path

import nghiquyet
import nghiquyet.extract.pipeline
from nghiquyet.extract import Extraction


def test_package_call_returns_typed_extraction(tmp_path: Path) -> None:
    doc = tmp_path / "nq.txt"
    doc.write_text("NGHỊ QUYẾT\nvề nhiệm vụ năm 2025\n\nII. CHỈ TIÊU\n"
                   "- Thu ngân sách nhà nước đạt 1.234,5 tỷ đồng.\n", encoding="utf-8")
    result = nghiquyet.extract(doc)
    assert isinstance(result, Extraction)
    assert result.source == "nq.txt"
    assert result.to_dict()["schema"] == "nghiquyet.extraction/v1"


def test_submodules_stay_reachable_by_attribute() -> None:
    assert nghiquyet.extract.pipeline is nghiquyet.extract.pipeline  # not hidden by a function
    assert callable(nghiquyet.extract.extract)
