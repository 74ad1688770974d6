"""API shapes for the reminder settings, the rules and the notifications."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class RuleIO(BaseModel):
    kind: str = Field(description="before, on_day, after, escalate, returned")
    days: int = 0
    channels: list[str] = Field(default_factory=lambda: ["inapp", "email"])
    active: bool = True


class ReminderSettingsIO(BaseModel):
    due_day: int = Field(15, description="ngày hạn báo cáo của tháng sau kỳ (1-28)")
    quiet_start: int = 22
    quiet_end: int = 6
    rules: list[RuleIO]


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    title: str
    body: str
    link: str
    due: dt.date | None
    created_at: dt.datetime
    read_at: dt.datetime | None
