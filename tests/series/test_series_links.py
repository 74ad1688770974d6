"""Series over the demo's seeds: the linker proposes, the office confirms, rejects, links by hand, undoes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.models import AuditEvent
from nghiquyet.plans.items import add_indicator
from nghiquyet.plans.schemas import IndicatorCreate, TargetCreate
from nghiquyet.series.links import confirm, link_by_hand, list_series, propose_links, reject, undo
from nghiquyet.series.models import Series
from nghiquyet.series.view import series_view
from tests.factories import SEEDS
from tests.series.conftest import SeedWorld


def _budget_series(db: Session) -> Series:
    for series in list_series(db):
        view = series_view(db, series)
        if any(m.doc == f"{SEEDS['000']}.txt" and m.line == 187 and m.targets[0].unit == "tỷ đồng"
               for m in view.members):
            return series
    raise AssertionError("no series holds the 2024 budget revenue target")


def _lines(db: Session, series: Series) -> set[tuple[str, int | None]]:
    return {(m.doc[:3] if m.doc else "", m.line) for m in series_view(db, series).members}


def test_budget_revenue_of_the_programme_and_the_2024_and_2026_resolutions_form_one_series(
        db: Session, seed_world: SeedWorld) -> None:
    # The 2021–2025 programme (001) gives its targets in an appendix the file does not carry
    # ("phụ lục kèm theo", line 76): the office enters the term target from it, citing that line.
    add_indicator(db, plan_id=seed_world.plans["001"].id, actor=seed_world.office, data=IndicatorCreate(
        text="Thu ngân sách nhà nước trên địa bàn đến năm 2025 đạt 18.000 tỷ đồng (phụ lục)", line=76,
        group="kinh_te_xa_hoi", targets=[TargetCreate(metric="Thu NSNN trên địa bàn", value=18000,
                                                      unit="tỷ đồng", year=2025)]))
    propose_links(db, actor=seed_world.office)
    series = _budget_series(db)
    # 000 line 187 and 003 line 20 (2024), 002 line 166 (2026), the programme's cited line 76.
    assert _lines(db, series) == {("000", 187), ("003", 20), ("002", 166), ("001", 76)}
    view = series_view(db, series)
    assert not view.confirmed
    assert [m.year for m in view.members] == [2024, 2024, 2025, 2026]
    assert [m.term for m in view.members] == [False, False, True, False]


def test_linker_is_idempotent_and_keeps_growth_rates_apart_from_amounts(db: Session,
                                                                        seed_world: SeedWorld) -> None:
    first = propose_links(db, actor=seed_world.office)
    assert first and propose_links(db, actor=seed_world.office) == []
    budget = _budget_series(db)
    units = {t.unit for m in series_view(db, budget).members for t in m.targets}
    assert units == {"tỷ đồng"}  # "tăng 7%" of the same indicator is a series of its own


def test_office_confirms_rejects_and_undoes_each_link_with_an_audit_event(db: Session,
                                                                         seed_world: SeedWorld) -> None:
    propose_links(db, actor=seed_world.office)
    series = _budget_series(db)
    lines = _lines(db, series)
    member_003 = next(m for m in series_view(db, series).members if m.doc and m.doc.startswith("003"))
    reject(db, series_id=series.id, indicator_id=member_003.indicator_id, actor=seed_world.office)
    confirm(db, series_id=series.id, actor=seed_world.office)
    assert series_view(db, series).confirmed
    assert ("003", 20) not in _lines(db, series)
    propose_links(db, actor=seed_world.office)  # a rejected link is never proposed again
    assert ("003", 20) not in _lines(db, series)
    undo(db, series_id=series.id, actor=seed_world.office)  # undoes the confirmation
    assert not series_view(db, series).confirmed
    undo(db, series_id=series.id, actor=seed_world.office)  # undoes the undo: confirmed again
    assert series_view(db, series).confirmed
    events = [e.action for e in db.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "series", AuditEvent.object_id == series.id).order_by(AuditEvent.id))]
    assert events == ["series.propose", "series.reject", "series.confirm", "series.undo", "series.undo"]
    assert lines - _lines(db, series) == {("003", 20)}


def test_office_links_indicators_by_hand_into_a_confirmed_series(db: Session, seed_world: SeedWorld) -> None:
    ind_2024 = seed_world.plans["003"].indicators[0]
    ind_2026 = seed_world.plans["002"].indicators[-1]
    series = link_by_hand(db, indicator_ids=[ind_2024.id, ind_2026.id], actor=seed_world.office)
    view = series_view(db, series)
    assert view.confirmed and {m.indicator_id for m in view.members} == {ind_2024.id, ind_2026.id}
