"""A level's dashboard figures: the tally of a unit's subtree and each child subtree's, side by side.

"Tỉnh: 120/160 chỉ tiêu hoàn thành; Huyện A 30/40, Huyện B 18/40 …": one `subtree_tally` over
the root (one set-based pass, see `rollup`), then the per-unit tallies are summed up the tree by
the materialised path — so the children's figures cost no second judging pass and always add up
to the whole (a target is judged once, wherever it is counted).

Lagging children come first: the lowest share of targets complete, then the most at risk or
missed, then the name — the order a province office reads a list of communes in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from nghiquyet.errors import NotFoundError
from nghiquyet.status import Tally
from nghiquyet.tracking.rollup import SubtreeTally, forest_tally, subtree_tally
from nghiquyet.units.models import Unit
from nghiquyet.units.permissions import Actor, readable_unit_ids, require_unit_read


@dataclass(frozen=True)
class UnitRef:
    id: int
    name: str
    kind: str
    depth: int


@dataclass
class LevelRow:
    """One child of the level: its whole subtree's tally (itself and every unit below it)."""

    unit: UnitRef
    tally: Tally
    units_below: int  # how many units the child's subtree holds besides the child itself
    # The target shares its subtree's units hold, each judged against the share (stored statuses).
    shares: Tally = field(default_factory=lambda: Tally(total=0, complete=0, by_status={}))

    @property
    def share_complete(self) -> float | None:
        return self.tally.complete / self.tally.total if self.tally.total else None


@dataclass
class LevelTally:
    unit: UnitRef
    period: str
    whole: Tally  # the subtree: the unit and everything below it
    own: Tally  # the indicators the unit leads itself
    children: list[LevelRow] = field(default_factory=list)
    ancestors: list[UnitRef] = field(default_factory=list)  # root first, for the way back up
    plans: int = 0
    shares: Tally = field(default_factory=lambda: Tally(total=0, complete=0, by_status={}))

    def to_dict(self) -> dict[str, Any]:
        """The JSON of `nghiquyet tally` and of GET /units/{id}/tally (one shape for both)."""
        return {
            "unit": _unit_dict(self.unit), "period": self.period, "plans": self.plans,
            "whole": tally_dict(self.whole), "own": tally_dict(self.own), "shares": tally_dict(self.shares),
            "children": [{"unit": _unit_dict(row.unit), "units_below": row.units_below,
                          "tally": tally_dict(row.tally), "shares": tally_dict(row.shares)}
                         for row in self.children],
            "ancestors": [_unit_dict(a) for a in self.ancestors],
        }


def tally_dict(t: Tally) -> dict[str, Any]:
    return {"total": t.total, "complete": t.complete, "by_status": dict(t.by_status)}


def _unit_dict(unit: UnitRef) -> dict[str, Any]:
    return {"id": unit.id, "name": unit.name, "kind": unit.kind}


def add_tallies(tallies: list[Tally]) -> Tally:
    """The sum of tallies (every status key kept, 0 when absent), as `status.tally` would count them."""
    counts: dict[str, int] = {}
    for t in tallies:
        for key, n in t.by_status.items():
            counts[key] = counts.get(key, 0) + n
    empty = Tally(total=0, complete=0, by_status={})
    if not tallies:
        return empty
    keys = tallies[0].by_status.keys()
    return Tally(total=sum(t.total for t in tallies), complete=sum(t.complete for t in tallies),
                 by_status={k: counts.get(k, 0) for k in keys} | counts)


def _lagging_first(row: LevelRow) -> tuple[float, int, str]:
    share = row.share_complete
    troubled = row.tally.by_status.get("khong_dat", 0) + row.tally.by_status.get("nguy_co", 0)
    # A child with no targets at all goes last: nothing of it lags, nothing of it is known.
    return (2.0 if share is None else share, -troubled, row.unit.name)


def _ref(unit: Unit) -> UnitRef:
    return UnitRef(id=unit.id, name=unit.name, kind=unit.kind, depth=unit.depth)


