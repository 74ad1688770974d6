"""The `nghiquyet extract` command: JSON contract and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from nghiquyet.cli import app
from tests import corpus

SEEDS = corpus.SEEDS


def test_extract_prints_one_json_object_per_file(tmp_path: Path) -> None:
    doc = tmp_path / "nq.txt"
    doc.write_text("NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(doc), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "nghiquyet.extraction/v1"
    assert data["source"] == "nq.txt"


def test_extract_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "khong-co.txt")])
    assert result.exit_code == 1
    assert "không tìm thấy" in result.stderr
    assert "Traceback" not in result.output
