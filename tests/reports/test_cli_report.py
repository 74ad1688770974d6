"""`nghiquyet report --plan ID --period P --format F -o FILE [--compare P2]`."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from nghiquyet.cli import app
from tests.reports.conftest import ReportPlan


@pytest.fixture
def env(db: Session, report_plan: ReportPlan, db_url: str, tmp_path: Path) -> dict[str, str]:
    db.commit()
    return {"NGHIQUYET_DATABASE_URL": db_url, "NGHIQUYET_DATA_DIR": str(tmp_path / "data")}


def test_report_writes_docx(env: dict[str, str], report_plan: ReportPlan, tmp_path: Path) -> None:
    out = tmp_path / "bc.docx"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--plan",
            str(report_plan.plan.id),
            "--period",
            "2024",
            "--format",
            "docx",
            "-o",
            str(out),
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "Trong năm 2024, có 03/05 chỉ tiêu hoàn thành" in result.output
    assert docx.Document(str(out)).tables[1].rows[2].cells[1].text == "Thu ngân sách nhà nước"


def test_format_from_suffix_and_compare(env: dict[str, str], report_plan: ReportPlan, tmp_path: Path) -> None:
    out = tmp_path / "ss.xlsx"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--plan",
            str(report_plan.plan.id),
            "--period",
            "2024",
            "--compare",
            "2024-Q2",
            "-o",
            str(out),
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out)["So sánh"].cell(4, 5).value == 14500


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2024-Q9", "-o", "x.docx"], "Kỳ báo cáo không hợp lệ"),
        (["--period", "2024", "-o", "x.odt"], "không hỗ trợ"),
    ],
)
def test_errors_are_one_vietnamese_line(
    env: dict[str, str], report_plan: ReportPlan, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = CliRunner().invoke(app, ["report", "--plan", str(report_plan.plan.id), *args], env=env)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_unknown_plan(env: dict[str, str], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["report", "--plan", "424242", "--period", "2024", "-o", str(tmp_path / "x.docx")], env=env
    )
    assert result.exit_code == 1 and "Không tìm thấy kế hoạch #424242" in result.output
