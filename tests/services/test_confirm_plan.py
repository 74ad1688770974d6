"""Confirming a document's extraction into a plan: the reviewer's edits win; confirming twice is safe."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.errors import NotFoundError, PermissionDenied
from nghiquyet.plans.models import Plan
from nghiquyet.plans.service import confirm_plan, get_plan, list_plans
from tests.factories import corpus_available, make_document_from_seed, make_plan_from_seed, seed_gold
from tests.services.conftest import Org

pytestmark = pytest.mark.skipif(not corpus_available(), reason="seed gold missing (tests/golden/seeds)")


def test_confirm_uses_the_reviewers_edits(db: Session, office: User, settings: Settings) -> None:
    from nghiquyet.documents.service import save_review

    doc = make_document_from_seed(db, actor=office, settings=settings, seed="002")
    gold = copy.deepcopy(seed_gold("002"))
    gold["indicators"][0]["targets"][0]["value"] = 11.5  # the reviewer corrects a figure
    removed = gold["indicators"].pop()  # and drops an item that is not a target
    gold["metadata"]["title"] = "Nghị quyết về nhiệm vụ năm 2026"
    save_review(db, document_id=doc.id, extraction=gold, actor=office)

    plan = confirm_plan(db, document_id=doc.id, actor=office)
    plan = get_plan(db, plan_id=plan.id)
    assert plan.title == "Nghị quyết về nhiệm vụ năm 2026"
    assert (plan.year_start, plan.year_end) == (2026, 2026)
    assert len(plan.indicators) == len(gold["indicators"])
    assert all(i.text != removed["text"] for i in plan.indicators)
    first = plan.indicators[0].targets[0]
    assert first.value == 11.5 and first.plan_id == plan.id
    assert len(plan.tasks) == len(gold["tasks"])
    assert plan.indicators[0].line == gold["indicators"][0]["line"]  # provenance kept
    # The machine's output is still there, untouched.
    assert doc.extraction.get("indicators") != gold["indicators"] or doc.review is not None


def test_confirm_twice_returns_the_same_plan(db: Session, office: User, settings: Settings) -> None:
    doc = make_document_from_seed(db, actor=office, settings=settings, seed="003")
    first = confirm_plan(db, document_id=doc.id, actor=office)
    second = confirm_plan(db, document_id=doc.id, actor=office)
    assert second.id == first.id
    assert db.scalar(select(func.count()).select_from(Plan)) == 1
    assert [p.id for p in list_plans(db, actor=office)] == [first.id]


def test_only_the_office_confirms(db: Session, org: Org, office: User, settings: Settings) -> None:
    doc = make_document_from_seed(db, actor=office, settings=settings, seed="004")
    for actor in (org.finance_user, org.leader, org.inspector):
        with pytest.raises(PermissionDenied):
            confirm_plan(db, document_id=doc.id, actor=actor)
    with pytest.raises(NotFoundError):
        confirm_plan(db, document_id=doc.id + 999, actor=office)



def test_deadline_phrases_become_dates(db: Session, office: User, settings: Settings) -> None:
    plan = make_plan_from_seed(db, actor=office, settings=settings, seed="002")
    deadlines = {t.deadline_text: t.deadline for t in get_plan(db, plan_id=plan.id).tasks if t.deadline_text}
    assert deadlines == {"trong năm 2026": dt.date(2026, 12, 31)}


def test_an_unreported_plan_can_be_deleted_and_confirmed_again(
    db: Session, office: User, org: Org, settings: Settings
) -> None:
    from nghiquyet.errors import ConflictError
    from nghiquyet.plans.service import delete_plan
    from nghiquyet.tracking.service import create_update

    doc = make_document_from_seed(db, actor=office, settings=settings, seed="002")
    first = confirm_plan(db, document_id=doc.id, actor=office)
    with pytest.raises(PermissionDenied):
        delete_plan(db, plan_id=first.id, actor=org.leader)
    delete_plan(db, plan_id=first.id, actor=office)
    assert db.scalar(select(func.count()).select_from(Plan)) == 0
    second = confirm_plan(db, document_id=doc.id, actor=office)
    assert second is not first  # a new plan (SQLite may hand out the same id again)
    target = get_plan(db, plan_id=second.id).indicators[0].targets[0]
    create_update(db, actor=office, target_id=target.id, period="2026", value=1.0, unit_id=org.finance.id)
    with pytest.raises(ConflictError):
        delete_plan(db, plan_id=second.id, actor=office)
