"""Backup: one consistent snapshot of the database and the stored files, in one logical format.

The archive is a ZIP: `manifest.json` (schema revision, tables in dependency order with their
columns, every file's SHA-256), `tables/NNN_<name>.jsonl` (one JSON array per row) and
`files/<path under files_dir>`. One logical format for both databases, so a SQLite backup restores
into PostgreSQL and back (`nghiquyet.db.restore`).

Consistency: SQLite is first copied with its online backup API (a single step holds one read
snapshot while the server keeps writing); PostgreSQL is read inside one REPEATABLE READ READ ONLY
transaction. Files are content-addressed and written before the row that names them commits, so
every file a snapshot row references is already on disk when the snapshot is taken.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.types import TypeDecorator, TypeEngine

from nghiquyet.db.engine import make_engine
from nghiquyet.db.registry import include_object, load_models

FORMAT = "nghiquyet-backup"
FORMAT_VERSION = 1
BATCH = 1000
CHUNK = 1 << 20
# Columns that name a stored file (relative to files_dir): checked so a backup says what is missing.
FILE_COLUMNS = ("stored_path",)


class BackupError(Exception):
    """The backup or restore cannot go on; the message says what to do (Vietnamese)."""


@dataclass
class BackupSummary:
    """What went into (or came out of) an archive."""

    revision: str | None
    dialect: str
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # path → sha256
    missing: list[str] = field(default_factory=list)  # referenced by a row, not on disk

    def describe(self) -> str:
        text_ = (f"{sum(self.rows.values())} dòng trong {len(self.rows)} bảng, {len(self.files)} tệp "
                 f"(lược đồ {self.revision}, {self.dialect})")
        if self.missing:
            text_ += f"; THIẾU {len(self.missing)} tệp được tham chiếu: {', '.join(self.missing[:5])}"
        return text_


def base_type(column: sa.Column[Any]) -> TypeEngine[Any]:
    """The column's storage type, looking through TypeDecorators (UtcDateTime → DateTime)."""
    type_: TypeEngine[Any] = column.type
    while isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    return type_


def encode(value: Any) -> Any:
    """A JSON-safe form of a value read through the column's type (decoded again by `decode`)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def decode(column: sa.Column[Any], value: Any) -> Any:
    """The Python value `encode` started from, driven by the target column's type."""
    if value is None:
        return None
    type_ = base_type(column)
    if isinstance(type_, sa.DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(type_, sa.Date):
        return dt.date.fromisoformat(value)
    if isinstance(type_, sa.Time):
        return dt.time.fromisoformat(value)
    if isinstance(type_, sa.LargeBinary):
        return base64.b64decode(value)
    if isinstance(type_, sa.Numeric) and not isinstance(type_, sa.Float) and type_.asdecimal:
        return decimal.Decimal(value)
    return value


def data_tables(metadata: sa.MetaData) -> list[sa.Table]:
    """Every application table, parents before children."""
    return list(metadata.sorted_tables)


def check_schema_covered(conn: Connection, metadata: sa.MetaData) -> None:
    """Refuse when the database holds a table the models do not know: it would silently be left out."""
    known = set(metadata.tables)
    stray = [name for name in inspect(conn).get_table_names()
             if include_object(None, name, "table", True, None) and name not in known]
    if stray:
        raise BackupError("cơ sở dữ liệu có bảng ngoài lược đồ của chương trình: "
                          f"{', '.join(sorted(stray))}; hãy nâng cấp chương trình trước khi sao lưu")


def schema_revision(conn: Connection) -> str | None:
    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection that sees one consistent state of the whole database."""
    if engine.dialect.name == "sqlite":
        with tempfile.TemporaryDirectory(prefix="nghiquyet-backup-") as tmp:
            copy = Path(tmp) / "snapshot.db"
            raw = engine.raw_connection()
            try:
                target = sqlite3.connect(copy)
                try:
                    # pages=-1: the whole database in one step, i.e. under one read lock.
                    raw.driver_connection.backup(target, pages=-1)  # type: ignore[union-attr]
                finally:
                    target.close()
            finally:
                raw.close()
            snap = make_engine(f"sqlite:///{copy}")
            try:
                with snap.connect() as conn:
                    yield conn
            finally:
                snap.dispose()
        return
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        conn.execute(text("SET TRANSACTION READ ONLY"))
        yield conn


def _write_table(conn: Connection, table: sa.Table, archive: zipfile.ZipFile, name: str) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    count = 0
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    with archive.open(name, "w", force_zip64=True) as out:
        for row in result:
            line = json.dumps([encode(v) for v in row], ensure_ascii=False, separators=(",", ":"))
            out.write(line.encode("utf-8") + b"\n")
            count += 1
    return count


def _referenced_files(conn: Connection, tables: list[sa.Table]) -> set[str]:
    paths: set[str] = set()
    for table in tables:
        for name in FILE_COLUMNS:
            if name in table.columns:
                column = table.columns[name]
                paths.update(p for p in conn.execute(select(column).where(column.is_not(None))).scalars())
    return paths


def _stored_files(files_dir: Path) -> Iterator[tuple[str, Path]]:
    if not files_dir.is_dir():
        return
    for path in sorted(files_dir.rglob("*")):
        # Dot names are uploads being written (".upload-…", renamed into place when complete).
        if path.is_file() and not path.name.startswith("."):
            yield path.relative_to(files_dir).as_posix(), path


def _copy_file(source: Path, archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with source.open("rb") as src, archive.open(name, "w", force_zip64=True) as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def backup(engine: Engine, files_dir: Path, destination: Path) -> BackupSummary:
    """Write a consistent snapshot of the database and the stored files to `destination` (a ZIP)."""
    metadata = load_models()
    tables = data_tables(metadata)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            with _snapshot(engine) as conn:
                check_schema_covered(conn, metadata)
                summary = BackupSummary(revision=schema_revision(conn), dialect=engine.dialect.name)
                manifest_tables = []
                for index, table in enumerate(tables):
                    member = f"tables/{index:03d}_{table.name}.jsonl"
                    summary.rows[table.name] = _write_table(conn, table, archive, member)
                    manifest_tables.append({"name": table.name, "member": member,
                                            "columns": [c.name for c in table.columns],
                                            "rows": summary.rows[table.name]})
                referenced = _referenced_files(conn, tables)
            for rel, path in _stored_files(files_dir):
                summary.files[rel] = _copy_file(path, archive, f"files/{rel}")
            summary.missing = sorted(referenced - set(summary.files))
            manifest = {"format": FORMAT, "version": FORMAT_VERSION, "revision": summary.revision,
                        "dialect": summary.dialect, "created_at": dt.datetime.now(dt.UTC).isoformat(),
                        "tables": manifest_tables, "files": summary.files, "missing": summary.missing}
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        # Rename when complete: an interrupted backup never leaves a file that looks finished.
        partial.replace(destination)
    finally:
        partial.unlink(missing_ok=True)
    return summary
