"""Nghi sai số liệu, the rules: who may flag a figure, one open flag per figure, the office settles it,
and a unit reads only its own unit's flags (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, InputError, PermissionDenied
from nghiquyet.tracking.flags import flag_figure, open_flags, resolve_flag
from nghiquyet.tracking.service import assign, create_update
from tests.factories import make_plan
from tests.services.conftest import Org

REASON = "Lệch với số liệu của Cục Thống kê công bố tháng 12"


def _figure(db: Session, org: Org, office: User) -> int:
    plan = make_plan(db)
    target = plan.indicators[0].targets[0]
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    return create_update(db, actor=org.finance_user, period="2024", target_id=target.id, value=120).id


def test_the_reporter_and_the_office_flag_and_only_the_office_settles(db: Session, org: Org,
                                                                      office: User) -> None:
    update_id = _figure(db, org, office)
    with pytest.raises(PermissionDenied, match="Chỉ Văn phòng hoặc cán bộ của đơn vị"):
        flag_figure(db, update_id=update_id, reason=REASON, actor=org.health_user)
    with pytest.raises(InputError, match="ít nhất 10 ký tự"):
        flag_figure(db, update_id=update_id, reason="  sai  ", actor=org.finance_user)
    flag = flag_figure(db, update_id=update_id, reason=f"  {REASON}\n", actor=org.finance_user)
    assert flag.reason == REASON and flag.resolved_at is None
    with pytest.raises(ConflictError, match="đang chờ xử lý"):
        flag_figure(db, update_id=update_id, reason=REASON, actor=office)
    assert [f.id for f in open_flags(db, actor=office)] == [flag.id]
    assert [f.id for f in open_flags(db, actor=org.finance_user)] == [flag.id]
    assert open_flags(db, actor=org.health_user) == []  # another unit's figure
    with pytest.raises(PermissionDenied):
        resolve_flag(db, flag_id=flag.id, actor=org.finance_user)
    resolve_flag(db, flag_id=flag.id, actor=office)
    assert open_flags(db, actor=office) == []
    again = flag_figure(db, update_id=update_id, reason=REASON, actor=office)  # a new doubt may follow
    assert open_flags(db, actor=office) == [again]
