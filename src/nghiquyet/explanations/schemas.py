"""API shapes for explanation requests and blockers."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ItemType = Literal["indicator", "task"]


class _AboutItem(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    item_type: str
    indicator_id: int | None
    task_id: int | None
    unit_id: int


class ExplanationCreate(BaseModel):
    item_type: ItemType
    item_id: int = Field(ge=1, le=2_147_483_647)
    unit_id: int = Field(
        ge=1, le=2_147_483_647, description="đơn vị được yêu cầu giải trình (phải được giao nội dung này)"
    )
    question: str = Field(min_length=1, max_length=5000)
    due: dt.date = Field(description="hạn giải trình, từ hôm nay trở đi")
    period: str | None = Field(None, description="kỳ báo cáo liên quan, ví dụ 2024-Q1")


class ExplanationAnswer(BaseModel):
    answer: str = Field(min_length=1, max_length=20000)


class ExplanationRead(_AboutItem):
    period: str | None
    question: str
    due: dt.date
    state: str
    requested_by: int | None
    requested_at: dt.datetime
    answer: str | None
    answered_by: int | None
    answered_at: dt.datetime | None


class BlockerCreate(BaseModel):
    item_type: ItemType
    item_id: int = Field(ge=1, le=2_147_483_647)
    unit_id: int = Field(ge=1, le=2_147_483_647, description="đơn vị nêu khó khăn (của chính người gửi)")
    to: str = Field("office", description="'office' (Văn phòng) hoặc id của một đơn vị cấp trên")
    title: str = Field(min_length=1, max_length=255)
    detail: str = Field("", max_length=20000)


class BlockerClose(BaseModel):
    decision: str = Field(min_length=1, max_length=20000)


class BlockerRead(_AboutItem):
    to_unit_id: int | None
    title: str
    detail: str
    state: str
    raised_by: int | None
    raised_at: dt.datetime
    decision: str | None
    closed_by: int | None
    closed_at: dt.datetime | None
