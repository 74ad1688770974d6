"""Approval at two levels: the commune's figure is approved below (its parent) before the office."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.audit.models import AuditEvent
from nghiquyet.errors import ConflictError, InputError, PermissionDenied
from nghiquyet.plans.models import Target
from nghiquyet.tracking.approval_levels import approve_below, set_approval_levels, waiting_for
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.rollup import subtree_tally
from nghiquyet.tracking.service import (
    approve_update,
    assign,
    create_update,
    edit_update,
    return_update,
    submit_update,
)
from tests.factories import make_plan
from tests.services.conftest import Org


def _two_level_plan(db: Session, org: Org, office: User) -> tuple[Target, Target]:
    """Revenue led by the cell (its parent, the commune, has a reporter), poverty by finance."""
    plan = make_plan(db, title="Nghị quyết năm 2024")
    set_approval_levels(db, plan_id=plan.id, levels=2, actor=office)
    revenue, poverty = (ind.targets[0] for ind in plan.indicators)
    assign(db, item_type="indicator", item_id=revenue.indicator_id, unit_id=org.cell.id, actor=office)
    assign(db, item_type="indicator", item_id=poverty.indicator_id, unit_id=org.finance.id, actor=office)
    return revenue, poverty


def _sent(db: Session, reporter: User, target: Target, value: float) -> Update:
    update = create_update(db, actor=reporter, target_id=target.id, period="2024", value=value)
    return submit_update(db, update_id=update.id, actor=reporter)


def test_the_lower_level_approves_first_then_the_office(db: Session, org: Org, office: User) -> None:
    revenue, _ = _two_level_plan(db, org, office)
    update = _sent(db, org.cell_user, revenue, 120)
    with pytest.raises(ConflictError, match="đang chờ Đảng ủy xã Lạc Dương duyệt ở cấp dưới"):
        approve_update(db, update_id=update.id, actor=office)
    assert [u.id for u in waiting_for(db, org.commune_user)] == [update.id]
    for stranger in (org.cell_user, org.health_user):
        with pytest.raises(PermissionDenied, match="Chỉ tài khoản của Đảng ủy xã Lạc Dương"):
            approve_below(db, update_id=update.id, actor=stranger)
    approve_below(db, update_id=update.id, actor=org.commune_user)
    assert update.approved_below_by == org.commune_user.id and update.state == "submitted"
    # Approved below is not approved yet: the province's tally still has no figure for it.
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 0
    with pytest.raises(ConflictError, match="đã được duyệt ở cấp dưới"):
        approve_below(db, update_id=update.id, actor=org.commune_user)
    approve_update(db, update_id=update.id, actor=office)
    assert update.state == "approved"
    assert subtree_tally(db, root_unit_id=org.root.id, period="2024").whole.complete == 1
    with pytest.raises(ConflictError):  # locked once approved above
        edit_update(db, update_id=update.id, actor=org.cell_user, value=90)
    actions = db.scalars(select(AuditEvent.action).where(AuditEvent.object_id == update.id,
                                                         AuditEvent.object_type == "update")).all()
    assert "update.approve_below" in actions and "update.approve" in actions


def test_returns_go_back_to_the_unit_and_restart_the_lower_approval(db: Session, org: Org,
                                                                  office: User) -> None:
    revenue, _ = _two_level_plan(db, org, office)
    update = _sent(db, org.cell_user, revenue, 80)
    return_update(db, update_id=update.id, reason="Thiếu số liệu thôn 3", actor=org.commune_user)
    assert update.state == "returned" and update.return_reason == "Thiếu số liệu thôn 3"
    submit_update(db, update_id=update.id, actor=org.cell_user)
    approve_below(db, update_id=update.id, actor=org.commune_user)
    with pytest.raises(ConflictError, match="chỉ Văn phòng trả lại được"):
        return_update(db, update_id=update.id, reason="Xem lại", actor=org.commune_user)
    return_update(db, update_id=update.id, reason="Số liệu chưa khớp với thống kê", actor=office)
    submit_update(db, update_id=update.id, actor=org.cell_user)
    assert update.approved_below_at is None  # sent again: the commune judges it again
    with pytest.raises(ConflictError):
        approve_update(db, update_id=update.id, actor=office)


def test_units_without_a_lower_approver_go_straight_to_the_office(db: Session, org: Org,
                                                                 office: User) -> None:
    _, poverty = _two_level_plan(db, org, office)
    direct = _sent(db, org.finance_user, poverty, 1.5)  # finance's parent (the province) has no reporter
    with pytest.raises(ConflictError, match="không cần duyệt ở cấp dưới"):
        approve_below(db, update_id=direct.id, actor=org.commune_user)
    assert approve_update(db, update_id=direct.id, actor=office).state == "approved"
    # One level (the default) restores the office's direct approval for the cell too.
    one_level = make_plan(db, title="Kế hoạch một cấp duyệt")
    target = one_level.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=target.indicator_id, unit_id=org.cell.id, actor=office)
    cell_figure = _sent(db, org.cell_user, target, 130)
    assert approve_update(db, update_id=cell_figure.id, actor=office).state == "approved"
    with pytest.raises(InputError):
        set_approval_levels(db, plan_id=one_level.id, levels=3, actor=office)
    with pytest.raises(PermissionDenied):
        set_approval_levels(db, plan_id=one_level.id, levels=2, actor=org.commune_user)
