"""Pydantic views and inputs of assignments, updates and evidence."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class AssignmentCreate(BaseModel):
    item_type: Literal["indicator", "task"]
    item_id: int
    unit_id: int
    role: Literal["lead", "support"] = "lead"
    deadline: dt.date | None = None
    note: str | None = None


class ApiWarning(BaseModel):
    """Accepted, but worth a second look: `code` for programs, `message` (Vietnamese) for people."""

    code: str
    message: str


class AssignmentCreated(BaseModel):
    id: int
    warnings: list[ApiWarning] = Field(default_factory=list)


class AssignmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    plan_id: int
    item_type: str
    item_id: int
    indicator_id: int | None
    task_id: int | None
    unit_id: int
    role: str
    deadline: dt.date | None
    note: str | None
    created_at: dt.datetime
    row_version: int = Field(default=1, description="Phiên bản dòng: ETag \"v<row_version>\" (If-Match)")


class UpdateCreate(BaseModel):
    target_id: int | None = None
    task_id: int | None = None
    period: str
    value: float | None = None
    progress: float | None = Field(default=None, ge=0, le=100)
    note: str | None = None
    unit_id: int | None = None


class UpdateEdit(BaseModel):
    value: float | None = None
    progress: float | None = Field(default=None, ge=0, le=100)
    note: str | None = None


class UpdateReturn(BaseModel):
    reason: str = Field(min_length=1)


class EvidenceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    update_id: int
    filename: str
    sha256: str
    size: int
    created_at: dt.datetime


class UpdateRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    plan_id: int
    target_id: int | None
    task_id: int | None
    unit_id: int
    period: str
    value: float | None
    progress: float | None
    note: str | None
    state: str
    version: int
    supersedes_id: int | None
    return_reason: str | None
    created_by: int | None
    created_at: dt.datetime
    submitted_by: int | None
    submitted_at: dt.datetime | None
    decided_by: int | None
    decided_at: dt.datetime | None
    approved_below_by: int | None = None
    approved_below_at: dt.datetime | None = None
    evidence: list[EvidenceRead] = []
    row_version: int = Field(default=1, description="Phiên bản dòng: ETag \"v<row_version>\" (If-Match)")


class ShareWrite(BaseModel):
    """One unit's share of a target: the value it must reach (the high end too, for a range)."""

    unit_id: int = Field(ge=1, le=2_147_483_647)
    value: float = Field(allow_inf_nan=False,
                         description="Mức đơn vị phải đạt (cùng đơn vị tính với chỉ tiêu)")
    value_max: float | None = Field(default=None, allow_inf_nan=False)
    note: str | None = Field(default=None, max_length=2000)


class ShareRead(BaseModel):
    """A share judged for a period, by the target's own rule with the share's value."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    target_id: int
    unit_id: int
    unit_name: str
    value: float
    value_max: float | None
    note: str | None
    actual: float | None = Field(description="Số liệu đã duyệt của đơn vị (ẩn với tài khoản đơn vị khác)")
    actual_period: str | None
    update_id: int | None
    status: str
    rule: str
    explanation_vi: str
    expected: float | None
    ratio: float | None
