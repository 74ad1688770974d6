"""Pydantic views and edits of plans and their items (XCreate / XUpdate / XRead)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nghiquyet.fields import Given

Comparator = Literal["eq", "gt", "gte", "lt", "lte", "approx", "range"]


class TargetCreate(BaseModel):
    metric: str = ""
    comparator: Comparator = "eq"
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    change: Literal["increase", "decrease"] | None = None
    baseline: str | None = None
    year: int | None = None
    direction: Literal["up", "down"] | None = None
    text: str = ""


class TargetUpdate(BaseModel):
    """Only the fields given are changed."""

    metric: Given[str] = None
    comparator: Given[Comparator] = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    change: Literal["increase", "decrease"] | None = None
    baseline: str | None = None
    year: int | None = None
    direction: Literal["up", "down"] | None = None
    text: Given[str] = None


class TargetRead(TargetCreate):
    model_config = ConfigDict(from_attributes=True)

    id: int
    indicator_id: int
    plan_id: int
    position: int


class IndicatorCreate(BaseModel):
    label: str | None = None
    group: str = "other"
    section: str | None = None
    text: str = Field(default="", max_length=20_000)
    line: int | None = None
    line_end: int | None = None
    targets: list[TargetCreate] = []


class IndicatorUpdate(BaseModel):
    label: str | None = None
    group: Given[str] = None
    section: str | None = None
    text: Given[str] = None


class IndicatorRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    plan_id: int
    position: int
    label: str | None
    group: str
    section: str | None
    text: str
    line: int | None
    line_end: int | None
    targets: list[TargetRead]


class TaskCreate(BaseModel):
    label: str | None = None
    section: str | None = None
    title: str | None = None
    text: str = ""
    line: int | None = None
    line_end: int | None = None
    domain: str | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None
    lead_names: list[str] = []
    support_names: list[str] = []
    projects: list[str] = []
    references: list[str] = []


class TaskUpdate(BaseModel):
    label: str | None = None
    section: str | None = None
    title: str | None = None
    text: Given[str] = None
    domain: str | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None
    projects: Given[list[str]] = None
    references: Given[list[str]] = None


class TaskRead(TaskCreate):
    model_config = ConfigDict(from_attributes=True)

    id: int
    plan_id: int
    position: int


class PlanSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    document_id: int | None
    title: str
    doc_type: str
    number: str | None
    issuer: str | None
    year_start: int | None
    year_end: int | None
    status: str
    approval_levels: int = Field(default=1, description="Số cấp duyệt: 1 hoặc 2 (cấp dưới rồi Văn phòng)")
    parent_plan_id: int | None = Field(default=None,
                                       description="Kế hoạch cấp trên mà kế hoạch này thực hiện")
    created_at: dt.datetime
    row_version: int = Field(default=1, description="Phiên bản dòng: ETag \"v<row_version>\" (If-Match)")


class PlanRead(PlanSummary):
    indicators: list[IndicatorRead]
    tasks: list[TaskRead]


class PlanUpdate(BaseModel):
    title: Given[str] = None
    issuer: str | None = None
    year_start: int | None = None
    year_end: int | None = None
    status: Given[Literal["active", "closed"]] = None
    parent_plan_id: int | None = Field(default=None, ge=1, le=2_147_483_647,
                                       description="Kế hoạch cấp trên (null: không có)")
