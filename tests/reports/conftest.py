"""A plan with units, assignments and approved updates, built through the services, for report tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.plans.models import Plan
from nghiquyet.tracking.assignments import assign
from nghiquyet.tracking.updates import approve_update, create_update, submit_update
from nghiquyet.units.models import Unit
from tests.factories import make_plan, make_unit, make_user

# (metric, comparator, value, value_max, unit, change, group, approved figure for 2024, unit's note)
TARGETS = [
    ("Thu ngân sách nhà nước", "gte", 14150.0, None, "tỷ đồng", None, "kinh_te_xa_hoi", 14500.0, ""),
    (
        "Tỷ lệ thất nghiệp khu vực thành thị",
        "lt",
        1.2,
        None,
        "%",
        None,
        "kinh_te_xa_hoi",
        1.25,
        "Doanh nghiệp may mặc cắt giảm lao động",
    ),
    ("Tỷ lệ hộ nghèo", "range", 1.0, 1.5, "%", "decrease", "kinh_te_xa_hoi", 1.2, ""),
    ("Khách du lịch", "gte", 9000.0, None, "nghìn lượt", None, "kinh_te_xa_hoi", None, ""),
    ("Kết nạp đảng viên mới", "gte", 2300.0, None, "đảng viên", None, "xay_dung_dang", 2415.0, ""),
]


@dataclass
class ReportPlan:
    plan: Plan
    office: User
    units: list[Unit]
    target_ids: list[int]
    task_ids: list[int]


def _approve(db: Session, office: User, **kwargs: object) -> None:
    update = create_update(db, actor=office, **kwargs)  # type: ignore[arg-type]
    submit_update(db, update_id=update.id, actor=office)
    approve_update(db, update_id=update.id, actor=office)


@pytest.fixture
def report_plan(db: Session) -> ReportPlan:
    office = make_user(db, role="office")
    finance = make_unit(db, name="Sở Tài chính")
    labour = make_unit(db, name="Sở Lao động - Thương binh và Xã hội")
    tourism = make_unit(db, name="Sở Du lịch")
    organisation = make_unit(db, name="Ban Tổ chức Tỉnh ủy", kind="ban")
    leads = [finance, labour, labour, tourism, organisation]
    plan = make_plan(
        db,
        title="Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        targets=[
            {
                "metric": m,
                "comparator": c,
                "value": v,
                "value_max": vm,
                "unit": u,
                "change": ch,
                "group": g,
                "year": 2024,
            }
            for m, c, v, vm, u, ch, g, _, _ in TARGETS
        ],
        tasks=[
            {
                "label": "1",
                "title": "Đẩy nhanh giải ngân vốn đầu tư công",
                "text": "Đẩy nhanh giải ngân",
                "deadline": dt.date(2024, 12, 31),
            },
            {
                "label": "2",
                "title": "Chuyển đổi số trong cơ quan đảng",
                "text": "Chuyển đổi số",
                "deadline": dt.date(2024, 6, 30),
            },
        ],
    )
    plan.issuer, plan.number, plan.doc_type = "Tỉnh ủy Lâm Đồng", "15-NQ/TU", "nghi_quyet"
    db.flush()
    target_ids = [ind.targets[0].id for ind in plan.indicators]
    for ind, unit in zip(plan.indicators, leads, strict=True):
        assign(db, item_type="indicator", item_id=ind.id, unit_id=unit.id, actor=office)
    for task in plan.tasks:
        assign(db, item_type="task", item_id=task.id, unit_id=finance.id, actor=office)
    for tid, row in zip(target_ids, TARGETS, strict=True):
        figure, note = row[7], row[8]
        if figure is not None:
            # A Q2 figure first, then the year's: the year report must use the year's.
            _approve(db, office, period="2024-Q2", target_id=tid, value=round(figure / 2, 2))
            _approve(db, office, period="2024", target_id=tid, value=figure, note=note or None)
    _approve(db, office, period="2024", task_id=plan.tasks[0].id, progress=80.0, note="Còn 2 dự án chậm")
    db.flush()
    return ReportPlan(
        plan, office, [finance, labour, tourism, organisation], target_ids, [t.id for t in plan.tasks]
    )
