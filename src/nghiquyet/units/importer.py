"""Import a unit tree from CSV or XLSX: columns ma/code, ten/name, ma_cap_tren/parent_code, loai/kind.

All or nothing: every row is checked before anything is written; errors name the row (as the user
sees it in the spreadsheet, the header being row 1). A code that already exists is updated (name,
kind), so the same file can be imported again.
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.errors import InputError, LimitExceeded
from nghiquyet.extract.read.archive import xml_inflates_past
from nghiquyet.extract.read.errors import InflatesTooMuch
from nghiquyet.units.models import UNIT_KINDS, Unit
from nghiquyet.units.permissions import Actor, require_manager
from nghiquyet.units.service import place

COLUMNS = {
    "code": ("ma", "code", "ma_don_vi", "ma_dv"),
    "name": ("ten", "name", "ten_don_vi", "ten_dv"),
    "parent_code": ("ma_cap_tren", "parent_code", "parent", "cap_tren", "ma_cha"),
    "kind": ("loai", "kind", "loai_don_vi"),
}
# Kinds as people write them, after folding ("Đảng ủy" → "dang_uy", "UBND xã" → "ubnd_xa").
KIND_ALIASES = {"so_nganh": "so", "ban_dang": "ban", "xa": "ubnd_xa", "ubnd_phuong": "ubnd_xa",
                "phuong": "ubnd_xa", "": "other", "khac": "other", "dang_uy_xa": "dang_uy",
                "doan_the_chinh_tri_xa_hoi": "doan_the", "mat_tran": "mttq"}
MAX_ROWS = 20_000
# A list of 20,000 units is well under 2 MB as CSV and under 8 MB of sheet XML; past these the file is
# not a unit list (or is a zip bomb), and is refused before anything is parsed.
MAX_FILE_BYTES = 10 * 1_048_576
MAX_XLSX_XML = 32 * 1_048_576
_BROKEN_XLSX = "tệp Excel bị hỏng hoặc không đọc được"
_RESAVE_XLSX = "mở lại bằng Excel rồi lưu thành .xlsx"


def fold(text: str) -> str:
    """Lower-case ASCII key: "Mã cấp trên" → "ma_cap_tren"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    return "_".join(text.replace("-", " ").replace("/", " ").split())


@dataclass
class Row:
    line: int
    code: str
    name: str
    parent_code: str | None
    kind: str


def _read_table(data: bytes, filename: str) -> list[list[str]]:
    suffix = PurePath(filename).suffix.lower()
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1_048_576
        raise LimitExceeded(f"tệp quá lớn cho một danh sách đơn vị (giới hạn {limit} MB)", path=filename,
                            hint="tách thành nhiều tệp, mỗi tệp tối đa 20.000 dòng")
    if suffix == ".xlsx":
        return _read_xlsx(data, filename)
    if suffix in (".csv", ".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("tệp CSV không phải UTF-8", path=filename,
                             hint="lưu lại tệp dưới dạng CSV UTF-8") from exc
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    raise InputError(f"định dạng {suffix or '(không có đuôi)'} không hỗ trợ", path=filename,
                     hint="dùng tệp .csv (UTF-8) hoặc .xlsx")


def _read_xlsx(data: bytes, filename: str) -> list[list[str]]:
    from openpyxl import load_workbook  # imported here: only this path needs it

    _check_inflated(data, filename)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise InputError(_BROKEN_XLSX, path=filename, hint=_RESAVE_XLSX) from exc
    try:
        sheet = book.worksheets[0]
        # Streamed (read-only mode), and no further than one row past the limit parse_rows reports.
        rows = [["" if v is None else str(v).strip() for v in row]
                for row in itertools.islice(sheet.iter_rows(values_only=True), MAX_ROWS + 2)]
    except Exception as exc:
        raise InputError(_BROKEN_XLSX, path=filename, hint=_RESAVE_XLSX) from exc
    finally:
        book.close()
    return rows


