"""Editing a plan: add, change, remove indicators, targets and tasks (office only, audited)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.audit.service import list_events
from nghiquyet.errors import ConflictError, InputError, PermissionDenied
from nghiquyet.plans.items import (
    add_indicator,
    add_target,
    add_task,
    remove_indicator,
    remove_target,
    remove_task,
    update_target,
    update_task,
)
from nghiquyet.plans.schemas import IndicatorCreate, TargetCreate, TargetUpdate, TaskCreate, TaskUpdate
from nghiquyet.plans.service import get_plan
from nghiquyet.tracking.service import create_update
from tests.factories import make_plan
from tests.services.conftest import Org


def test_add_change_remove(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    indicator = add_indicator(
        db,
        plan_id=plan.id,
        actor=office,
        data=IndicatorCreate(
            label="(3)",
            group="xay_dung_dang",
            text="Kết nạp từ 120 đảng viên trở lên",
            targets=[TargetCreate(metric="Kết nạp đảng viên", comparator="gte", value=120, unit="đảng viên")],
        ),
    )
    assert indicator.position == 2 and indicator.targets[0].plan_id == plan.id
    target = add_target(
        db,
        indicator_id=indicator.id,
        actor=office,
        data=TargetCreate(metric="Tỷ lệ tổ chức đảng hoàn thành tốt", comparator="gt", value=90, unit="%"),
    )
    assert target.position == 1
    update_target(db, target_id=target.id, changes=TargetUpdate(value=92.0), actor=office)
    assert target.value == 92.0 and target.comparator == "gt"
    with pytest.raises(InputError):
        update_target(db, target_id=target.id, changes=TargetUpdate(comparator="range"), actor=office)
    task = add_task(db, plan_id=plan.id, data=TaskCreate(label="1", text="Sơ kết 6 tháng"), actor=office)
    update_task(db, task_id=task.id, changes=TaskUpdate(title="Sơ kết"), actor=office)
    remove_target(db, target_id=target.id, actor=office)
    remove_task(db, task_id=task.id, actor=office)
    db.expire_all()
    fresh = get_plan(db, plan_id=plan.id)
    assert len(fresh.indicators) == 3 and len(fresh.indicators[2].targets) == 1 and fresh.tasks == []
    actions = {e.action for e in list_events(db, actor=org.admin)}
    assert {
        "indicator.create",
        "target.create",
        "target.update",
        "task.create",
        "task.update",
        "target.delete",
        "task.delete",
    } <= actions


def test_items_with_reported_figures_cannot_be_removed(db: Session, office: User, org: Org) -> None:
    plan = make_plan(db)
    indicator = plan.indicators[0]
    create_update(
        db, actor=office, target_id=indicator.targets[0].id, period="2024", value=1.0, unit_id=org.finance.id
    )
    with pytest.raises(ConflictError):
        remove_indicator(db, indicator_id=indicator.id, actor=office)
    with pytest.raises(ConflictError):
        remove_target(db, target_id=indicator.targets[0].id, actor=office)
    remove_indicator(db, indicator_id=plan.indicators[1].id, actor=office)


def test_only_the_office_edits_plans(db: Session, org: Org) -> None:
    plan = make_plan(db)
    with pytest.raises(PermissionDenied):
        add_task(db, plan_id=plan.id, data=TaskCreate(text="x"), actor=org.leader)
