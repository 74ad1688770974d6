"""The linker run for the plan just written (`plan_ids`) proposes exactly what running it over every
plan proposes, import after import: the same series, the same members, in the same states."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.series.links import propose_links
from nghiquyet.series.models import Series

# (place, level, year, metrics with their units): wordings of one metric vary between plans.
PLANS = [
    ("Lâm Đồng", "tinh", 2021, [("Thu ngân sách nhà nước", "tỷ đồng"), ("Tỷ lệ hộ nghèo", "%"),
                                ("Tỷ lệ che phủ rừng", "%")]),
    ("Lâm Đồng", "tinh", 2022, [("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
                                ("Tỷ lệ hộ nghèo đa chiều", "%")]),
    ("Lâm Đồng", "huyen", 2022, [("Thu ngân sách nhà nước", "tỷ đồng"), ("Tỷ lệ hộ nghèo", "%")]),
    ("Gia Lai", "tinh", 2022, [("Thu ngân sách nhà nước", "tỷ đồng"), ("Tỷ lệ che phủ rừng", "%")]),
    ("Lâm Đồng", "tinh", 2023, [("Thu ngân sách nhà nước", "tỷ đồng"), ("Tỷ lệ che phủ rừng", "%"),
                                ("Số xã đạt chuẩn nông thôn mới", "xã")]),
    ("Gia Lai", "tinh", 2024, [("Thu ngân sách nhà nước", "tỷ đồng"), ("Tỷ lệ hộ nghèo", "%")]),
    ("Lâm Đồng", "tinh", 2024, [("Số xã đạt chuẩn nông thôn mới", "xã"), ("Tỷ lệ hộ nghèo", "%")]),
]


def _add(db: Session, n: int) -> Plan:
    place, level, year, metrics = PLANS[n]
    doc = Document(filename=f"nq-{n}.txt", sha256=f"{n:064d}", size=1, kind="txt", stored_path=f"x/{n}",
                   extraction={}, territory={"level": level, "place": place})
    plan = Plan(title=f"Nghị quyết {n}", year_start=year, year_end=year, document=doc)
    db.add(plan)
    for i, (metric, unit) in enumerate(metrics):
        indicator = Indicator(position=i, label=f"({i + 1})", group="kinh_te_xa_hoi", text=metric)
        indicator.targets.append(Target(plan=plan, position=0, metric=metric, comparator="gte", value=10.0,
                                        unit=unit, year=year))
        plan.indicators.append(indicator)
    db.flush()
    return plan


def _proposed(db: Session, incremental: bool) -> set[tuple[str, frozenset[tuple[str, str, str]]]]:
    """Import the plans one by one, linking after each; the series as (first member, its members)."""
    for n in range(len(PLANS)):
        plan = _add(db, n)
        propose_links(db, plan_ids={plan.id} if incremental else None)
    named = {t.id: (p.title, t.metric) for t, p in db.execute(
        select(Target, Plan).join(Plan, Plan.id == Target.plan_id))}
    out = set()
    for series in db.scalars(select(Series)):
        members = frozenset((*named[t], m.state) for m in series.members for t in m.target_ids)
        out.add((str(named[int(series.key[1:])]), members))
    return out


def test_linking_the_new_plan_only_proposes_what_linking_every_plan_proposes(db: Session) -> None:
    everything = _proposed(db, incremental=False)
    db.rollback()
    assert db.scalars(select(Series)).first() is None
    assert _proposed(db, incremental=True) == everything
    # Not vacuous: several series, across wordings, never across provinces or levels.
    assert len(everything) >= 3
    assert any(("Nghị quyết 1", "Tổng thu ngân sách nhà nước trên địa bàn", "proposed") in m
               for _, m in everything)
    for _, members in everything:
        titles = {title for title, _, _ in members}
        assert not ({"Nghị quyết 0", "Nghị quyết 3"} <= titles or {"Nghị quyết 0", "Nghị quyết 2"} <= titles)
