"""Fixtures for service tests: an office account, a small unit tree and unit accounts."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.units.models import Unit
from tests.factories import make_unit, make_user


@pytest.fixture
def office(db: Session) -> User:
    return make_user(db, role="office", username="vanphong")


@dataclass
class Org:
    """Sở Tài chính and Sở Y tế under the province; a commune party committee with one cell below it."""

    root: Unit
    finance: Unit
    health: Unit
    commune: Unit
    cell: Unit
    finance_user: User
    health_user: User
    commune_user: User
    cell_user: User
    leader: User
    inspector: User
    admin: User


@pytest.fixture
def org(db: Session) -> Org:
    root = make_unit(db, name="Tỉnh ủy Lâm Đồng", code="TU", kind="tinh_uy")
    finance = make_unit(db, name="Sở Tài chính", code="STC", kind="so", parent=root)
    health = make_unit(db, name="Sở Y tế", code="SYT", kind="so", parent=root)
    commune = make_unit(db, name="Đảng ủy xã Lạc Dương", code="DUX", kind="dang_uy", parent=root)
    cell = make_unit(db, name="Chi bộ thôn 1", code="CB1", kind="chi_bo", parent=commune)
    return Org(
        root=root,
        finance=finance,
        health=health,
        commune=commune,
        cell=cell,
        finance_user=make_user(db, role="unit", unit=finance, username="taichinh"),
        health_user=make_user(db, role="unit", unit=health, username="yte"),
        commune_user=make_user(db, role="unit", unit=commune, username="xa"),
        cell_user=make_user(db, role="unit", unit=cell, username="chibo"),
        leader=make_user(db, role="leader", username="lanhdao"),
        inspector=make_user(db, role="inspector", username="kiemtra"),
        admin=make_user(db, role="admin", username="quantri"),
    )
