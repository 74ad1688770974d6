"""Restore never mixes data: it refuses a database with rows (unless --force) and never half-restores."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.db import make_session_factory, migrate, transaction
from nghiquyet.db.backup import BackupError, backup
from nghiquyet.db.restore import restore
from nghiquyet.units.models import Unit
from tests.backup.conftest import EmptyDatabase, file_hashes, table_rows
from tests.conftest import DB_BACKENDS


@pytest.fixture(scope="module")
def demo_archive(demo_source: tuple[Engine, Settings], tmp_path_factory: pytest.TempPathFactory) -> Path:
    engine, settings = demo_source
    path = tmp_path_factory.mktemp("archive") / "demo.zip"
    backup(engine, settings.files_dir, path)
    return path


def _rewrite(source: Path, target: Path, member_suffix: str, change: bytes) -> None:
    """Copy the archive, appending `change` to the one member whose name ends with `member_suffix`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, data + change if info.filename.endswith(member_suffix) else data)


def _empty(engine: Engine) -> bool:
    return not any(table_rows(engine).values())


def _holding_one_unit(empty_database: EmptyDatabase) -> tuple[Engine, Path]:
    target, files = empty_database("sqlite")
    migrate(target)
    with transaction(make_session_factory(target)) as session:
        session.add(Unit(name="Đơn vị có sẵn", code="co-san", path="/"))
    return target, files


def test_restore_refuses_a_database_with_data(demo_source: tuple[Engine, Settings], demo_archive: Path,
                                              empty_database: EmptyDatabase) -> None:
    target, files = _holding_one_unit(empty_database)
    before = table_rows(target)
    with pytest.raises(BackupError, match=r"không trống.*--force"):
        restore(target, files, demo_archive)
    assert table_rows(target) == before
    assert not files.exists()


def test_force_replaces_what_was_there(demo_source: tuple[Engine, Settings], demo_archive: Path,
                                       empty_database: EmptyDatabase) -> None:
    target, files = _holding_one_unit(empty_database)
    restore(target, files, demo_archive, force=True)
    assert table_rows(target) == table_rows(demo_source[0])


@pytest.mark.parametrize("kind", DB_BACKENDS)
def test_a_bad_row_restores_nothing(kind: str, demo_archive: Path, empty_database: EmptyDatabase,
                                    tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(demo_archive) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    updates = next(t for t in manifest["tables"] if t["name"] == "updates")
    # The last row of the last-but-one table to load names a unit that does not exist.
    row = [None] * len(updates["columns"])
    row[updates["columns"].index("id")] = 999_999
    row[updates["columns"].index("unit_id")] = 999_999
    _rewrite(demo_archive, broken, updates["member"], json.dumps(row).encode() + b"\n")
    target, files = empty_database(kind)
    with pytest.raises(BackupError, match="giữ nguyên"):
        restore(target, files, broken)
    assert _empty(target)
    assert not files.exists() or file_hashes(files) == {}


def test_a_damaged_file_stops_before_any_write(demo_archive: Path, empty_database: EmptyDatabase,
                                               tmp_path: Path) -> None:
    broken = tmp_path / "damaged.zip"
    _rewrite(demo_archive, broken, ".txt", b"x")
    target, files = empty_database("sqlite")
    with pytest.raises(BackupError, match="bị hỏng"):
        restore(target, files, broken)
    assert _empty(target) and not files.exists()


def test_cli_backup_then_restore_into_a_new_data_directory(demo_source: tuple[Engine, Settings],
                                                           tmp_path: Path) -> None:
    settings = demo_source[1]
    runner = CliRunner()
    archive = tmp_path / "sao-luu.zip"
    source_env = {"NGHIQUYET_DATA_DIR": str(settings.data_dir), "NGHIQUYET_DATABASE_URL": ""}
    made = runner.invoke(app, ["backup", str(archive)], env=source_env)
    assert made.exit_code == 0, made.output
    assert "Đã sao lưu" in made.output and "tệp" in made.output
    target_dir = tmp_path / "moi"
    target_env = {"NGHIQUYET_DATA_DIR": str(target_dir), "NGHIQUYET_DATABASE_URL": ""}
    done = runner.invoke(app, ["restore", str(archive)], env=target_env)
    assert done.exit_code == 0, done.output
    assert file_hashes(target_dir / "files") == file_hashes(settings.files_dir)
    again = runner.invoke(app, ["restore", str(archive)], env=target_env)
    assert again.exit_code == 1
    assert "không trống" in again.output and "--force" in again.output
