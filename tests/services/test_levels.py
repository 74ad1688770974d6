"""A level's dashboard: the subtree's tally and each child subtree's, adding up, lagging children first."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import NotFoundError, PermissionDenied
from nghiquyet.tracking.levels import level_tally, top_tally
from tests.factories import make_unit
from tests.services.conftest import Org
from tests.services.helpers import commune_and_finance_plans


def test_children_add_up_to_the_whole_and_lagging_come_first(db: Session, org: Org, office: User) -> None:
    commune_and_finance_plans(db, org, office)
    level = level_tally(db, unit_id=org.root.id, period="2024", actor=office)
    assert (level.whole.total, level.whole.complete) == (4, 1)
    assert level.own.total == 0  # the province leads nothing itself here
    by_name = {row.unit.name: row for row in level.children}
    assert set(by_name) == {"Sở Tài chính", "Sở Y tế", "Đảng ủy xã Lạc Dương"}
    # The commune's row holds its cell's target too: a child counts its whole subtree.
    commune = by_name["Đảng ủy xã Lạc Dương"]
    assert (commune.tally.total, commune.tally.complete, commune.units_below) == (2, 1, 1)
    assert sum(row.tally.total for row in level.children) == level.whole.total
    for key in level.whole.by_status:
        assert sum(row.tally.by_status[key] for row in level.children) == level.whole.by_status[key]
    # Finance: 0/2 lags behind the commune's 1/2; health has no targets and goes last.
    assert [row.unit.name for row in level.children] == ["Sở Tài chính", "Đảng ủy xã Lạc Dương", "Sở Y tế"]


def test_drilling_down_keeps_the_way_back_up(db: Session, org: Org, office: User) -> None:
    commune_and_finance_plans(db, org, office)
    commune = level_tally(db, unit_id=org.commune.id, period="2024", actor=office)
    assert [a.name for a in commune.ancestors] == ["Tỉnh ủy Lâm Đồng"]
    assert (commune.own.total, commune.own.by_status["khong_dat"]) == (1, 1)
    assert [row.unit.name for row in commune.children] == ["Chi bộ thôn 1"]
    cell = level_tally(db, unit_id=org.cell.id, period="2024", actor=office)
    assert [a.name for a in cell.ancestors] == ["Tỉnh ủy Lâm Đồng", "Đảng ủy xã Lạc Dương"]
    assert cell.children == [] and cell.whole.complete == 1


def test_a_unit_reads_its_own_subtree_only(db: Session, org: Org, office: User) -> None:
    commune_and_finance_plans(db, org, office)
    cell = level_tally(db, unit_id=org.cell.id, period="2024", actor=org.commune_user)
    assert cell.whole.total == 1
    assert [a.name for a in cell.ancestors] == ["Đảng ủy xã Lạc Dương"]  # the province is not its own
    with pytest.raises(PermissionDenied):
        level_tally(db, unit_id=org.root.id, period="2024", actor=org.commune_user)
    with pytest.raises(PermissionDenied):
        level_tally(db, unit_id=org.finance.id, period="2024", actor=org.cell_user)
    with pytest.raises(NotFoundError):
        level_tally(db, unit_id=999_999, period="2024", actor=office)


def test_above_every_root_each_root_is_a_child(db: Session, org: Org, office: User) -> None:
    commune_and_finance_plans(db, org, office)
    other_root = make_unit(db, name="UBND tỉnh Lâm Đồng", code="UBND", kind="ubnd")
    top = top_tally(db, period="2024", actor=office)
    rows = {row.unit.name: row for row in top.children}
    assert set(rows) == {"Tỉnh ủy Lâm Đồng", "UBND tỉnh Lâm Đồng"}
    assert rows["Tỉnh ủy Lâm Đồng"].units_below == 4 and rows["UBND tỉnh Lâm Đồng"].units_below == 0
    assert (top.whole.total, top.whole.complete) == (4, 1)
    assert top.children[-1].unit.id == other_root.id  # nothing to judge: last
    # A unit account's top is its own unit.
    assert top_tally(db, period="2024", actor=org.commune_user).unit.id == org.commune.id
