"""Series over the demo's seeds: the linker proposes, the office confirms, rejects, links by hand, undoes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.models import AuditEvent
from nghiquyet.demo.appendix import enter_appendix_budget
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


def _series_holding(db: Session, seed: str, line: int) -> Series:
    return next(s for s in list_series(db) if (seed, line) in _lines(db, s))


def _lines(db: Session, series: Series) -> set[tuple[str, int | None]]:
    return {(m.doc[:3] if m.doc else "", m.line) for m in series_view(db, series).members}


def test_budget_revenue_of_the_programme_and_the_2024_and_2026_resolutions_form_one_series(
        db: Session, seed_world: SeedWorld) -> None:
    # The 2021–2025 programme (001) gives its targets in an appendix the file does not carry ("phụ lục
    # kèm theo", line 76): the office enters the appendix's budget sentence, citing that line.
    enter_appendix_budget(db, plan_id=seed_world.plans["001"].id, actor=seed_world.office)
    propose_links(db, actor=seed_world.office)
    growth = _series_holding(db, "001", 76)
    # Budget revenue growth: the term's "tăng bình quân 11-12%" (001, line 76, to 2025), 2024's "tăng 7%"
    # (000, line 187) and 2026's "tăng ít nhất 10%" (002, line 166), one territory: Lâm Đồng.
    assert _lines(db, growth) == {("001", 76), ("000", 187), ("002", 166)}
    view = series_view(db, growth)
    assert not view.confirmed
    assert [(m.year, m.term) for m in view.members] == [(2024, False), (2025, True), (2026, False)]
    assert {t.unit for m in view.members for t in m.targets} == {"%"}
    # The 2024 resolution of another province (003: "Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2020 - 2025",
    # where Lâm Đồng's was the XIth) is in no series with Lâm Đồng's plans.
    for series in list_series(db):
        docs = {doc for doc, _ in _lines(db, series)}
        assert "003" not in docs or docs == {"003"}, _lines(db, series)
    assert _lines(db, _budget_series(db)) == {("000", 187), ("002", 166)}  # the amounts: tỷ đồng


def test_linker_is_idempotent_and_keeps_growth_rates_apart_from_amounts(db: Session,
                                                                        seed_world: SeedWorld) -> None:
    first = propose_links(db, actor=seed_world.office)
    assert first and propose_links(db, actor=seed_world.office) == []
    budget = _budget_series(db)
    units = {t.unit for m in series_view(db, budget).members for t in m.targets}
    assert units == {"tỷ đồng"}  # "tăng 7%" of the same indicator is a series of its own


def test_office_confirms_rejects_and_undoes_each_link_with_an_audit_event(db: Session,
                                                                         seed_world: SeedWorld) -> None:
    enter_appendix_budget(db, plan_id=seed_world.plans["001"].id, actor=seed_world.office)
    propose_links(db, actor=seed_world.office)
    series = _series_holding(db, "001", 76)
    lines = _lines(db, series)
    member_002 = next(m for m in series_view(db, series).members if m.doc and m.doc.startswith("002"))
    reject(db, series_id=series.id, indicator_id=member_002.indicator_id, actor=seed_world.office)
    confirm(db, series_id=series.id, actor=seed_world.office)
    assert series_view(db, series).confirmed
    assert ("002", 166) not in _lines(db, series)
    propose_links(db, actor=seed_world.office)  # a rejected link is never proposed again
    assert ("002", 166) not in _lines(db, series)
    undo(db, series_id=series.id, actor=seed_world.office)  # undoes the confirmation
    assert not series_view(db, series).confirmed
    undo(db, series_id=series.id, actor=seed_world.office)  # undoes the undo: confirmed again
    assert series_view(db, series).confirmed
    events = [e.action for e in db.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "series", AuditEvent.object_id == series.id).order_by(AuditEvent.id))]
    assert events == ["series.propose", "series.reject", "series.confirm", "series.undo", "series.undo"]
    assert lines - _lines(db, series) == {("002", 166)}


def test_office_links_indicators_by_hand_into_a_confirmed_series(db: Session, seed_world: SeedWorld) -> None:
    ind_2024 = seed_world.plans["003"].indicators[0]
    ind_2026 = seed_world.plans["002"].indicators[-1]
    series = link_by_hand(db, indicator_ids=[ind_2024.id, ind_2026.id], actor=seed_world.office)
    view = series_view(db, series)
    assert view.confirmed and {m.indicator_id for m in view.members} == {ind_2024.id, ind_2026.id}
