"""The plan item a request or a blocker is about: found, checked against the unit's assignments, linked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.service import AuditActor, record, snapshot
from nghiquyet.errors import InputError, NotFoundError
from nghiquyet.plans.models import Indicator, Task
from nghiquyet.tracking.models import Assignment

ITEM_WORDS = {"indicator": "chỉ tiêu", "task": "nhiệm vụ"}


@dataclass(frozen=True)
class ItemRef:
    item_type: str
    item_id: int
    plan_id: int
    label: str

    @property
    def link(self) -> str:
        return item_link(self.item_type, self.item_id)

    def columns(self) -> dict[str, int | str | None]:
        """The item columns shared by both tables (item_type, indicator_id, task_id, plan_id)."""
        return {
            "item_type": self.item_type,
            "indicator_id": self.item_id if self.item_type == "indicator" else None,
            "task_id": self.item_id if self.item_type == "task" else None,
            "plan_id": self.plan_id,
        }


def item_link(item_type: str, item_id: int) -> str:
    return f"/chi-tieu/{item_id}" if item_type == "indicator" else f"/nhiem-vu/{item_id}"


def find_item(session: Session, item_type: str, item_id: int) -> ItemRef:
    if item_type not in ITEM_WORDS:
        raise InputError("Loại nội dung chỉ có: indicator (chỉ tiêu) hoặc task (nhiệm vụ)")
    item: Indicator | Task | None = (
        session.get(Indicator, item_id) if item_type == "indicator" else session.get(Task, item_id)
    )
    if item is None:
        raise NotFoundError(f"Không tìm thấy {ITEM_WORDS[item_type]} #{item_id}")
    text = (getattr(item, "title", None) or item.text or "").strip()
    label = (f"{item.label.rstrip('.')}. " if item.label else "") + text
    return ItemRef(item_type, item_id, item.plan_id, label[:160])


def assigned_units(session: Session, ref: ItemRef) -> set[int]:
    column = Assignment.indicator_id if ref.item_type == "indicator" else Assignment.task_id
    return set(session.scalars(select(Assignment.unit_id).where(column == ref.item_id)))


def require_assigned(session: Session, ref: ItemRef, unit_id: int, unit_name: str) -> None:
    """A request or a blocker concerns a unit that holds the item (as lead or support)."""
    if unit_id not in assigned_units(session, ref):
        raise InputError(
            f"{unit_name} chưa được giao {ITEM_WORDS[ref.item_type]} này",
            hint="Hãy giao việc cho đơn vị trước (trang Giao việc)",
        )


def clean_text(value: str, *, what: str, limit: int = 5000) -> str:
    text = (value or "").strip()
    if not text:
        raise InputError(f"Hãy nhập {what}")
    if len(text) > limit:
        raise InputError(f"{what[0].upper()}{what[1:]} dài quá {limit} ký tự: hãy rút gọn")
    return text


def settle(
    session: Session, row: Any, *, actor: AuditActor, action: str, object_type: str, changes: dict[str, Any]
) -> None:
    """Apply the closing step (an answer, a decision) to a request or a blocker and audit before/after."""
    before = snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    session.flush()
    record(
        session,
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=row.id,
        before=before,
        after=snapshot(row),
    )
