"""Series links: proposed by the linker, confirmed or rejected by the office, made by hand, undone.

The linker compares every target with a value against the targets of the other plans (blocked by
unit kind and qualifiers, so a province's plans compare in milliseconds); matches form clusters by
union-find; a cluster spanning two plans or more becomes a proposed series, or joins the series one of
its indicators already belongs to. A rejected member is remembered and never proposed again.
Every decision records "series.<action>" with the series' state before and after; undo restores the
state before the newest decision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from nghiquyet.audit.models import AuditEvent
from nghiquyet.audit.service import record
from nghiquyet.db.base import utcnow
from nghiquyet.documents.models import Document
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.extract.document.territory import Territory
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.series.metric import counted_change, metric_key, same_metric, unit_kind
from nghiquyet.series.models import Series, SeriesMember
from nghiquyet.series.territory import territory_groups
from nghiquyet.units.permissions import Actor, require_manager, require_reader


def territories(session: Session) -> dict[int, str]:
    """Document id → its territory's key (series/territory.py): what the linker may link."""
    rows = session.execute(select(Document.id, Document.territory))
    return territory_groups({doc_id: Territory.from_dict(raw) for doc_id, raw in rows})


def plan_territories(session: Session) -> dict[int, str]:
    """Plan id → the territory of the document it was confirmed from."""
    of_doc = territories(session)
    rows = session.execute(select(Plan.id, Plan.document_id))
    return {plan_id: of_doc.get(doc_id, "") if doc_id is not None else "" for plan_id, doc_id in rows}


def _targets(session: Session, territory: dict[int, str], plan_ids: set[int] | None) -> list[Target]:
    """The targets with a value, of every plan, or of the plans sharing a territory with `plan_ids`."""
    query = (select(Target).join(Plan, Plan.id == Target.plan_id).where(Target.value.is_not(None))
             .order_by(Target.id))
    if plan_ids is None:
        return list(session.scalars(query))
    places = {territory.get(p, "") for p in plan_ids}
    same_place = sorted(p for p, place in territory.items() if place in places)
    return list(session.scalars(query.where(Target.plan_id.in_(same_place))))


Block = tuple[str, str, frozenset[str], str | None]  # territory, unit kind, qualifiers, counted change


def _blocks(targets: list[Target], territory: dict[int, str], plan_ids: set[int] | None) -> list[list[int]]:
    """Indices of the targets that may match, one list per block; with `plan_ids`, only the blocks
    holding a target of those plans (no match crosses a block, so no other block can change)."""
    blocks: dict[Block, list[int]] = defaultdict(list)
    for i, t in enumerate(targets):
        kind = unit_kind(t.unit).kind
        key = (territory.get(t.plan_id, ""), kind, metric_key(t.metric or "").qualifiers,
               counted_change(t.unit, t.change))
        blocks[key].append(i)
    return [members for members in blocks.values()
            if plan_ids is None or any(targets[i].plan_id in plan_ids for i in members)]


