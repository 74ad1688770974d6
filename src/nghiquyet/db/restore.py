"""Restore a backup archive (`nghiquyet.db.backup`) into an empty database of either kind.

All or nothing: the archive is checked first (manifest, schema revision, every file's hash), the
files are put in place, then every row goes in inside one transaction; when that fails, the
transaction rolls back and the files this restore added are removed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, func, select, text

from nghiquyet.db.backup import (
    BATCH,
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    BackupError,
    BackupSummary,
    check_schema_covered,
    data_tables,
    decode,
    schema_revision,
)
from nghiquyet.db.migrate import migrate
from nghiquyet.db.registry import load_models
from nghiquyet.errors import os_reason


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError("tệp không phải bản sao lưu nghiquyet (thiếu manifest.json)") from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"định dạng sao lưu không hỗ trợ: {manifest.get('format')} "
                          f"phiên bản {manifest.get('version')}")
    return manifest


def _self_references(table: sa.Table) -> list[str]:
    """Nullable columns pointing at their own table: set in a second pass (a child may precede its parent)."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table and fk.parent.nullable]


def occupied_tables(conn: Connection, tables: list[sa.Table]) -> list[str]:
    return [t.name for t in tables if conn.execute(select(func.count()).select_from(t)).scalar_one()]


def _empty(conn: Connection, tables: list[sa.Table]) -> None:
    for table in reversed(tables):
        own = _self_references(table)
        if own:
            conn.execute(table.update().values({name: None for name in own}))
        conn.execute(table.delete())


def _rows(archive: zipfile.ZipFile, member: str, columns: list[str],
          table: sa.Table) -> Iterator[dict[str, Any]]:
    targets = [table.columns[name] for name in columns]
    with archive.open(member) as lines:
        for line in lines:
            values = json.loads(line)
            yield {c.name: decode(c, v) for c, v in zip(targets, values, strict=True)}


def _load_table(conn: Connection, archive: zipfile.ZipFile, entry: dict[str, Any], table: sa.Table) -> int:
    unknown = [name for name in entry["columns"] if name not in table.columns]
    if unknown:
        raise BackupError(f"bảng {table.name} trong bản sao lưu có cột không có ở đây: {', '.join(unknown)}")
    own = _self_references(table)
    later: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    count = 0
    for row in _rows(archive, entry["member"], entry["columns"], table):
        if own and any(row.get(name) is not None for name in own):
            later.append({"_id": row["id"], **{name: row[name] for name in own}})
            row = {**row, **dict.fromkeys(own)}
        batch.append(row)
        count += 1
        if len(batch) >= BATCH:
            conn.execute(table.insert(), batch)
            batch = []
    if batch:
        conn.execute(table.insert(), batch)
    if later:
        conn.execute(table.update().where(table.c.id == sa.bindparam("_id")), later)
    return count


def _reset_sequences(conn: Connection, tables: list[sa.Table]) -> None:
    """PostgreSQL: the next generated id follows the restored ones (explicit ids do not move a sequence)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        quoted = conn.dialect.identifier_preparer.quote
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                          f"COALESCE(MAX({quoted(pk[0].name)}), 0) + 1, false) FROM {quoted(table.name)}"),
                     {"table": table.name, "column": pk[0].name})


def _check_files(archive: zipfile.ZipFile, files: dict[str, str]) -> None:
    """Every file's bytes match the hash the backup recorded (a damaged archive stops before any write)."""
    for rel, sha in files.items():
        if ".." in Path(rel).parts or rel.startswith("/"):
            raise BackupError(f"đường dẫn tệp không hợp lệ trong bản sao lưu: {rel}")
        digest = hashlib.sha256()
        with archive.open(f"files/{rel}") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != sha:
            raise BackupError(f"tệp {rel} trong bản sao lưu bị hỏng (mã băm không khớp)")


def _put_files(archive: zipfile.ZipFile, files: dict[str, str], files_dir: Path) -> list[Path]:
    """Write the files that are not there yet; returns those created (removed again on failure)."""
    created: list[Path] = []
    for rel in files:
        final = files_dir / rel
        if final.exists():
            continue
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".restore-")
        with os.fdopen(fd, "wb") as out, archive.open(f"files/{rel}") as src:
            while chunk := src.read(CHUNK):
                out.write(chunk)
        os.replace(tmp, final)
        created.append(final)
    return created


def _load_all(engine: Engine, archive: zipfile.ZipFile, manifest: dict[str, Any], tables: list[sa.Table],
              replace: bool) -> dict[str, int]:
    """Every row in one transaction (after emptying the tables when `replace`); returns rows per table."""
    by_name = {t.name: t for t in tables}
    rows = {}
    try:
        with engine.begin() as conn:
            if replace:
                _empty(conn, tables)
            for entry in manifest["tables"]:
                rows[entry["name"]] = _load_table(conn, archive, entry, by_name[entry["name"]])
            _reset_sequences(conn, tables)
    except sa.exc.DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise BackupError(f"khôi phục thất bại, cơ sở dữ liệu giữ nguyên như trước: {reason}") from exc
    return rows


def _check_target(engine: Engine, manifest: dict[str, Any], tables: list[sa.Table], force: bool) -> list[str]:
    """Migrate the target and check it can take this backup; returns the tables that hold rows."""
    migrate(engine)
    with engine.connect() as conn:
        check_schema_covered(conn, load_models())
        revision = schema_revision(conn)
        occupied = occupied_tables(conn, tables)
    if manifest["revision"] != revision:
        raise BackupError(f"bản sao lưu có lược đồ {manifest['revision']}, chương trình này dùng "
                          f"{revision}: hãy khôi phục bằng phiên bản chương trình đã tạo bản sao lưu")
    if occupied and not force:
        raise BackupError(f"cơ sở dữ liệu đích không trống (có dữ liệu trong {', '.join(occupied[:5])}"
                          f"{'…' if len(occupied) > 5 else ''}); khôi phục cần cơ sở dữ liệu trống — "
                          "hoặc thêm --force để XOÁ toàn bộ dữ liệu hiện có và thay bằng bản sao lưu")
    known = {t.name for t in tables}
    unknown = [e["name"] for e in manifest["tables"] if e["name"] not in known]
    if unknown:
        raise BackupError(f"bản sao lưu có bảng không có ở đây: {', '.join(unknown)}")
    return occupied


def restore(engine: Engine, files_dir: Path, source: Path, *, force: bool = False) -> BackupSummary:
    """Load a backup into the database behind `engine` (migrated here) and `files_dir`.

    Refuses a database that already holds rows unless `force`, which replaces them.
    """
    tables = data_tables(load_models())
    try:
        archive = zipfile.ZipFile(source)
    except OSError as exc:
        raise BackupError(f"không mở được bản sao lưu {source}: {os_reason(exc)}") from exc
    except zipfile.BadZipFile as exc:
        raise BackupError(f"{source} không phải bản sao lưu của nghiquyet (tệp nén hỏng hoặc sai loại); "
                          "dùng tệp do `nghiquyet backup` tạo") from exc
    with archive:
        manifest = read_manifest(archive)
        occupied = _check_target(engine, manifest, tables, force)
        files: dict[str, str] = manifest["files"]
        _check_files(archive, files)
        created = _put_files(archive, files, files_dir)
        try:
            rows = _load_all(engine, archive, manifest, tables, replace=bool(occupied))
        except BaseException:
            for path in created:  # nothing of this restore stays behind
                path.unlink(missing_ok=True)
            raise
    return BackupSummary(revision=manifest["revision"], dialect=manifest["dialect"], rows=rows, files=files,
                         missing=list(manifest.get("missing") or []))
