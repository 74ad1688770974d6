"""Reported results become proposed updates; accepting one changes the status and the report."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.models import AuditEvent
from nghiquyet.errors import ConflictError
from nghiquyet.reports.build import build_report_data
from nghiquyet.series.models import Proposal
from nghiquyet.series.proposals import accept, dismiss, list_proposals, proposal_dict, scan, undo
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.status import plan_status
from tests.factories import SEEDS
from tests.series.conftest import SeedWorld

Q1 = "2024-Q1"
AS_OF = dt.date(2024, 4, 10)


def _status_of(db: Session, plan_id: int, target_id: int) -> tuple[str, float | None]:
    status = plan_status(db, plan_id=plan_id, period=Q1, as_of=AS_OF)
    found = next(t for i in status.indicators for t in i.targets if t.id == target_id)
    return found.status, found.actual


def test_q1_figures_of_the_conclusion_notice_arrive_as_proposals_to_the_2024_plan(
        db: Session, seed_world: SeedWorld) -> None:
    scan(db)
    plan = seed_world.plans["000"]
    rows = [proposal_dict(db, p) for p in list_proposals(db, actor=seed_world.office, plan_id=plan.id)]
    # Lâm Đồng's 2024 resolution (000), never the other province's (003) nor a district's plan.
    assert {(r["period"], r["doc"], r["line"], r["state"]) for r in rows} == {
        (Q1, f"{SEEDS['004']}.txt", 41, "proposed"), (Q1, f"{SEEDS['004']}.txt", 43, "proposed")}
    assert not list_proposals(db, actor=seed_world.office, plan_id=seed_world.plans["003"].id)
    by_text = {r["text"]: r for r in rows}
    assert by_text["Tăng trưởng kinh tế đạt 3%"]["value"] == 3
    budget = by_text["thu ngân sách nhà nước đạt 29,9% dự toán địa phương"]
    # 29,9% of the plan's 14.150 tỷ đồng, the conversion kept to be shown.
    assert budget["value"] == pytest.approx(4230.85) and budget["unit"] == "tỷ đồng"
    proposal = db.get(Proposal, budget["id"])
    assert proposal is not None and proposal.conversion == "29,9% × 14.150 tỷ đồng = 4.230,85 tỷ đồng"
    assert scan(db) == []  # idempotent
    # Nothing is approved on its own.
    assert db.scalars(select(Update).where(Update.plan_id == plan.id)).first() is None


def test_accepting_a_proposal_approves_the_figure_changes_the_status_and_report_and_undo_takes_it_back(
        db: Session, seed_world: SeedWorld) -> None:
    scan(db)
    plan = seed_world.plans["000"]
    growth = next(p for p in list_proposals(db, actor=seed_world.office, plan_id=plan.id)
                  if p.text == "Tăng trưởng kinh tế đạt 3%")
    assert _status_of(db, plan.id, growth.target_id) == ("chua_co_so_lieu", None)
    before = build_report_data(db, plan_id=plan.id, period=Q1, as_of=AS_OF).summary_sentence
    accept(db, proposal_id=growth.id, actor=seed_world.office)
    update = db.get(Update, growth.update_id)
    assert update is not None and update.state == "approved" and update.unit_id == seed_world.office_unit.id
    assert update.note is not None and f"{SEEDS['004']}.txt, dòng 41" in update.note
    status, actual = _status_of(db, plan.id, growth.target_id)
    assert actual == 3 and status != "chua_co_so_lieu"
    assert build_report_data(db, plan_id=plan.id, period=Q1, as_of=AS_OF).summary_sentence != before
    with pytest.raises(ConflictError):
        accept(db, proposal_id=growth.id, actor=seed_world.office)
    undo(db, proposal_id=growth.id, actor=seed_world.office)
    assert growth.state == "proposed" and db.get(Update, update.id) is None
    assert _status_of(db, plan.id, growth.target_id) == ("chua_co_so_lieu", None)
    actions = [e.action for e in db.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "proposal", AuditEvent.object_id == growth.id).order_by(AuditEvent.id))]
    assert actions == ["proposal.create", "proposal.accept", "proposal.undo"]


def test_office_edits_the_figure_on_acceptance_or_dismisses_it(db: Session, seed_world: SeedWorld) -> None:
    scan(db)
    plan = seed_world.plans["000"]
    found = {p.text: p for p in list_proposals(db, actor=seed_world.office, plan_id=plan.id)}
    growth = found["Tăng trưởng kinh tế đạt 3%"]
    budget = found["thu ngân sách nhà nước đạt 29,9% dự toán địa phương"]
    accept(db, proposal_id=budget.id, actor=seed_world.office, value=300)
    update = db.get(Update, budget.update_id)
    assert update is not None and update.value == 300 and "sửa số liệu" in (update.note or "")
    dismiss(db, proposal_id=growth.id, actor=seed_world.office)
    assert growth.state == "dismissed" and growth.update_id is None
    assert {p.state for p in list_proposals(db, actor=seed_world.office, plan_id=plan.id)} == {
        "accepted", "dismissed", "proposed"}
