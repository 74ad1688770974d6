"""The report reads the period's approved figures once and builds its status table, its tasks and its
appendix from that one read (issue 15 point 6): each must still say what the figures say when every
update is read again and the rules are applied by hand — a share's figure never stands for its target,
the newest approved correction wins, a sub-period stands for the year when the year has no figure,
drafts and returned figures are nowhere."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.plans.models import Target, Task
from nghiquyet.reports.build import build_report_data
from nghiquyet.status import Period, judge
from nghiquyet.tracking.models import TargetShare, Update
from nghiquyet.tracking.shares import ShareSpec, set_shares
from nghiquyet.tracking.status import target_spec
from nghiquyet.tracking.updates import (
    approve_update,
    correct_update,
    create_update,
    return_update,
    submit_update,
)
from nghiquyet.units.models import Unit
from tests.reports.conftest import ReportPlan, _approve

YEAR = Period.parse("2024")
ON = dt.date(2025, 1, 10)


def _more_figures(db: Session, rp: ReportPlan) -> None:
    """Figures that make the one read choose: shares, corrections, sub-periods, drafts, returns."""
    office, (finance, _, tourism, organisation) = rp.office, rp.units
    revenue, unemployment, poverty, tourists, members = rp.target_ids
    set_shares(db, target_id=revenue, actor=office, shares=[ShareSpec(tourism.id, 500.0)])
    # The share's figure is larger and newer than the lead's: it still must not stand for the target.
    _approve(db, office, period="2024", target_id=revenue, value=99999.0, unit_id=tourism.id)
    first = db.scalars(select(Update).where(Update.target_id == unemployment, Update.period == "2024")).one()
    fix = correct_update(db, update_id=first.id, actor=office, value=1.1, note="Số đã sửa")
    submit_update(db, update_id=fix.id, actor=office)
    approve_update(db, update_id=fix.id, actor=office)
    _approve(db, office, period="2024-Q3", target_id=tourists, value=7000.0)  # only sub-periods
    _approve(db, office, period="2024-10", target_id=tourists, value=8100.0, unit_id=organisation.id)
    _approve(db, office, period="2023", target_id=members, value=1.0)  # outside the period
    draft = create_update(db, actor=office, target_id=poverty, period="2024", value=9.0, unit_id=finance.id)
    returned = create_update(db, actor=office, target_id=members, period="2024", value=7.0,
                             unit_id=finance.id)
    submit_update(db, update_id=returned.id, actor=office)
    return_update(db, update_id=returned.id, actor=office, reason="Sai đơn vị tính")  # returned: not approved
    assert draft.state != "approved"
    _approve(db, office, period="2024-Q2", task_id=rp.task_ids[1], progress=40.0, note="Quý II")
    _approve(db, office, period="2024-Q4", task_id=rp.task_ids[1], progress=90.0, note="Quý IV")
    db.flush()


def _inside(code: str) -> bool:
    return YEAR.contains(Period.parse(code))


def test_status_tasks_and_appendix_agree_with_the_figures_read_again(db: Session,
                                                                      report_plan: ReportPlan) -> None:
    _more_figures(db, report_plan)
    plan_id = report_plan.plan.id
    data = build_report_data(db, plan_id=plan_id, period="2024", as_of=ON)

    names = dict(db.execute(select(Unit.id, Unit.name)).all())
    targets = {t.id: t for t in db.scalars(select(Target).where(Target.plan_id == plan_id))}
    tasks = {t.id: t for t in db.scalars(select(Task).where(Task.plan_id == plan_id))}
    shares = {(t, u) for t, u in db.execute(select(TargetShare.target_id, TargetShare.unit_id))}
    figures = [u for u in db.scalars(select(Update).where(Update.plan_id == plan_id))
               if u.state == "approved" and _inside(u.period)]

    # The status table: the standing figure of each target, judged by the rules.
    for row in data.rows:
        assert row.target_id is not None
        target = targets[row.target_id]
        own = [u for u in figures if u.target_id == target.id and (target.id, u.unit_id) not in shares]
        best = max(own, default=None, key=lambda u: (u.period == "2024", Period.parse(u.period).end,
                                                     u.decided_at, u.version, u.id))
        used = Period.parse(best.period) if best is not None else YEAR
        expected = judge(target_spec(target), best.value if best is not None else None, period=used,
                         plan_end=dt.date(2024, 12, 31), as_of=ON)
        assert (row.actual, row.status, row.note) == (
            best.value if best is not None else None, expected.status, (best.note or "") if best else "")
    by_metric = {r.metric: r for r in data.rows}
    assert by_metric["Thu ngân sách nhà nước"].actual == 14500.0
    assert by_metric["Tỷ lệ thất nghiệp khu vực thành thị"].actual == 1.1
    assert by_metric["Khách du lịch"].actual == 8100.0

    # The tasks: the latest-ending approved progress inside the year.
    assert [(t.progress, t.note) for t in data.tasks] == [(80.0, "Còn 2 dự án chậm"), (90.0, "Quý IV")]

    # The appendix: every approved figure inside the year, and nothing else.
    def item(u: Update) -> str:
        if u.target_id is not None:
            return targets[u.target_id].metric
        task = tasks[u.task_id or 0]
        return task.title or task.text

    expected_rows = sorted(
        ((names[u.unit_id], item(u), u.period, u.value, u.progress, u.note or "", u.state,
          u.decided_at.date() if u.decided_at else None) for u in figures),
        key=lambda r: (r[0], r[1], r[2]))
    got = [(r.unit, r.item, r.period, r.value, r.progress, r.note, r.state, r.decided_at)
           for r in data.updates]
    assert sorted(got, key=repr) == sorted(expected_rows, key=repr)
    assert [r[:3] for r in got] == [r[:3] for r in expected_rows]
    assert 99999.0 in [r.value for r in data.updates]  # the share's figure is in the appendix
    assert not {9.0, 7.0} & {r.value for r in data.updates}  # the draft and the returned figure are not
