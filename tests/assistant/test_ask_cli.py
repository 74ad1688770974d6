"""`nghiquyet ask` over the five seeds imported: the figure with its source line, or "not found"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.demo import seeds_dir


@pytest.fixture
def cli(settings: Settings, session_factory: sessionmaker[Session]) -> CliRunner:
    runner = CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                            "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})
    seeds = sorted(str(p) for p in Path(seeds_dir()).glob("*.txt"))
    assert runner.invoke(app, ["import", *seeds]).exit_code == 0
    return runner


def _ask(cli: CliRunner, question: str) -> dict[str, object]:
    result = cli.invoke(app, ["ask", question, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_budget_target_2024_answered_with_its_source_line(cli: CliRunner) -> None:
    data = _ask(cli, "chi tieu thu ngan sach nam 2024 cua lam dong la bao nhieu")
    assert set(data) == {"found", "answer", "citations"}
    assert data["found"] is True
    assert "14.150 tỷ đồng" in str(data["answer"])
    citations = data["citations"]
    assert isinstance(citations, list)
    first = citations[0]
    assert set(first) == {"doc", "line", "text"}
    assert first["doc"] == "000_29e2e8547b6387b0.txt"
    source = (Path(seeds_dir()) / "000_29e2e8547b6387b0.txt").read_text(encoding="utf-8").splitlines()
    assert source[first["line"] - 1].strip() == first["text"]
    assert "14.150" in first["text"]


def test_a_year_no_document_holds_is_not_found(cli: CliRunner) -> None:
    data = _ask(cli, "chỉ tiêu thu ngân sách năm 2027 là bao nhiêu")
    assert data == {"found": False, "answer": "Không tìm thấy trong các văn bản.", "citations": []}


@pytest.mark.parametrize("question", ["", " ", "x" * 10_000, '"*-('])
def test_bad_input_gets_a_clear_message(cli: CliRunner, question: str) -> None:
    result = cli.invoke(app, ["ask", question, "--format", "json"])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Câu hỏi" in result.stderr
