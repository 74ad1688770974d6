"""Consistency warnings across linked plans, the plans' own judgements read back, directives → tasks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.models import AuditEvent
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import citation_name
from nghiquyet.errors import ConflictError
from nghiquyet.plans.items import add_indicator
from nghiquyet.plans.models import Task
from nghiquyet.plans.schemas import IndicatorCreate, TargetCreate
from nghiquyet.series import directives
from nghiquyet.series.judgement import judgement_checks
from nghiquyet.series.links import link_by_hand, list_series, propose_links
from nghiquyet.series.view import series_view
from tests.factories import SEEDS
from tests.series.conftest import SeedWorld


def test_a_unit_that_differs_between_years_is_warned_with_both_source_lines(db: Session,
                                                                           seed_world: SeedWorld) -> None:
    propose_links(db, actor=seed_world.office)
    warnings = [w for s in list_series(db) for w in series_view(db, s).warnings if w.rule == "unit_differs"]
    per_capita = next(w for w in warnings if "triệu đồng/người" in w.message)
    assert per_capita.sources == ((f"{SEEDS['000']}.txt", 181), (f"{SEEDS['002']}.txt", 160))


def test_a_term_target_without_a_target_in_a_tracked_year_is_warned(db: Session,
                                                                    seed_world: SeedWorld) -> None:
    data = IndicatorCreate(
        text="Tỷ lệ che phủ rừng đến năm 2025 (phụ lục)", line=76,
        targets=[TargetCreate(metric="Tỷ lệ che phủ rừng", value=55, unit="%", year=2025)])
    term = add_indicator(db, plan_id=seed_world.plans["001"].id, actor=seed_world.office, data=data)
    annual_2026 = next(i for i in seed_world.plans["002"].indicators if i.line == 186)
    series = link_by_hand(db, indicator_ids=[term.id, annual_2026.id], actor=seed_world.office)
    warnings = series_view(db, series).warnings
    missing = [w for w in warnings if w.rule == "missing_year"]
    assert [w.message for w in missing] == [
        "Chỉ tiêu giai đoạn 2021–2025 không có mục tiêu năm 2024 trong nghị quyết/kế hoạch năm đó"]
    assert missing[0].sources[0] == (f"{SEEDS['001']}.txt", 76)


def test_the_plans_own_judgement_is_compared_with_the_tally(db: Session, seed_world: SeedWorld) -> None:
    checks = judgement_checks(db, as_of=dt.date(2026, 1, 15))
    said = next(c for c in checks if c.line == 28)
    assert (said.doc, said.text) == (f"{SEEDS['002']}.txt", "16/19 chỉ tiêu hoàn thành và vượt kế hoạch")
    # 2025 is tracked only by the term programme (001): its tally is not the document's 16/19.
    assert said.plan_id == seed_world.plans["001"].id and said.year == 2025
    assert (said.said_done, said.said_total) == (16, 19) and said.differs
    assert "Chênh lệch: văn bản 16/19" in said.message
    missed = next(c for c in checks if c.line == 66)  # "03/19 chưa về đích" is 16 completed as well
    assert missed.said_done == 16


def test_directives_of_the_conclusion_notice_become_tasks_of_the_2024_plan_after_confirmation(
        db: Session, seed_world: SeedWorld) -> None:
    tasks_before = len(db.scalars(select(Task)).all())
    made = directives.scan(db)
    assert [p.label for p in made] == ["2.1", "2.2", "2.3", "2.4"]
    assert directives.scan(db) == []
    chosen = {p.plan_id for p in made}
    assert len(chosen) == 1
    plan_id = chosen.pop()
    assert plan_id == seed_world.plans["000"].id  # Lâm Đồng's 2024 resolution, not another province's
    assert "kế hoạch năm 2024" in made[0].why
    assert len(db.scalars(select(Task)).all()) == tasks_before  # nothing is added before the office confirms
    third = made[2]
    assert (third.line, third.deadline, third.lead_names[0]) == (154, dt.date(2024, 4, 30),
                                                                "Ban cán sự đảng Ủy ban nhân tỉnh")
    into = seed_world.plans["000"].id
    directives.accept(db, proposal_id=third.id, actor=seed_world.office, plan_id=into)
    task = db.get(Task, third.task_id)
    assert task is not None and task.plan_id == into and task.deadline == dt.date(2024, 4, 30)
    # The task is read by people: its source is the notice's name, not its file (issue 10 point 4).
    notice = db.scalars(select(Document).where(Document.filename == f"{SEEDS['004']}.txt")).one()
    assert task.lead_names == third.lead_names and task.references == [f"{citation_name(notice)}, dòng 154"]
    assert SEEDS["004"] not in (task.title or "")
    with pytest.raises(ConflictError):
        directives.accept(db, proposal_id=third.id, actor=seed_world.office)
    directives.undo(db, proposal_id=third.id, actor=seed_world.office)
    assert db.get(Task, task.id) is None and third.state == "proposed"
    directives.dismiss(db, proposal_id=made[0].id, actor=seed_world.office)
    actions = [e.action for e in db.scalars(select(AuditEvent).where(AuditEvent.object_type == "directive")
                                            .order_by(AuditEvent.id))]
    assert actions == ["directive.create"] * 4 + ["directive.accept", "directive.undo", "directive.dismiss"]
    created = db.scalars(select(AuditEvent).where(AuditEvent.action == "directive.create")
                         .order_by(AuditEvent.id)).all()
    assert [e.object_id for e in created] == [p.id for p in made]
    assert created[2].actor_id is None and created[2].after["line"] == 154
