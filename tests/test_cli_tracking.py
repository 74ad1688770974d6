"""CLI: `user add`, `import` (one line per failed file, nothing half-written) and `plans`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import authenticate
from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.demo import seeds_dir
from nghiquyet.documents.models import Document
from nghiquyet.units.models import Unit


@pytest.fixture
def cli(settings: Settings, session_factory: sessionmaker[Session]) -> CliRunner:
    """A runner whose commands use the test database (the shared fixture empties it afterwards)."""
    return CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                          "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})


def _seed(name: str) -> Path:
    return Path(seeds_dir()) / name


def test_user_add_creates_an_account_that_signs_in(cli: CliRunner,
                                                   session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        unit = Unit(name="Sở Tài chính")
        session.add(unit)
        session.commit()
        unit_id = unit.id
    result = cli.invoke(app, ["user", "add", "sotaichinh", "--role", "unit", "--password", "sotaichinh",
                              "--unit", str(unit_id)])
    assert result.exit_code == 0, result.output
    with session_factory() as session:
        user = authenticate(session, username="sotaichinh", password="sotaichinh")
        assert (user.role, user.unit_id) == ("unit", unit_id)


@pytest.mark.parametrize(("args", "words"), [
    (["--role", "unit", "--password", "matkhau1"], "phải thuộc một đơn vị"),
    (["--role", "chutich", "--password", "matkhau1"], "không hợp lệ"),
    (["--role", "office", "--password", "abc"], "ít nhất 6"),
])
def test_user_add_refuses_bad_input_in_one_line(cli: CliRunner, session_factory: sessionmaker[Session],
                                                args: list[str], words: str) -> None:
    result = cli.invoke(app, ["user", "add", "vanphong", *args])
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output
    with session_factory() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 0


def test_import_stores_good_files_and_reports_each_bad_one(cli: CliRunner, tmp_path: Path,
                                                           session_factory: sessionmaker[Session]) -> None:
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "bang.exe"
    odd.write_bytes(b"MZ")
    files = [_seed("003_80d04959fc9a9e21.txt"), empty, odd, tmp_path / "khong-co.txt",
             _seed("004_6cdd10a325536dcd.txt")]
    result = cli.invoke(app, ["import", *map(str, files), "--plan"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Lỗi:")]
    assert len(errors) == 3
    bad = [empty, odd, tmp_path / "khong-co.txt"]
    assert all(str(f) in line for f, line in zip(bad, errors, strict=True))
    with session_factory() as session:
        names = set(session.scalars(select(Document.filename)))
    assert names == {"003_80d04959fc9a9e21.txt", "004_6cdd10a325536dcd.txt"}


def test_import_twice_is_idempotent_and_plans_lists_them(cli: CliRunner) -> None:
    seed = str(_seed("003_80d04959fc9a9e21.txt"))
    first = cli.invoke(app, ["import", seed, "--plan"])
    again = cli.invoke(app, ["import", seed, "--plan"])
    assert first.exit_code == again.exit_code == 0, first.output + again.output
    assert first.output == again.output  # same document, same plan
    listed = cli.invoke(app, ["plans", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    plans = json.loads(listed.output)
    assert len(plans) == 1
    assert set(plans[0]) >= {"id", "title", "years", "issuer"}
    assert plans[0]["years"] == [2024, 2024]
    text = cli.invoke(app, ["plans"])
    # Named as pages and reports name it: type, issuer (no number here) and title; never the file.
    assert plans[0]["name"] == "Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ năm 2024"
    assert "2024" in text.output and plans[0]["name"] in text.output
    assert "003_80d04959fc9a9e21" not in text.output
