"""What an item page shows besides its targets: the source sentence, its updates, its audit history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.audit.service import list_events
from nghiquyet.config import Settings
from nghiquyet.documents.service import document_path
from nghiquyet.errors import NghiquyetError, PermissionDenied
from nghiquyet.extract.read import read_document
from nghiquyet.plans.models import Plan
from nghiquyet.tracking.models import Update
from nghiquyet.web.format import vn_number
from nghiquyet.web.pages.periods import label_of

ACTIONS_VI = {
    "update.create": "tạo báo cáo",
    "update.edit": "sửa báo cáo",
    "update.submit": "gửi duyệt",
    "update.approve": "duyệt báo cáo",
    "update.return": "trả lại báo cáo",
    "update.correct": "đính chính",
    "assignment.create": "giao việc",
    "assignment.update": "sửa phân công",
    "assignment.delete": "huỷ phân công",
    "evidence.attach": "đính kèm minh chứng",
    "plan.confirm": "xác nhận kế hoạch",
}
MAX_AUDIT_OBJECTS = 60
SOURCE_LINES_SHOWN = 12


@dataclass
class UpdateRow:
    id: int
    period_label: str
    unit: str
    metric: str
    value: float | None
    progress: float | None
    state: str
    note: str | None
    return_reason: str | None
    at: dt.datetime | None
    evidence: list[Any] = field(default_factory=list)


def update_rows(updates: list[Update], metric_of: dict[int, str] | None = None) -> list[UpdateRow]:
    rows = []
    for u in updates:
        rows.append(
            UpdateRow(
                id=u.id,
                period_label=label_of(u.period),
                unit=u.unit.name,
                metric=(metric_of or {}).get(u.target_id or 0, ""),
                value=u.value,
                progress=u.progress,
                state=u.state,
                note=u.note,
                return_reason=u.return_reason,
                at=u.decided_at or u.submitted_at or u.created_at,
                evidence=list(u.evidence),
            )
        )
    return rows


def source_lines(
    plan: Plan, line: int | None, line_end: int | None, settings: Settings
) -> list[tuple[int, str]]:
    """The numbered lines of the document an item came from (empty when unknown or unreadable)."""
    doc = plan.document
    if doc is None or not line:
        return []
    try:
        lines = read_document(
            document_path(doc, settings), max_bytes=settings.max_upload_mb * 1_048_576
        ).lines
    except NghiquyetError:
        return []
    last = max(line, line_end or line)
    return [
        (n, lines[n - 1])
        for n in range(line, min(last, len(lines)) + 1)
        if 0 < n <= len(lines) and lines[n - 1].strip()
    ]


def shortened(
    lines: list[tuple[int, str]], keep: int = SOURCE_LINES_SHOWN
) -> tuple[list[tuple[int, str]], int]:
    """The first `keep` non-blank source lines and how many more there are (the rest: in the document)."""
    return lines[:keep], max(len(lines) - keep, 0)


@dataclass
class AuditRow:
    at: dt.datetime
    who: str
    what: str


def _detail(action: str, after: dict[str, Any] | None) -> str:
    if not after:
        return ""
    if action == "update.return" and after.get("return_reason"):
        return f": {after['return_reason']}"
    if action.startswith("update.") and after.get("value") is not None:
        return f" (số liệu {vn_number(after['value'])}, kỳ {label_of(str(after.get('period', '')))})"
    if action.startswith("assignment.") and after.get("role"):
        return " (chủ trì)" if after["role"] == "lead" else " (phối hợp)"
    return ""


def audit_rows(session: Session, user: User, objects: list[tuple[str, int]]) -> list[AuditRow] | None:
    """Events about these objects, newest first; None when the user may not read the audit trail."""
    events = []
    try:
        for object_type, object_id in objects[:MAX_AUDIT_OBJECTS]:
            events += list_events(session, actor=user, object_type=object_type, object_id=object_id, limit=50)
    except PermissionDenied:
        return None
    events.sort(key=lambda e: (e.at, e.id), reverse=True)
    names: dict[int, str] = {}
    rows = []
    for e in events:
        who = "Hệ thống"
        if e.actor_id is not None:
            if e.actor_id not in names:
                actor = session.get(User, e.actor_id)
                names[e.actor_id] = (actor.full_name or actor.username) if actor else f"#{e.actor_id}"
            who = names[e.actor_id]
        rows.append(AuditRow(e.at, who, ACTIONS_VI.get(e.action, e.action) + _detail(e.action, e.after)))
    return rows
