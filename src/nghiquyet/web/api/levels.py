"""GET /units/{id}/tally: a level's figures (its subtree, each child's), as `nghiquyet tally` prints them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from nghiquyet.tracking.levels import level_tally
from nghiquyet.web.api.params import PathId
from nghiquyet.web.deps import CurrentUser, DbSession

router = APIRouter(prefix="/units", tags=["units"])


class TallyRead(BaseModel):
    total: int
    complete: int
    by_status: dict[str, int]


class UnitRefRead(BaseModel):
    id: int
    name: str
    kind: str


class LevelRowRead(BaseModel):
    unit: UnitRefRead
    units_below: int
    tally: TallyRead


class LevelTallyRead(BaseModel):
    unit: UnitRefRead
    period: str
    plans: int
    whole: TallyRead
    own: TallyRead
    children: list[LevelRowRead]
    ancestors: list[UnitRefRead]


@router.get("/{unit_id}/tally")
def unit_tally(
    unit_id: PathId,
    session: DbSession,
    user: CurrentUser,
    period: Annotated[str, Query(description="Kỳ: 2024, 2024-H1, 2024-Q2 hoặc 2024-03", max_length=20)],
) -> LevelTallyRead:
    """The tally of the unit's subtree for `period`, and each child subtree's, lagging children first.

    A unit account reads its own subtree only (as for its assignments and updates)."""
    return LevelTallyRead.model_validate(
        level_tally(session, unit_id=unit_id, period=period, actor=user).to_dict())
