"""Pydantic views of series and proposals (the pinned JSON shapes) and the office's requests."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from nghiquyet.tracking.schemas import ApiWarning


class SeriesTargetRead(BaseModel):
    id: int
    indicator_id: int
    metric: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    year: int | None
    change: str | None


class SeriesMemberRead(BaseModel):
    plan_id: int
    doc: str | None = Field(description="Tên tệp văn bản của kế hoạch")
    line: int | None = Field(description="Dòng nguồn của chỉ tiêu trong văn bản")
    year: int | None
    targets: list[SeriesTargetRead]


class SeriesRead(BaseModel):
    id: int
    metric: str
    members: list[SeriesMemberRead]
    confirmed: bool = Field(description="false khi còn liên kết đề xuất chưa được Văn phòng xác nhận")


class SeriesWarningRead(BaseModel):
    rule: str = Field(description="annual_below_path, missing_year hoặc unit_differs")
    message: str
    sources: list[tuple[str, int | None]] = Field(description="(văn bản, dòng) của hai phía")


class ProposalRead(BaseModel):
    id: int
    indicator_id: int
    target_id: int
    period: str
    value: float | None
    unit: str | None
    doc: str
    line: int | None
    text: str = Field(description="Câu nguồn trong văn bản")
    state: str = Field(description="proposed, accepted hoặc dismissed")


class SeriesLink(BaseModel):
    indicator_ids: list[int] = Field(min_length=1)
    series_id: int | None = None


class SeriesDecision(BaseModel):
    indicator_id: int | None = Field(default=None, description="Chỉ một chỉ tiêu; bỏ trống: cả chuỗi")


class ProposalAccept(BaseModel):
    value: float | None = Field(default=None, description="Số liệu đã sửa (bỏ trống: như đề xuất)")
    unit_id: int | None = Field(default=None, description="Đơn vị của số liệu (bỏ trống: đơn vị chủ trì)")


class LeadUnitRead(BaseModel):
    name: str = Field(description="Cơ quan chủ trì như văn bản viết")
    unit_id: int | None = Field(description="Đơn vị trong danh sách đơn vị; null: Văn phòng chọn")
    candidates: list[int] = Field(default_factory=list, description="Các đơn vị có thể là (khi chưa rõ)")
    why: str = ""


class DirectiveRead(BaseModel):
    id: int
    plan_id: int
    doc: str = Field(description="Tệp của thông báo kết luận (như trích dẫn của tìm kiếm và trợ lý)")
    doc_id: int
    source: str = Field(description="Tên ngắn của văn bản để người đọc (số hiệu, hoặc trích yếu)")
    line: int | None
    label: str | None
    text: str
    lead: list[str]
    lead_units: list[LeadUnitRead] = Field(default_factory=list)
    support: list[str]
    deadline: dt.date | None
    deadline_text: str | None
    why: str = Field(description="Vì sao đề xuất vào kế hoạch này")
    state: str = Field(description="proposed, accepted hoặc dismissed")
    task_id: int | None
    warnings: list[ApiWarning] = Field(default_factory=list,
                                       description="Khi chấp nhận: thời hạn đã qua (deadline_past)")


class DirectiveAccept(BaseModel):
    plan_id: int | None = Field(default=None, description="Kế hoạch khác kế hoạch đề xuất")
    lead_unit_ids: list[int] | None = Field(
        default=None, description="Đơn vị chủ trì Văn phòng chọn; bỏ trống: các đơn vị tên chủ trì chỉ tới")


class JudgementRead(BaseModel):
    doc: str
    line: int | None
    text: str
    year: int
    said_done: int | None
    said_total: int | None
    plan_id: int | None
    complete: int | None
    total: int | None
    differs: bool
    message: str
