"""Draft → submitted → approved (locked) or returned (with a reason); corrections are new versions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.errors import ConflictError, InputError
from nghiquyet.tracking.service import (
    approve_update,
    assign,
    correct_update,
    create_update,
    edit_update,
    list_updates,
    return_update,
    submit_update,
)
from tests.factories import make_plan
from tests.services.conftest import Org
from tests.services.helpers import first_target


def _setup(db: Session, office: User, org: Org) -> tuple[int, int]:
    plan = make_plan(db, tasks=[{"text": "Xây dựng đề án", "label": "1"}])
    assign(db, item_type="indicator", item_id=plan.indicators[0].id, unit_id=org.finance.id, actor=office)
    assign(db, item_type="task", item_id=plan.tasks[0].id, unit_id=org.finance.id, actor=office)
    return first_target(plan).id, plan.tasks[0].id


def test_submit_and_approve_locks_the_figure(db: Session, office: User, org: Org) -> None:
    target_id, _ = _setup(db, office, org)
    u = create_update(
        db, actor=org.finance_user, target_id=target_id, period="2024-q1", value=30.0, note="Quý I"
    )
    assert (u.state, u.version, u.period, u.unit_id) == ("draft", 1, "2024-Q1", org.finance.id)
    edit_update(db, update_id=u.id, actor=org.finance_user, value=31.5, note="Quý I, đã rà soát")
    submit_update(db, update_id=u.id, actor=org.finance_user)
    assert u.state == "submitted" and u.submitted_by == org.finance_user.id and u.submitted_at
    with pytest.raises(ConflictError):
        edit_update(db, update_id=u.id, actor=org.finance_user, value=1.0)
    approve_update(db, update_id=u.id, actor=office)
    assert u.state == "approved" and u.decided_by == office.id and u.value == 31.5
    actions: list[Callable[[], object]] = [
        lambda: edit_update(db, update_id=u.id, actor=org.finance_user, value=1.0),
        lambda: submit_update(db, update_id=u.id, actor=org.finance_user),
        lambda: approve_update(db, update_id=u.id, actor=office),
        lambda: return_update(db, update_id=u.id, reason="sai", actor=office),
        lambda: create_update(db, actor=org.finance_user, target_id=target_id, period="2024-Q1", value=2.0),
    ]
    for action in actions:
        with pytest.raises(ConflictError):
            action()
    assert u.value == 31.5


def test_return_needs_a_reason_and_the_unit_resubmits(db: Session, office: User, org: Org) -> None:
    _, task_id = _setup(db, office, org)
    u = create_update(
        db, actor=org.finance_user, task_id=task_id, period="2024-06", progress=40, note="Đang làm"
    )
    submit_update(db, update_id=u.id, actor=org.finance_user)
    with pytest.raises(InputError):
        return_update(db, update_id=u.id, reason="  ", actor=office)
    return_update(db, update_id=u.id, reason="Thiếu minh chứng", actor=office)
    assert u.state == "returned" and u.return_reason == "Thiếu minh chứng"
    edit_update(db, update_id=u.id, actor=org.finance_user, progress=45, note="Bổ sung minh chứng")
    submit_update(db, update_id=u.id, actor=org.finance_user)
    approve_update(db, update_id=u.id, actor=office)
    assert u.state == "approved" and u.return_reason is None and u.progress == 45


def test_correction_is_a_new_version_and_history_is_kept(db: Session, office: User, org: Org) -> None:
    target_id, _ = _setup(db, office, org)
    v1 = create_update(db, actor=org.finance_user, target_id=target_id, period="2024", value=90.0)
    submit_update(db, update_id=v1.id, actor=org.finance_user)
    approve_update(db, update_id=v1.id, actor=office)
    v2 = correct_update(db, update_id=v1.id, actor=org.finance_user, value=95.0, note="Số liệu chính thức")
    assert (v2.version, v2.supersedes_id, v2.state, v2.value) == (2, v1.id, "draft", 95.0)
    with pytest.raises(ConflictError):
        correct_update(db, update_id=v1.id, actor=org.finance_user, value=96.0)  # one open correction
    with pytest.raises(ConflictError):
        correct_update(db, update_id=v2.id, actor=org.finance_user, value=96.0)  # only approved data
    submit_update(db, update_id=v2.id, actor=org.finance_user)
    approve_update(db, update_id=v2.id, actor=office)
    assert v1.state == "approved" and v1.value == 90.0  # the old row is history, unchanged
    history = list_updates(db, actor=office, target_id=target_id, period="2024")
    assert sorted((u.version, u.value) for u in history) == [(1, 90.0), (2, 95.0)]


def test_values_are_checked(db: Session, office: User, org: Org) -> None:
    target_id, task_id = _setup(db, office, org)
    with pytest.raises(InputError):
        create_update(db, actor=org.finance_user, target_id=target_id, period="quý 1", value=1.0)
    with pytest.raises(InputError):
        create_update(db, actor=org.finance_user, task_id=task_id, period="2024", progress=120)
    with pytest.raises(InputError):
        create_update(db, actor=org.finance_user, period="2024", value=1.0)
    empty = create_update(db, actor=org.finance_user, target_id=target_id, period="2024-H1")
    with pytest.raises(InputError, match="số liệu"):
        submit_update(db, update_id=empty.id, actor=org.finance_user)
    with pytest.raises(ConflictError):
        create_update(db, actor=org.finance_user, target_id=target_id, period="2024-H1", value=3.0)


def test_office_reports_for_the_lead_unit_when_none_is_named(db: Session, office: User, org: Org) -> None:
    target_id, _ = _setup(db, office, org)
    u = create_update(db, actor=office, target_id=target_id, period="2024-Q2", value=10.0)
    assert u.unit_id == org.finance.id
