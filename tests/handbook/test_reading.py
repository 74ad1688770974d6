"""The handbook's reading view: the documents that concern a person, the text with its items marked."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from nghiquyet.config import Settings
from nghiquyet.handbook.service import documents_for, reading
from nghiquyet.tracking.assignments import assign
from tests.factories import corpus_available, make_plan, make_plan_from_seed, make_unit, make_user

TODAY = dt.date(2026, 3, 1)


@pytest.mark.skipif(not corpus_available(), reason="seed gold missing (tests/golden/seeds)")
def test_a_unit_reads_its_document_with_targets_tasks_and_its_own_items_marked(
    db: Session, settings: Settings
) -> None:
    office = make_user(db, role="office")
    unit = make_unit(db, name="Sở Tài chính")
    other = make_unit(db, name="Sở Y tế")
    reporter = make_user(db, role="unit", unit=unit)
    outsider = make_user(db, role="unit", unit=other)
    plan = make_plan_from_seed(db, actor=office, settings=settings, seed="002")
    make_plan(db, title="Kế hoạch không có văn bản")  # no document: not in a handbook
    task = next(t for t in plan.tasks if t.line)
    indicator = next(i for i in plan.indicators if i.line)
    assign(db, item_type="task", item_id=task.id, unit_id=unit.id, actor=office)
    assign(db, item_type="indicator", item_id=indicator.id, unit_id=unit.id, actor=office, role="support")

    (card,) = documents_for(db, reporter, today=TODAY)
    assert card.plan_id == plan.id and card.led == 1
    assert documents_for(db, outsider, today=TODAY) == []
    assert [c.plan_id for c in documents_for(db, office, today=TODAY)] == [plan.id]

    view = reading(db, reporter, plan_id=plan.id, settings=settings, today=TODAY)
    assert not view.from_items
    by_line = {line.n: line for line in view.lines}
    assert by_line[task.line].kind == "task" and by_line[task.line].mine
    assert by_line[task.line].tag.startswith("Nhiệm vụ")
    assert by_line[indicator.line].kind == "target" and by_line[indicator.line].mine
    marked = {line.kind for line in view.lines}
    assert {"", "target", "task"} <= marked  # plain text, targets and tasks all shown
    assert sum(1 for line in view.lines if line.mine) < sum(1 for line in view.lines if line.kind)
    lead, support = view.mine
    assert (lead.item_id, lead.role, support.item_id, support.role) == (
        task.id,
        "lead",
        indicator.id,
        "support",
    )
    assert lead.due is not None  # the reporting calendar's next due date for the unit's report

    office_view = reading(db, office, plan_id=plan.id, settings=settings, today=TODAY)
    assert office_view.mine == [] and len(office_view.lines) == len(view.lines)


def test_without_its_file_the_items_own_text_is_shown(db: Session, settings: Settings) -> None:
    office = make_user(db, role="office")
    plan = make_plan(db, tasks=[{"text": "Xây dựng đề án chuyển đổi số"}])
    view = reading(db, office, plan_id=plan.id, settings=settings, today=TODAY)
    assert view.from_items
    assert "Xây dựng đề án chuyển đổi số" in [line.text for line in view.lines]
    assert {line.kind for line in view.lines} == {"target", "task"}
