"""Khó khăn, vướng mắc: raised to the office or a parent unit, open until closed with a decision, audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.audit.models import AuditEvent
from nghiquyet.errors import ConflictError, InputError, PermissionDenied
from nghiquyet.explanations.blockers import list_blockers
from nghiquyet.reminders import followup
from nghiquyet.reminders.models import Notification
from nghiquyet.tracking.assignments import assign
from tests.factories import make_plan, make_unit, make_user

NOW = dt.datetime(2024, 5, 2, 3, 0, tzinfo=dt.UTC)


def _kinds(s: Session, user_id: int) -> list[str]:
    return list(s.scalars(select(Notification.kind).where(Notification.user_id == user_id)))


def test_a_commune_raises_to_its_district_and_to_the_office_until_each_is_closed(db: Session) -> None:
    district = make_unit(db, name="Huyện ủy Đức Trọng", kind="dang_uy")
    commune = make_unit(db, name="Đảng ủy xã Hiệp An", kind="dang_uy", parent=district)
    other = make_unit(db, name="Huyện ủy Lâm Hà", kind="dang_uy")
    office = make_user(db, role="office", username="vp")
    d_user = make_user(db, role="unit", unit=district, username="ductrong")
    c_user = make_user(db, role="unit", unit=commune, username="hiepan")
    o_user = make_user(db, role="unit", unit=other, username="lamha")
    plan = make_plan(db, tasks=[{"text": "Giải phóng mặt bằng tuyến đường"}])
    task = plan.tasks[0]
    assign(db, item_type="task", item_id=task.id, unit_id=commune.id, actor=office)

    with pytest.raises(InputError, match="cấp trên"):
        followup.raise_blocker(
            db,
            actor=c_user,
            item_type="task",
            item_id=task.id,
            unit_id=commune.id,
            to=str(other.id),
            title="Thiếu kinh phí",
            detail="",
            now=NOW,
        )
    with pytest.raises(PermissionDenied):  # a unit raises only for itself
        followup.raise_blocker(
            db,
            actor=o_user,
            item_type="task",
            item_id=task.id,
            unit_id=commune.id,
            to="office",
            title="x",
            detail="",
            now=NOW,
        )
    up = followup.raise_blocker(
        db,
        actor=c_user,
        item_type="task",
        item_id=task.id,
        unit_id=commune.id,
        to=str(district.id),
        title="Người dân chưa đồng thuận giá bồi thường",
        detail="12 hộ chưa nhận tiền",
        now=NOW,
    )
    to_office = followup.raise_blocker(
        db,
        actor=c_user,
        item_type="task",
        item_id=task.id,
        unit_id=commune.id,
        to="office",
        title="Thiếu kinh phí",
        detail="",
        now=NOW,
    )
    assert _kinds(db, d_user.id) == ["blocker"] and _kinds(db, office.id) == ["blocker"]

    # The office sees every open blocker by item and unit; the district sees what is addressed to it.
    assert {b.id for b in list_blockers(db, actor=office, unit_id=commune.id)} == {up.id, to_office.id}
    assert {b.id for b in list_blockers(db, actor=office, item_type="task", item_id=task.id)} == {
        up.id,
        to_office.id,
    }
    assert {b.id for b in list_blockers(db, actor=d_user)} == {up.id, to_office.id}  # its subtree's
    assert list_blockers(db, actor=o_user) == []

    with pytest.raises(PermissionDenied, match="Văn phòng"):
        followup.close_blocker(db, actor=d_user, blocker_id=to_office.id, decision="Đã cấp", now=NOW)
    with pytest.raises(InputError):
        followup.close_blocker(db, actor=d_user, blocker_id=up.id, decision="  ", now=NOW)
    followup.close_blocker(
        db, actor=d_user, blocker_id=up.id, decision="Huyện tổ chức đối thoại 10/5", now=NOW
    )
    with pytest.raises(ConflictError):
        followup.close_blocker(db, actor=office, blocker_id=up.id, decision="Lần hai", now=NOW)
    followup.close_blocker(db, actor=office, blocker_id=to_office.id, decision="Bổ sung 2 tỷ đồng", now=NOW)
    assert list_blockers(db, actor=office) == []
    closed = list_blockers(db, actor=office, state="closed")
    assert {b.decision for b in closed} == {"Huyện tổ chức đối thoại 10/5", "Bổ sung 2 tỷ đồng"}
    assert sorted(_kinds(db, c_user.id)) == ["blocker_closed", "blocker_closed"]
    actions = sorted(db.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "blocker")))
    assert actions == ["blocker.close", "blocker.close", "blocker.raise", "blocker.raise"]


def test_a_unit_not_holding_the_item_cannot_raise_on_it(db: Session) -> None:
    unit = make_unit(db)
    user = make_user(db, role="unit", unit=unit)
    plan = make_plan(db, tasks=[{"text": "Việc chưa giao"}])
    with pytest.raises(InputError, match="chưa được giao"):
        followup.raise_blocker(
            db,
            actor=user,
            item_type="task",
            item_id=plan.tasks[0].id,
            unit_id=unit.id,
            to="office",
            title="x",
            detail="",
            now=NOW,
        )