def level_tally(session: Session, *, unit_id: int, period: str, actor: Actor,
                as_of: dt.date | None = None, plan_id: int | None = None) -> LevelTally:
    """The dashboard of one level: `unit_id`'s subtree tally for `period`, and each child's (with
    `plan_id`: of that plan and the plans below carrying it out only)."""
    require_unit_read(session, actor, unit_id)
    root = session.get(Unit, unit_id)
    if root is None:
        raise NotFoundError(f"Không tìm thấy đơn vị #{unit_id}")
    result = subtree_tally(session, root_unit_id=unit_id, period=period, as_of=as_of, plan_id=plan_id)
    below = session.execute(
        select(Unit.id, Unit.path, Unit.parent_id, Unit.name, Unit.kind, Unit.depth)
        .where(Unit.path.startswith(root.path, autoescape=True), Unit.id != root.id)).all()
    # Each unit below counts toward the child its path passes through ("/1/7/" + "42/…" → 42): one
    # pass over the subtree, not one per child (a province has 300 communes).
    skip = len(root.path)
    members: dict[int, list[Tally]] = defaultdict(list)
    held: dict[int, list[Tally]] = defaultdict(list)
    sizes: dict[int, int] = defaultdict(int)
    for row in below:
        child_id = int(row.path[skip:].split("/", 1)[0])
        sizes[child_id] += 1
        if row.id in result.by_unit:
            members[child_id].append(result.by_unit[row.id])
        if row.id in result.shares_by_unit:
            held[child_id].append(result.shares_by_unit[row.id])
    rows = [LevelRow(unit=UnitRef(id=c.id, name=c.name, kind=c.kind, depth=c.depth),
                     tally=add_tallies(members[c.id]) if members[c.id] else _empty_like(result.whole),
                     units_below=sizes[c.id] - 1,
                     shares=add_tallies(held[c.id]) if held[c.id] else _empty_like(result.whole))
            for c in below if c.parent_id == root.id]
    rows.sort(key=_lagging_first)
    ancestor_ids = [int(part) for part in root.path.strip("/").split("/") if part][:-1]
    readable = readable_unit_ids(session, actor)
    if readable is not None:  # a unit climbs no higher than its own unit: the levels above are not its own
        ancestor_ids = [i for i in ancestor_ids if i in readable]
    ancestors = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(ancestor_ids)))}
    return LevelTally(
        unit=_ref(root), period=result.period, whole=result.whole,
        own=result.by_unit.get(root.id, _empty_like(result.whole)), children=rows,
        ancestors=[_ref(ancestors[i]) for i in ancestor_ids if i in ancestors], plans=result.plans,
        shares=_shares_of(result))


TOP = UnitRef(id=0, name="Tất cả đơn vị", kind="all", depth=-1)
_Below = aliased(Unit)


def top_tally(session: Session, *, period: str, actor: Actor, as_of: dt.date | None = None,
              plan_id: int | None = None) -> LevelTally:
    """Above every root (a province may keep the Party's tree and the People's Committee's side by
    side): each root's subtree is a child; a unit account starts at its own unit instead."""
    if actor.role == "unit":  # without a unit the read check below refuses, in words
        return level_tally(session, unit_id=actor.unit_id or 0, period=period, actor=actor, as_of=as_of,
                           plan_id=plan_id)
    roots = list(session.scalars(select(Unit).where(Unit.parent_id.is_(None)).order_by(Unit.name)))
    sizes = dict(session.execute(
        select(Unit.path, func.count()).select_from(Unit).where(Unit.parent_id.is_(None))
        .join(_Below, _Below.path.startswith(Unit.path)).group_by(Unit.path)).tuples().all())
    tallies = forest_tally(session, roots=roots, period=period, as_of=as_of, plan_id=plan_id, per_unit=False)
    results = [(r, tallies[r.id]) for r in roots]
    rows = [LevelRow(unit=_ref(r), tally=t.whole, units_below=sizes.get(r.path, 1) - 1, shares=_shares_of(t))
            for r, t in results]
    rows.sort(key=_lagging_first)
    period_code = results[0][1].period if results else period
    whole = add_tallies([t.whole for _, t in results])
    # `plans` stays 0: one plan's indicators may be led on both sides, so the roots' counts don't add.
    return LevelTally(unit=TOP, period=period_code, whole=whole, own=_empty_like(whole), children=rows,
                      shares=add_tallies([row.shares for row in rows]) if rows else _empty_like(whole))


def _shares_of(result: SubtreeTally) -> Tally:
    """Every share the subtree's units hold, in one tally."""
    return (add_tallies(list(result.shares_by_unit.values())) if result.shares_by_unit
            else _empty_like(result.whole))


def _empty_like(template: Tally) -> Tally:
    return Tally(total=0, complete=0, by_status=dict.fromkeys(template.by_status, 0))
