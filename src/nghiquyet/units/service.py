"""Unit use cases: create, rename, list as a tree, import a tree from CSV/XLSX (see importer.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import record, snapshot
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.units.models import UNIT_KINDS, Unit
from nghiquyet.units.permissions import Actor, require_manager, require_reader


def place(session: Session, unit: Unit, parent: Unit | None) -> None:
    """Flush `unit` and set its materialised path and depth under `parent`."""
    unit.parent_id = parent.id if parent is not None else None
    session.add(unit)
    session.flush()  # the path holds the unit's own id
    unit.path = f"{parent.path if parent is not None else '/'}{unit.id}/"
    unit.depth = parent.depth + 1 if parent is not None else 0


def get_unit(session: Session, *, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
    return unit


def get_unit_by_code(session: Session, *, code: str) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.code == code)).first()


def _check_kind(kind: str) -> str:
    if kind not in UNIT_KINDS:
        raise InputError(f"Loại đơn vị '{kind}' không hợp lệ",
                         hint="dùng một trong: " + ", ".join(UNIT_KINDS))
    return kind


def create_unit(session: Session, *, name: str, actor: Actor, code: str | None = None, kind: str = "other",
                parent_id: int | None = None) -> Unit:
    """Add a unit under `parent_id` (None: a root)."""
    require_manager(actor, "thêm đơn vị")
    name = name.strip()
    if not name:
        raise InputError("Tên đơn vị không được để trống")
    code = (code or "").strip() or None
    if code is not None and get_unit_by_code(session, code=code) is not None:
        raise ConflictError(f"Mã đơn vị '{code}' đã tồn tại")
    parent = get_unit(session, unit_id=parent_id) if parent_id is not None else None
    unit = Unit(name=name, code=code, kind=_check_kind(kind))
    place(session, unit, parent)
    record(session, actor=actor, action="unit.create", object_type="unit", object_id=unit.id,
           after=snapshot(unit))
    session.flush()
    return unit


def update_unit(session: Session, *, unit_id: int, actor: Actor, name: str | None = None,
                code: str | None = None, kind: str | None = None) -> Unit:
    """Rename or re-code a unit (moving it in the tree is not supported yet)."""
    require_manager(actor, "sửa đơn vị")
    unit = get_unit(session, unit_id=unit_id)
    before = snapshot(unit)
    if name is not None:
        if not name.strip():
            raise InputError("Tên đơn vị không được để trống")
        unit.name = name.strip()
    if code is not None:
        other = get_unit_by_code(session, code=code.strip())
        if other is not None and other.id != unit.id:
            raise ConflictError(f"Mã đơn vị '{code}' đã tồn tại")
        unit.code = code.strip() or None
    if kind is not None:
        unit.kind = _check_kind(kind)
    record(session, actor=actor, action="unit.update", object_type="unit", object_id=unit.id,
           before=before, after=snapshot(unit))
    session.flush()
    return unit


def list_units(session: Session, *, actor: Actor | None = None) -> list[Unit]:
    """Every unit in tree order (a parent right before its children)."""
    if actor is not None:
        require_reader(actor)
    return list(session.scalars(select(Unit).order_by(Unit.path)))


def subtree_ids(session: Session, *, unit_id: int) -> list[int]:
    """The unit and every unit below it."""
    unit = get_unit(session, unit_id=unit_id)
    return list(session.scalars(select(Unit.id).where(Unit.path.startswith(unit.path, autoescape=True))))


@dataclass
class UnitNode:
    unit: Unit
    children: list[UnitNode] = field(default_factory=list)


def unit_tree(session: Session, *, actor: Actor | None = None) -> list[UnitNode]:
    """The roots, each with its children nested (one query)."""
    units = list_units(session, actor=actor)
    nodes = {u.id: UnitNode(u) for u in units}
    roots: list[UnitNode] = []
    for u in units:
        parent = nodes.get(u.parent_id) if u.parent_id is not None else None
        (parent.children if parent is not None else roots).append(nodes[u.id])
    for node in nodes.values():
        node.children.sort(key=lambda n: (n.unit.code or "", n.unit.name))
    return roots