def _check_inflated(data: bytes, filename: str) -> None:
    """Refuse a workbook whose XML inflates past MAX_XLSX_XML, counted while inflating (zip bombs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            too_much = xml_inflates_past(archive, MAX_XLSX_XML)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, zlib.error) as exc:
        raise InputError(_BROKEN_XLSX, path=filename, hint=_RESAVE_XLSX) from exc
    if too_much:
        raise InflatesTooMuch(filename, MAX_XLSX_XML, kind="Excel",
                              hint="mở bằng Excel, chỉ giữ trang danh sách đơn vị, lưu thành tệp .xlsx mới "
                                   "rồi nhập lại")


def _kind(raw: str, line: int, filename: str) -> str:
    key = fold(raw)
    key = KIND_ALIASES.get(key, key)
    if key not in UNIT_KINDS:
        raise InputError(f"dòng {line}: loại đơn vị '{raw}' không hợp lệ", path=filename, line=line,
                         hint="dùng một trong: " + ", ".join(UNIT_KINDS))
    return key


def parse_rows(data: bytes, filename: str) -> list[Row]:
    """Rows of the file, checked one by one (not yet against the database)."""
    table = _read_table(data, filename)
    if not table or not any(c.strip() for c in table[0]):
        raise InputError("tệp không có dòng tiêu đề", path=filename,
                         hint="dòng đầu: ma, ten, ma_cap_tren, loai")
    header = [fold(c) for c in table[0]]
    index: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names:
                index[key] = i
                break
    missing = [k for k in ("code", "name") if k not in index]
    if missing:
        raise InputError("thiếu cột " + ", ".join({"code": "ma", "name": "ten"}[m] for m in missing),
                         path=filename, line=1, hint="dòng đầu: ma, ten, ma_cap_tren, loai")
    if len(table) - 1 > MAX_ROWS:
        raise InputError(f"tệp có quá nhiều dòng (tối đa {MAX_ROWS})", path=filename)

    def cell(r: list[str], key: str) -> str:
        i = index.get(key)
        return r[i].strip() if i is not None and i < len(r) and r[i] is not None else ""

    rows: list[Row] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(table[1:], start=2):
        if not any(str(c).strip() for c in raw):
            continue
        code, name = cell(raw, "code"), cell(raw, "name")
        if not code:
            raise InputError(f"dòng {line}: thiếu mã đơn vị", path=filename, line=line)
        if not name:
            raise InputError(f"dòng {line}: thiếu tên đơn vị (mã {code})", path=filename, line=line)
        if code in seen:
            raise InputError(f"dòng {line}: mã '{code}' trùng với dòng {seen[code]}",
                             path=filename, line=line)
        seen[code] = line
        parent = cell(raw, "parent_code") or None
        if parent == code:
            raise InputError(f"dòng {line}: đơn vị '{code}' không thể là cấp trên của chính nó",
                             path=filename, line=line)
        rows.append(Row(line, code, name, parent, _kind(cell(raw, "kind"), line, filename)))
    if not rows:
        raise InputError("tệp không có dòng dữ liệu nào", path=filename)
    return rows


def import_units(session: Session, *, data: bytes, filename: str, actor: Actor) -> list[Unit]:
    """Create or update the units of the file; returns them in file order."""
    require_manager(actor, "nhập danh sách đơn vị")
    rows = parse_rows(data, filename)
    codes = {r.code for r in rows} | {r.parent_code for r in rows if r.parent_code}
    existing = {u.code: u for u in session.scalars(select(Unit).where(Unit.code.in_(codes)))}
    by_code = {r.code: r for r in rows}
    for r in rows:
        if r.parent_code and r.parent_code not in by_code and r.parent_code not in existing:
            raise InputError(f"dòng {r.line}: không tìm thấy đơn vị cấp trên có mã '{r.parent_code}'",
                             path=filename, line=r.line)
        old = existing.get(r.code)
        if old is not None and old.parent_id is not None and r.parent_code:
            old_parent = existing.get(r.parent_code)
            if old_parent is None or old_parent.id != old.parent_id:
                raise InputError(f"dòng {r.line}: đơn vị '{r.code}' đã có cấp trên khác; "
                                 "chưa hỗ trợ chuyển đơn vị sang cấp trên mới", path=filename, line=r.line)
    order = _parents_first(rows, filename)

    # Everything is checked: now write, parents before children.
    result: dict[str, Unit] = {}
    for r in order:
        unit = existing.get(r.code)
        if unit is not None:
            before = snapshot(unit)
            unit.name, unit.kind = r.name, r.kind
            record(session, actor=actor, action="unit.update", object_type="unit", object_id=unit.id,
                   before=before, after=snapshot(unit))
        else:
            parent = None
            if r.parent_code:
                parent = result.get(r.parent_code) or existing[r.parent_code]
            unit = Unit(code=r.code, name=r.name, kind=r.kind)
            place(session, unit, parent)
            record(session, actor=actor, action="unit.create", object_type="unit", object_id=unit.id,
                   after=snapshot(unit))
        result[r.code] = unit
    session.flush()
    return [result[r.code] for r in rows]


def _parents_first(rows: list[Row], filename: str) -> list[Row]:
    """Order rows so each parent in the file comes before its children; a cycle is an error."""
    by_code = {r.code: r for r in rows}
    done: set[str] = set()
    order: list[Row] = []
    for start in rows:
        chain: list[Row] = []
        r: Row | None = start
        while r is not None and r.code not in done:
            if r in chain:
                raise InputError(f"dòng {r.line}: vòng lặp cấp trên ({' → '.join(x.code for x in chain)})",
                                 path=filename, line=r.line)
            chain.append(r)
            r = by_code.get(r.parent_code) if r.parent_code else None
        for item in reversed(chain):
            done.add(item.code)
            order.append(item)
    return order
