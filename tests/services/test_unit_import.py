"""Importing a unit tree from CSV and XLSX: parents in any order, errors name the row, all or nothing."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import InputError, PermissionDenied
from nghiquyet.units.importer import import_units
from nghiquyet.units.models import Unit
from nghiquyet.units.service import create_unit, subtree_ids, unit_tree
from tests.services.conftest import Org

ROWS = [
    ("Mã", "Tên", "Mã cấp trên", "Loại"),
    ("XLD", "Đảng ủy xã Lạc Dương", "TU", "Đảng ủy"),  # child before its parent
    ("TU", "Tỉnh ủy Lâm Đồng", "", "tinh_uy"),
    ("STC", "Sở Tài chính", "TU", "Sở"),
    ("CB1", "Chi bộ thôn Đăng Gia", "XLD", "chi bộ"),
    ("", "", "", ""),  # blank lines are skipped
]


def _csv(rows: Sequence[tuple[str, ...]], sep: str = ",") -> bytes:
    return ("\ufeff" + "\n".join(sep.join(r) for r in rows) + "\n").encode("utf-8")


def _xlsx(rows: Sequence[tuple[str, ...]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for r in rows:
        sheet.append(list(r))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _count(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(Unit)) or 0)


@pytest.mark.parametrize("kind", ["csv", "csv;", "xlsx"])
def test_import_builds_the_tree(db: Session, office: User, kind: str) -> None:
    data = _xlsx(ROWS) if kind == "xlsx" else _csv(ROWS, sep=";" if kind == "csv;" else ",")
    units = import_units(db, data=data, filename=f"don-vi.{kind.rstrip(';')}", actor=office)
    by_code = {u.code: u for u in units}
    assert [u.code for u in units] == ["XLD", "TU", "STC", "CB1"]
    assert by_code["TU"].parent_id is None and by_code["TU"].kind == "tinh_uy"
    assert by_code["XLD"].parent_id == by_code["TU"].id and by_code["XLD"].kind == "dang_uy"
    assert by_code["CB1"].parent_id == by_code["XLD"].id and by_code["CB1"].depth == 2
    assert by_code["STC"].kind == "so"
    assert set(subtree_ids(db, unit_id=by_code["XLD"].id)) == {by_code["XLD"].id, by_code["CB1"].id}
    roots = unit_tree(db, actor=office)
    assert [r.unit.code for r in roots] == ["TU"]
    assert sorted(c.unit.code or "" for c in roots[0].children) == ["STC", "XLD"]


def test_reimport_updates_names_not_duplicates(db: Session, office: User) -> None:
    import_units(db, data=_csv(ROWS), filename="don-vi.csv", actor=office)
    rows = [ROWS[0], ("STC", "Sở Tài chính tỉnh Lâm Đồng", "TU", "so")]
    import_units(db, data=_csv(rows), filename="don-vi.csv", actor=office)
    assert _count(db) == 4
    assert db.scalars(select(Unit.name).where(Unit.code == "STC")).one() == "Sở Tài chính tỉnh Lâm Đồng"


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        ([ROWS[0], ("A", "Đơn vị A", "", "so"), ("A", "Trùng mã", "", "so")], 3, "trùng"),
        ([ROWS[0], ("A", "Đơn vị A", "", "so"), ("B", "", "A", "so")], 3, "thiếu tên"),
        ([ROWS[0], ("A", "Đơn vị A", "ZZZ", "so")], 2, "cấp trên"),
        ([ROWS[0], ("A", "Đơn vị A", "", "hành tinh")], 2, "loại"),
        ([ROWS[0], ("A", "Đơn vị A", "B", "so"), ("B", "Đơn vị B", "A", "so")], 2, "vòng lặp"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    db: Session, office: User, rows: Sequence[tuple[str, ...]], line: int, words: str
) -> None:
    for data, name in ((_csv(rows), "u.csv"), (_xlsx(rows), "u.xlsx")):
        with pytest.raises(InputError) as caught:
            import_units(db, data=data, filename=name, actor=office)
        assert caught.value.line == line
        assert f"dòng {line}" in caught.value.message and words in caught.value.message
    assert _count(db) == 0


def test_missing_columns_and_wrong_format(db: Session, office: User) -> None:
    with pytest.raises(InputError, match="thiếu cột"):
        import_units(db, data=_csv([("ten", "loai"), ("A", "so")]), filename="u.csv", actor=office)
    with pytest.raises(InputError, match="không hỗ trợ"):
        import_units(db, data=b"x", filename="u.ods", actor=office)
    with pytest.raises(InputError, match="Excel"):
        import_units(db, data=b"not a zip", filename="u.xlsx", actor=office)


def test_only_the_office_manages_units(db: Session, org: Org) -> None:
    with pytest.raises(PermissionDenied):
        import_units(db, data=_csv(ROWS), filename="u.csv", actor=org.finance_user)
    with pytest.raises(PermissionDenied):
        create_unit(db, name="Ban mới", actor=org.leader)
    unit = create_unit(
        db, name="Ban Tuyên giáo", code="BTG", kind="ban", parent_id=org.root.id, actor=org.admin
    )
    assert unit.path == f"{org.root.path}{unit.id}/"


def test_a_workbook_inflating_past_the_limit_is_refused_before_it_is_parsed(db: Session,
                                                                            office: User) -> None:
    from nghiquyet.errors import LimitExceeded
    from tests.test_hostile_unit_lists import xlsx_bomb

    with pytest.raises(LimitExceeded, match="tệp Excel giải nén ra hơn 32 MB") as refused:
        import_units(db, data=xlsx_bomb(64), filename="bom.xlsx", actor=office)
    assert refused.value.path == "bom.xlsx" and refused.value.hint
    assert _count(db) == 0
