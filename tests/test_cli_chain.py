"""Issue 10 point 6: the console finishes its own chain, import → units → confirm → assign → report,
and `nghiquyet demo` fills the database NGHIQUYET_DATABASE_URL names (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as Docx
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.demo import seeds_dir
from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Plan
from nghiquyet.tracking.models import Assignment
from nghiquyet.units.models import Unit

DEMO = Path(seeds_dir()).parent


@pytest.fixture
def cli(settings: Settings, session_factory: sessionmaker[Session]) -> CliRunner:
    return CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                          "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})


def test_import_confirm_assign_report_from_the_console(cli: CliRunner, session_factory: sessionmaker[Session],
                                                       tmp_path: Path) -> None:
    seed = Path(seeds_dir()) / "003_80d04959fc9a9e21.txt"
    imported = cli.invoke(app, ["import", str(seed)])
    assert imported.exit_code == 0, imported.output
    assert "Chưa có kế hoạch" in cli.invoke(app, ["plans"]).output
    units = cli.invoke(app, ["units", "import", str(DEMO / "units.csv")])
    assert units.exit_code == 0, units.output
    with session_factory() as session:
        doc_id = session.scalars(select(Document.id)).one()
    confirmed = cli.invoke(app, ["confirm", str(doc_id), "--number", "15-NQ/TU"])
    assert confirmed.exit_code == 0, confirmed.output
    with session_factory() as session:
        plan = session.scalars(select(Plan)).one()
        plan_id, title, number = plan.id, plan.title, plan.number
    assert (title, number) == ("về nhiệm vụ năm 2024", "15-NQ/TU")
    assigned = cli.invoke(app, ["assign", "--plan", str(plan_id), "--rules", str(DEMO / "assignments.csv"),
                                "--deadline", "31/12/2024"])
    assert assigned.exit_code == 0, assigned.output
    with session_factory() as session:
        count = session.scalar(select(func.count()).select_from(Assignment))
        stc = session.scalars(select(Unit.id).where(Unit.code == "STC")).one()
        stc_items = session.scalar(select(func.count()).select_from(Assignment)
                                   .where(Assignment.unit_id == stc, Assignment.role == "lead"))
    assert count and count > 10 and stc_items
    assert f"{count} phân công" in assigned.output
    out = tmp_path / "bc.docx"
    report = cli.invoke(app, ["report", "--plan", str(plan_id), "--period", "2024", "-o", str(out)])
    assert report.exit_code == 0, report.output
    text = "\n".join(p.text for p in Docx(str(out)).paragraphs)
    assert "Nghị quyết số 15-NQ/TU về nhiệm vụ năm 2024" in text
    assert ".txt" not in text


def test_confirm_without_a_title_asks_for_one(cli: CliRunner, session_factory: sessionmaker[Session],
                                             tmp_path: Path) -> None:
    doc = tmp_path / "khong-tieu-de.txt"
    doc.write_text("1. Tốc độ tăng trưởng kinh tế đạt 7%.\n2. Thu ngân sách đạt 10.000 tỷ đồng.\n",
                   encoding="utf-8")
    assert cli.invoke(app, ["import", str(doc)]).exit_code == 0
    with session_factory() as session:
        doc_id = session.scalars(select(Document.id)).one()
    refused = cli.invoke(app, ["confirm", str(doc_id)])
    assert refused.exit_code == 2 and "--title" in refused.output
    ok = cli.invoke(app, ["confirm", str(doc_id), "--title", "Kế hoạch thử",
                          "--issuer", "UBND tỉnh Lâm Đồng"])
    assert ok.exit_code == 0, ok.output
    with session_factory() as session:
        plan = session.scalars(select(Plan)).one()
        assert (plan.title, plan.issuer) == ("Kế hoạch thử", "UBND tỉnh Lâm Đồng")
        assert "khong-tieu-de" not in plan.title


def test_assign_names_a_bad_rules_line(cli: CliRunner, tmp_path: Path) -> None:
    rules = tmp_path / "r.csv"
    rules.write_text("keyword,unit_code,role\nngân sách,STC,chutri\n", encoding="utf-8")
    result = cli.invoke(app, ["assign", "--plan", "1", "--rules", str(rules)])
    assert result.exit_code == 1 and "dòng 2" in result.output and "Traceback" not in result.output


def test_demo_fills_the_database_the_environment_names(cli: CliRunner,
                                                       session_factory: sessionmaker[Session]) -> None:
    result = cli.invoke(app, ["demo", "--seed-only"])
    assert result.exit_code == 0, result.output
    assert "đã duyệt" in result.output and "approved" not in result.output
    with session_factory() as session:  # the five seeds and the district plan
        assert session.scalar(select(func.count()).select_from(Plan)) == 6
    again = cli.invoke(app, ["demo", "--seed-only"])
    assert again.exit_code == 1 and "đã có dữ liệu" in again.output
    with session_factory() as session:  # nothing was wiped or doubled
        assert session.scalar(select(func.count()).select_from(Plan)) == 6
