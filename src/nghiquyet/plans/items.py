"""Edit a confirmed plan: add, change or remove indicators, targets and tasks (office only, audited).

An item that already has reported figures cannot be removed: deleting it would silently delete the
units' history with it (ConflictError says so); change it instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import column, exists, func, select, table
from sqlalchemy.orm import Session

from nghiquyet.audit.service import apply_changes, record, snapshot
from nghiquyet.errors import ConflictError, InputError, NotFoundError
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.plans.schemas import (
    IndicatorCreate,
    IndicatorUpdate,
    TargetCreate,
    TargetUpdate,
    TaskCreate,
    TaskUpdate,
)
from nghiquyet.units.permissions import Actor, require_manager

# `tracking` sits above `plans` in the layers contract, so its table is named here, not imported.
_updates = table("updates", column("target_id"), column("task_id"))


def _get(session: Session, model: type[Any], item_id: int, label: str) -> Any:
    obj = session.get(model, item_id)
    if obj is None:
        raise NotFoundError(f"Không tìm thấy {label} #{item_id}")
    return obj


def _next_position(session: Session, column_: Any, where: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column_), -1)).where(where)) or 0) + 1


def _check_target(target: Target) -> None:
    if target.comparator == "range" and target.value is not None and target.value_max is None:
        raise InputError("Chỉ tiêu dạng khoảng cần cả mức thấp và mức cao")
    if target.value is not None and target.value_max is not None and target.value_max < target.value:
        raise InputError("Mức cao của khoảng phải lớn hơn hoặc bằng mức thấp")


def add_indicator(session: Session, *, plan_id: int, data: IndicatorCreate, actor: Actor) -> Indicator:
    require_manager(actor, "sửa kế hoạch")
    plan: Plan = _get(session, Plan, plan_id, "kế hoạch")
    indicator = Indicator(plan_id=plan.id, position=_next_position(session, Indicator.position,
                                                                   Indicator.plan_id == plan.id),
                          **data.model_dump(exclude={"targets"}))
    session.add(indicator)
    for pos, t in enumerate(data.targets):
        target = Target(plan_id=plan.id, position=pos, **t.model_dump())
        _check_target(target)
        indicator.targets.append(target)
    session.flush()
    record(session, actor=actor, action="indicator.create", object_type="indicator", object_id=indicator.id,
           after={**snapshot(indicator), "targets": len(indicator.targets)})
    session.flush()
    return indicator


def update_indicator(session: Session, *, indicator_id: int, changes: IndicatorUpdate,
                     actor: Actor) -> Indicator:
    require_manager(actor, "sửa kế hoạch")
    indicator: Indicator = _get(session, Indicator, indicator_id, "chỉ tiêu")
    apply_changes(session, indicator, changes.model_dump(exclude_unset=True), actor=actor,
                  object_type="indicator")
    return indicator


def remove_indicator(session: Session, *, indicator_id: int, actor: Actor) -> None:
    require_manager(actor, "sửa kế hoạch")
    indicator: Indicator = _get(session, Indicator, indicator_id, "chỉ tiêu")
    target_ids = [t.id for t in indicator.targets]
    if target_ids and session.scalar(select(exists().where(_updates.c.target_id.in_(target_ids)))):
        raise ConflictError("Chỉ tiêu đã có số liệu báo cáo, không thể xóa; hãy sửa nội dung thay vì xóa")
    before = snapshot(indicator)
    session.delete(indicator)
    record(session, actor=actor, action="indicator.delete", object_type="indicator", object_id=indicator_id,
           before=before)
    session.flush()


def add_target(session: Session, *, indicator_id: int, data: TargetCreate, actor: Actor) -> Target:
    require_manager(actor, "sửa kế hoạch")
    indicator: Indicator = _get(session, Indicator, indicator_id, "chỉ tiêu")
    target = Target(indicator_id=indicator.id, plan_id=indicator.plan_id,
                    position=_next_position(session, Target.position, Target.indicator_id == indicator.id),
                    **data.model_dump())
    _check_target(target)
    session.add(target)
    session.flush()
    record(session, actor=actor, action="target.create", object_type="target", object_id=target.id,
           after=snapshot(target))
    session.flush()
    return target


def update_target(session: Session, *, target_id: int, changes: TargetUpdate, actor: Actor) -> Target:
    require_manager(actor, "sửa kế hoạch")
    target: Target = _get(session, Target, target_id, "mức chỉ tiêu")
    apply_changes(session, target, changes.model_dump(exclude_unset=True), actor=actor, object_type="target",
                  check=lambda: _check_target(target))
    return target


def remove_target(session: Session, *, target_id: int, actor: Actor) -> None:
    require_manager(actor, "sửa kế hoạch")
    target: Target = _get(session, Target, target_id, "mức chỉ tiêu")
    if session.scalar(select(exists().where(_updates.c.target_id == target.id))):
        raise ConflictError("Mức chỉ tiêu đã có số liệu báo cáo, không thể xóa")
    before = snapshot(target)
    session.delete(target)
    record(session, actor=actor, action="target.delete", object_type="target", object_id=target_id,
           before=before)
    session.flush()


def add_task(session: Session, *, plan_id: int, data: TaskCreate, actor: Actor) -> Task:
    require_manager(actor, "sửa kế hoạch")
    plan: Plan = _get(session, Plan, plan_id, "kế hoạch")
    task = Task(plan_id=plan.id, position=_next_position(session, Task.position, Task.plan_id == plan.id),
                **data.model_dump())
    session.add(task)
    session.flush()
    record(session, actor=actor, action="task.create", object_type="task", object_id=task.id,
           after=snapshot(task))
    session.flush()
    return task


def update_task(session: Session, *, task_id: int, changes: TaskUpdate, actor: Actor) -> Task:
    require_manager(actor, "sửa kế hoạch")
    task: Task = _get(session, Task, task_id, "nhiệm vụ")
    apply_changes(session, task, changes.model_dump(exclude_unset=True), actor=actor, object_type="task")
    return task


def remove_task(session: Session, *, task_id: int, actor: Actor) -> None:
    require_manager(actor, "sửa kế hoạch")
    task: Task = _get(session, Task, task_id, "nhiệm vụ")
    if session.scalar(select(exists().where(_updates.c.task_id == task.id))):
        raise ConflictError("Nhiệm vụ đã có báo cáo tiến độ, không thể xóa")
    before = snapshot(task)
    session.delete(task)
    record(session, actor=actor, action="task.delete", object_type="task", object_id=task_id, before=before)
    session.flush()