def _clusters(targets: list[Target], blocks: list[list[int]]) -> list[tuple[list[Target], float, str]]:
    """Groups of matching targets from two plans or more of one block, each with its weakest score
    and reason (a district's or another province's budget revenue is not the province's)."""
    parent = list(range(len(targets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    weakest: dict[tuple[int, int], tuple[float, str]] = {}
    for members in blocks:
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                a, b = targets[i], targets[j]
                if a.plan_id == b.plan_id:
                    continue
                match = same_metric(a.metric or "", a.unit, b.metric or "", b.unit, a.change, b.change)
                if match.same:
                    parent[find(i)] = find(j)
                    weakest[(i, j)] = (match.score, match.reason)
    groups: dict[int, list[int]] = defaultdict(list)
    for members in blocks:
        for i in members:
            groups[find(i)].append(i)
    found = []
    for idx in groups.values():
        if len({targets[i].plan_id for i in idx}) < 2:
            continue
        scores = [weakest[(i, j)] for (i, j) in weakest if find(i) == find(idx[0])]
        score, reason = min(scores) if scores else (1.0, "")
        found.append(([targets[i] for i in idx], score, reason))
    return found


def _state(series: Series) -> dict[str, Any]:
    """What undo restores: each member's indicator, state and matched targets."""
    return {"metric": series.metric, "members": [
        {"indicator_id": m.indicator_id, "state": m.state, "target_ids": list(m.target_ids)}
        for m in sorted(series.members, key=lambda m: m.indicator_id)]}


def propose_links(session: Session, *, actor: Actor | None = None,
                  plan_ids: Iterable[int] | None = None) -> list[Series]:
    """Run the linker; new clusters become proposed series, new indicators proposed members.

    `plan_ids`: the plans just written (an import's, a confirmation's). Only their territory's targets
    are read, and only the blocks their targets fall in are compared: a link between two older plans
    was proposed when the later of them came in, so comparing every block again at each import (what
    this did, reading every target) finds nothing new and grows with every document stored.
    """
    touched: list[Series] = []
    new = set(plan_ids) if plan_ids is not None else None
    territory = plan_territories(session)
    targets = _targets(session, territory, new)
    series_of: dict[int, set[int]] = defaultdict(set)  # target → series it is (or was) linked in
    for m in session.scalars(select(SeriesMember)):
        for target_id in m.target_ids:
            series_of[target_id].add(m.series_id)
    for cluster, score, reason in _clusters(targets, _blocks(targets, territory, new)):
        known = {s for t in cluster for s in series_of.get(t.id, set())}
        series = session.get(Series, min(known)) if known else _new_series(session, cluster, actor)
        if series is None:
            continue
        by_indicator: dict[int, list[int]] = defaultdict(list)
        for t in cluster:
            by_indicator[t.indicator_id].append(t.id)
        before = _state(series)
        present = {m.indicator_id for m in series.members}
        added = [SeriesMember(indicator_id=indicator_id, target_ids=sorted(target_ids), state="proposed",
                              score=round(score, 3), reason=reason, created_by=actor.id if actor else None)
                 for indicator_id, target_ids in sorted(by_indicator.items()) if indicator_id not in present]
        if not added:
            continue
        series.members.extend(added)
        for t in cluster:
            series_of[t.id].add(series.id)
        session.flush()
        record(session, actor=actor, action="series.propose", object_type="series", object_id=series.id,
               before=before if before["members"] else None, after=_state(series))
        touched.append(series)
    session.flush()
    return touched


def _new_series(session: Session, cluster: list[Target], actor: Actor | None) -> Series | None:
    first = min(cluster, key=lambda t: t.id)
    existing = session.scalars(select(Series).where(Series.key == f"t{first.id}")).first()
    if existing is not None:  # made earlier and emptied (its proposal undone): propose into it again
        return existing
    series = Series(metric=first.metric or "", key=f"t{first.id}", created_by=actor.id if actor else None)
    try:
        with session.begin_nested():  # a parallel linker made it first: leave it to that one
            session.add(series)
            session.flush()
    except IntegrityError:
        return None
    return series


def get_series(session: Session, *, series_id: int) -> Series:
    series = session.get(Series, series_id)
    if series is None:
        raise NotFoundError(f"Không tìm thấy chuỗi chỉ tiêu #{series_id}")
    return series


def list_series(session: Session, *, actor: Actor | None = None, indicator_id: int | None = None,
                plan_id: int | None = None) -> list[Series]:
    """Series with at least one live member (of the indicator or plan when given), oldest first."""
    if actor is not None:
        require_reader(actor)
    query = (select(Series).options(selectinload(Series.members).selectinload(SeriesMember.indicator))
             .order_by(Series.id))
    if indicator_id is not None or plan_id is not None:
        sub = select(SeriesMember.series_id).join(Indicator, Indicator.id == SeriesMember.indicator_id)
        sub = sub.where(SeriesMember.state != "rejected")
        if indicator_id is not None:
            sub = sub.where(SeriesMember.indicator_id == indicator_id)
        if plan_id is not None:
            sub = sub.where(Indicator.plan_id == plan_id)
        query = query.where(Series.id.in_(sub))
    return [s for s in session.scalars(query) if live_members(s)]


def live_members(series: Series) -> list[SeriesMember]:
    return [m for m in series.members if m.state != "rejected"]


def is_confirmed(series: Series) -> bool:
    live = live_members(series)
    return len(live) >= 2 and all(m.state == "confirmed" for m in live)


def _decide(session: Session, series: Series, action: str, actor: Actor,
            change: Iterable[SeriesMember], state: str) -> Series:
    before = _state(series)
    for m in change:
        m.state, m.decided_by, m.decided_at = state, actor.id, utcnow()
    session.flush()
    record(session, actor=actor, action=f"series.{action}", object_type="series", object_id=series.id,
           before=before, after=_state(series))
    session.flush()
    return series


def _member(series: Series, indicator_id: int | None) -> list[SeriesMember]:
    if indicator_id is None:
        return live_members(series)
    found = [m for m in series.members if m.indicator_id == indicator_id]
    if not found:
        raise NotFoundError(f"Chỉ tiêu #{indicator_id} không thuộc chuỗi #{series.id}")
    return found


def confirm(session: Session, *, series_id: int, actor: Actor, indicator_id: int | None = None) -> Series:
    """The office confirms a proposed link (one member, or the whole series)."""
    require_manager(actor, "xác nhận chuỗi chỉ tiêu")
    series = get_series(session, series_id=series_id)
    return _decide(session, series, "confirm", actor, _member(series, indicator_id), "confirmed")


def reject(session: Session, *, series_id: int, actor: Actor, indicator_id: int | None = None) -> Series:
    """The office rejects a link: the member leaves the series and is never proposed into it again."""
    require_manager(actor, "bỏ liên kết chuỗi chỉ tiêu")
    series = get_series(session, series_id=series_id)
    return _decide(session, series, "reject", actor, _member(series, indicator_id), "rejected")


def link_by_hand(session: Session, *, indicator_ids: list[int], actor: Actor,
                 series_id: int | None = None) -> Series:
    """Indicators the office says measure one thing: a new confirmed series, or added to one."""
    require_manager(actor, "liên kết chỉ tiêu")
    indicators = [session.get(Indicator, i) for i in indicator_ids]
    if any(i is None for i in indicators):
        raise NotFoundError("Không tìm thấy chỉ tiêu " + ", ".join(
            f"#{i}" for i, ind in zip(indicator_ids, indicators, strict=True) if ind is None))
    found = [i for i in indicators if i is not None]
    if series_id is None and len({i.plan_id for i in found}) < 2:
        raise InputError("Một chuỗi cần chỉ tiêu của ít nhất hai kế hoạch",
                         hint="chọn thêm chỉ tiêu của kế hoạch khác")
    if series_id is None:
        first = found[0]
        series = Series(metric=(first.targets[0].metric if first.targets else first.text)[:500],
                        created_by=actor.id)
        session.add(series)
        session.flush()
    else:
        series = get_series(session, series_id=series_id)
    before = _state(series)
    present = {m.indicator_id: m for m in series.members}
    for ind in found:
        member = present.get(ind.id)
        if member is None:
            valued = [t.id for t in ind.targets if t.value is not None]
            member = SeriesMember(indicator_id=ind.id, target_ids=valued, reason="liên kết thủ công",
                                  created_by=actor.id)
            series.members.append(member)
        member.state, member.decided_by, member.decided_at = "confirmed", actor.id, utcnow()
    session.flush()
    record(session, actor=actor, action="series.link", object_type="series", object_id=series.id,
           before=before if before["members"] else None, after=_state(series))
    session.flush()
    return series


def undo(session: Session, *, series_id: int, actor: Actor) -> Series:
    """Restore the series as it was before its newest decision (an undo is itself a decision)."""
    require_manager(actor, "hoàn tác")
    series = get_series(session, series_id=series_id)
    last = session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "series", AuditEvent.object_id == series.id)
        .order_by(AuditEvent.id.desc()).limit(1)).first()
    if last is None:
        raise ConflictError(f"Chuỗi #{series.id} chưa có thao tác nào để hoàn tác")
    target = {m["indicator_id"]: m for m in ((last.before or {}).get("members") or [])}
    before = _state(series)
    for m in list(series.members):
        if m.indicator_id not in target:
            series.members.remove(m)
        else:
            m.state = target[m.indicator_id]["state"]
            m.decided_by, m.decided_at = actor.id, utcnow()
    present = {m.indicator_id for m in series.members}
    for indicator_id, m in target.items():
        if indicator_id not in present and session.get(Indicator, indicator_id) is not None:
            series.members.append(SeriesMember(indicator_id=indicator_id, target_ids=m["target_ids"],
                                               state=m["state"], created_by=actor.id))
    session.flush()
    record(session, actor=actor, action="series.undo", object_type="series", object_id=series.id,
           before=before, after=_state(series))
    session.flush()
    return series
