"""Units: the organisation tree (office and admin manage it; every signed-in role reads it)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Response, UploadFile

from nghiquyet.accounts.schemas import Created
from nghiquyet.units.importer import MAX_FILE_BYTES, import_units
from nghiquyet.units.permissions import require_reader
from nghiquyet.units.schemas import UnitCreate, UnitNodeRead, UnitRead
from nghiquyet.units.service import UnitNode, create_unit, get_unit, list_units, unit_tree
from nghiquyet.web.api.params import PathId
from nghiquyet.web.api.versions import tag
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/units", tags=["units"])


@router.post("")
def create(body: UnitCreate, session: DbSession, user: CurrentUser) -> Created:
    unit = create_unit(session, name=body.name, code=body.code, kind=body.kind, parent_id=body.parent_id,
                       actor=user)
    return Created(id=unit.id)


@router.get("")
def index(session: DbSession, user: CurrentUser) -> list[UnitRead]:
    return [UnitRead.model_validate(u) for u in list_units(session, actor=user)]


@router.get("/tree")
def tree(session: DbSession, user: CurrentUser) -> list[UnitNodeRead]:
    def node(n: UnitNode) -> UnitNodeRead:
        base = UnitRead.model_validate(n.unit).model_dump()
        return UnitNodeRead(**base, children=[node(c) for c in n.children])

    return [node(n) for n in unit_tree(session, actor=user)]


@router.get("/{unit_id}")
def show(unit_id: PathId, session: DbSession, user: CurrentUser, response: Response) -> UnitRead:
    require_reader(user)
    unit = get_unit(session, unit_id=unit_id)
    tag(response, unit)
    return UnitRead.model_validate(unit)


@router.post("/import")
def import_file(file: Annotated[UploadFile, File(description="CSV (UTF-8) hoặc XLSX")],
                session: DbSession, user: CurrentUser) -> list[UnitRead]:
    """Import a tree: columns ma, ten, ma_cap_tren, loai (all rows or none)."""
    # A plain `def`: FastAPI runs it in its thread pool, so parsing a workbook (seconds for a large
    # one) never holds the event loop; one byte past the limit is enough to refuse the file.
    data = file.file.read(MAX_FILE_BYTES + 1)
    units = import_units(session, data=data, filename=file.filename or "don-vi.csv", actor=user)
    return [UnitRead.model_validate(u) for u in units]
