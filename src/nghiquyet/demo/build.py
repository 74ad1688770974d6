"""Build the demo database: Lâm Đồng's units, accounts for every role, the five seed documents as plans,
assignments by subject, and a year of updates in every state, through the same services the app uses.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import create_user
from nghiquyet.config import Settings
from nghiquyet.db import transaction
from nghiquyet.demo.appendix import enter_appendix_budget
from nghiquyet.demo.figures import OUTCOMES, Outcome, quarter_value, task_progress, year_value
from nghiquyet.documents.service import import_document
from nghiquyet.explanations.blockers import OFFICE
from nghiquyet.plans.models import Plan
from nghiquyet.plans.schemas import PlanUpdate
from nghiquyet.plans.service import confirm_plan, get_plan, update_plan
from nghiquyet.reminders import followup
from nghiquyet.reminders.service import run as remind
from nghiquyet.reminders.service import set_contact
from nghiquyet.series.service import refresh
from nghiquyet.status import Period, spec_for
from nghiquyet.tracking.approval_levels import approve_below, set_approval_levels
from nghiquyet.tracking.assignments import assign, assign_many
from nghiquyet.tracking.models import Update
from nghiquyet.tracking.rules import Rule, parse_rules, plan_specs
from nghiquyet.tracking.shares import ShareSpec, set_shares
from nghiquyet.tracking.updates import (
    STATE_LABELS_VI,
    approve_update,
    create_update,
    return_update,
    submit_update,
)
from nghiquyet.units.importer import import_units
from nghiquyet.units.models import Unit

SEED = 20240101  # fixed: the demo is the same on every machine and every run
DATA = resources.files("nghiquyet.demo")
# The tracked years of the plans given data: the 2024 resolution (closed, judged as
# vượt/đạt/không đạt) and the 2026 one (in progress as of the demo, so đúng tiến độ/nguy cơ).
PLAN_PERIODS = {
    "003_80d04959fc9a9e21.txt": (2024, ("Q1", "Q2", "Q3", "Q4"), True),
    "002_1a304e063d388c80.txt": (2026, ("Q1", "Q2", "Q3"), False),
}
PROGRAMME = "001_82c499cca2a5873a.txt"  # the 2021–2025 term programme (demo/appendix.py)
OUTCOME_WEIGHTS = (3, 5, 2, 2)  # vượt, đạt, không đạt, nguy cơ
RETURN_REASON = ("Số liệu chưa khớp với số liệu của Thống kê tỉnh; đề nghị rà soát, "
                 "bổ sung căn cứ và gửi lại trước ngày 15/01.")
NOTES = {
    "vuot": "Vượt kế hoạch nhờ triển khai đồng bộ các giải pháp, sự vào cuộc của các địa phương.",
    "dat": "Cơ bản đạt kế hoạch đề ra.",
    "khong_dat": "Chưa đạt do khó khăn về nguồn lực và tiến độ giải ngân.",
    "nguy_co": "Tiến độ chậm so với kế hoạch; đang rà soát, đề xuất giải pháp tháo gỡ.",
}


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    password: str
    role: str
    unit_code: str
    full_name: str
    label: str


@dataclass
class DemoSummary:
    accounts: list[DemoAccount]
    units: int = 0
    documents: int = 0
    plans: list[tuple[int, str]] = field(default_factory=list)
    assignments: int = 0
    updates: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        # "250 đã duyệt, 3 nháp": the state's Vietnamese name, never its code, where people read.
        states = ", ".join(f"{n} {STATE_LABELS_VI.get(s, s)}" for s, n in sorted(self.updates.items()))
        return (f"{self.units} đơn vị, {self.documents} văn bản, {len(self.plans)} kế hoạch, "
                f"{self.assignments} phân công, báo cáo: {states or 'không có'}")


def _rows(name: str) -> list[dict[str, str]]:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def demo_accounts() -> list[DemoAccount]:
    return [DemoAccount(**row) for row in _rows("accounts.csv")]


def assignment_rules() -> list[Rule]:
    return parse_rules(DATA.joinpath("assignments.csv").read_text(encoding="utf-8"), source="assignments.csv")


def seed_files() -> list[tuple[str, bytes]]:
    seeds = DATA.joinpath("seeds")
    return sorted((p.name, p.read_bytes()) for p in seeds.iterdir() if p.name.endswith(".txt"))


DEMO_REMIND_AT = dt.datetime(2025, 1, 27, 2, 0, tzinfo=dt.UTC)  # 09:00 in Vietnam


def build_demo(factory: sessionmaker[Session], settings: Settings) -> DemoSummary:
    """Fill an empty, migrated database; returns what was made (for the CLI to print)."""
    rng = random.Random(SEED)
    accounts = demo_accounts()
    summary = DemoSummary(accounts=accounts)
    with transaction(factory) as session:
        _units_and_accounts(session, accounts, summary)
        office = _user(session, "vanphong")
        users_by_unit = {u.unit_id: u for u in session.query(User).filter(User.role == "unit")}
        lagging: list[tuple[int, int]] = []
        for name, data in seed_files():
            doc = import_document(session, filename=name, data=data, actor=office, settings=settings)
            plan = confirm_plan(session, document_id=doc.id, actor=office)
            summary.documents += 1
            summary.plans.append((plan.id, plan.title))
            if name == PROGRAMME:  # its targets are in an appendix the file lacks: the office enters it
                enter_appendix_budget(session, plan_id=plan.id, actor=office)
            if name in PLAN_PERIODS:
                year, quarters, closed = PLAN_PERIODS[name]
                plan = get_plan(session, plan_id=plan.id)
                leads = _assign(session, plan, office, year, summary)
                lagging += _updates(session, plan, leads, users_by_unit, office, year, quarters, closed, rng,
                                    summary)
        district_plan = _district_plan(session, settings, office, summary)
        _shares(session, office, summary, district_plan)
        refresh(session, actor=office)  # as the office's imports and confirmations do in the app
        _followup(session, _user(session, "lanhdao"), lagging, users_by_unit)
        _contacts(session)
    # Đôn đốc: the demo's year closed on 31/12/2024 and its reports were due on 15/01/2025; the
    # reminders of 27/01/2025 (late, and escalated after ten days) are made in the app, so the bell
    # shows a count. With no SMTP server they wait there: `nghiquyet remind --dry-run` lists the
    # digests it would send.
    remind(factory, now=DEMO_REMIND_AT, channel=None, base_url=settings.base_url)
    return summary


DISTRICT_PLAN = "levels/nq-huyen-duc-trong-2024.txt"
# Who leads which of the district's targets (by its line's first words), and how far each quarter got:
# the communes report, the district approves below, the province's office approves above.
DISTRICT_LEADS = {"Thu ngân sách": "X-HIEPTHANH", "Tỷ lệ hộ nghèo": "X-NINHGIA",
                  "Tỷ lệ dân số tham gia": "X-HIEPTHANH", "Có thêm 2 xã": "H-DUCTRONG"}
DISTRICT_FIGURES = {  # metric's first words → (Q1..Q4 values, the last quarter's state)
    "Thu ngân sách": ((190.0, 410.0, 640.0, 862.5), "approved"),
    "Tỷ lệ hộ nghèo": ((1.6, 1.4, 1.2, 0.9), "approved_below"),
    "Tỷ lệ dân số tham gia": ((93.0, 93.8, 94.4, 94.9), "submitted"),
}


def _district_plan(session: Session, settings: Settings, office: User, summary: DemoSummary) -> Plan:
    """A district's own 2024 resolution, approved at two levels: its communes' figures go through the
    district (UBND huyện Đức Trọng) before the office approves them (issue: every level, one country)."""
    data = DATA.joinpath(DISTRICT_PLAN).read_bytes()
    doc = import_document(session, filename=DISTRICT_PLAN.rsplit("/", 1)[1], data=data, actor=office,
                          settings=settings)
    plan = confirm_plan(session, document_id=doc.id, actor=office)
    set_approval_levels(session, plan_id=plan.id, levels=2, actor=office)
    summary.documents += 1
    summary.plans.append((plan.id, plan.title))
    units = {u.code: u for u in session.query(Unit).filter(Unit.code.in_(set(DISTRICT_LEADS.values())))}
    reporters = {u.unit_id: u for u in session.query(User).filter(User.role == "unit")}
    district = units["H-DUCTRONG"]
    for indicator in get_plan(session, plan_id=plan.id).indicators:
        code = next((c for words, c in DISTRICT_LEADS.items() if indicator.text.startswith(words)), None)
        if code is None:
            continue
        unit = units[code]
        assign(session, item_type="indicator", item_id=indicator.id, unit_id=unit.id, actor=office)
        summary.assignments += 1
        figures = next((f for words, f in DISTRICT_FIGURES.items() if indicator.text.startswith(words)), None)
        if figures is None or not indicator.targets:
            continue
        values, last_state = figures
        for i, value in enumerate(values):
            state = last_state if i == len(values) - 1 else "approved"
            period = f"2024-Q{i + 1}"
            reporter = reporters[unit.id]
            update = create_update(session, actor=reporter, period=period, target_id=indicator.targets[0].id,
                                   value=value, unit_id=unit.id)
            submit_update(session, update_id=update.id, actor=reporter)
            if state in ("approved", "approved_below"):
                approve_below(session, update_id=update.id, actor=reporters[district.id])
            if state == "approved":
                approve_update(session, update_id=update.id, actor=office)
            _date_like_a_report(update, period)
            key = "submitted" if state == "approved_below" else state
            summary.updates[key] = summary.updates.get(key, 0) + 1
    return plan


PROVINCE_PLAN = "003_80d04959fc9a9e21.txt"  # the province's 2024 resolution, which the district carries out
# The province's revenue target (1.010 tỷ đồng, led by Sở Tài chính) broken down: the district must
# collect what its own resolution says, a ward its part; each reports its own figure for the target.
SHARES = {"Thu ngân sách": (("H-DUCTRONG", 850.0, (410.0, 862.5)),
                            ("P-XUANHUONG", 95.0, (41.0, 88.0)))}


def _shares(session: Session, office: User, summary: DemoSummary, district_plan: Plan) -> None:
    """The province's plan broken down to the units below: the district's plan is linked to it (the
    roll-up of the province's plan counts it), and a provincial target is shared out, with figures."""
    province = next(p for p in session.scalars(select(Plan)) if p.document and
                    p.document.filename == PROVINCE_PLAN)
    update_plan(session, plan_id=district_plan.id, changes=PlanUpdate(parent_plan_id=province.id),
                actor=office)
    units = {u.code: u for u in session.query(Unit)}
    reporters = {u.unit_id: u for u in session.query(User).filter(User.role == "unit")}
    for indicator in get_plan(session, plan_id=province.id).indicators:
        given = next((g for words, g in SHARES.items() if indicator.text.startswith(words)), None)
        if given is None or not indicator.targets:
            continue
        target = indicator.targets[0]
        set_shares(session, target_id=target.id, actor=office,
                   shares=[ShareSpec(units[code].id, value) for code, value, _ in given])
        for code, _, (half, year) in given:
            reporter = reporters[units[code].id]
            for period, value in (("2024-H1", half), ("2024", year)):
                _report(session, summary, reporter, office, units[code].id, period, "approved",
                        target_id=target.id, value=value)


def _contacts(session: Session) -> None:
    """Every demo account gets an address of its own (nothing is sent unless NGHIQUYET_SMTP_URL is set)."""
    for user in session.query(User).order_by(User.id):
        set_contact(session, user_id=user.id, email=f"{user.username}@demo.lamdong.gov.vn")


def _units_and_accounts(session: Session, accounts: list[DemoAccount],
                        summary: DemoSummary) -> dict[str, Unit]:
    admin_spec = accounts[0]
    # The first account is made by the console (no actor), then it makes everything else.
    bootstrap = create_user(session, username=admin_spec.username, password=admin_spec.password,
                            role=admin_spec.role, unit_id=None, actor=None, full_name=admin_spec.full_name)
    data = DATA.joinpath("units.csv").read_bytes()
    units = {u.code or "": u for u in import_units(session, data=data, filename="units.csv", actor=bootstrap)}
    summary.units = len(units)
    bootstrap.unit_id = units[admin_spec.unit_code].id
    for spec in accounts[1:]:
        create_user(session, username=spec.username, password=spec.password, role=spec.role,
                    unit_id=units[spec.unit_code].id, actor=bootstrap, full_name=spec.full_name)
    return units


def _user(session: Session, username: str) -> User:
    user = session.query(User).filter(User.username == username).one()
    return user


def _assign(session: Session, plan: Plan, office: User, year: int,
            summary: DemoSummary) -> dict[tuple[str, int], int]:
    """Assign every indicator and task whose subject names a unit; returns the lead unit of each item."""
    specs, leads = plan_specs(session, plan, assignment_rules(), dt.date(year, 12, 31))
    summary.assignments += len(assign_many(session, items=specs, actor=office))
    return leads


def _updates(session: Session, plan: Plan, leads: dict[tuple[str, int], int],
             users_by_unit: dict[int | None, User], office: User, year: int, quarters: tuple[str, ...],
             closed: bool, rng: random.Random, summary: DemoSummary) -> list[tuple[int, int]]:
    """Quarterly (and, for a closed year, yearly) figures in every state, entered by the lead unit.

    Returns the (indicator, lead unit) pairs of a closed year whose figures missed: the ones a
    leader would ask to explain."""
    returned_one = False
    missed: list[tuple[int, int]] = []
    for indicator in plan.indicators:
        unit_id = leads.get(("indicator", indicator.id))
        if unit_id is None:
            continue
        outcome: Outcome = rng.choices(OUTCOMES, weights=OUTCOME_WEIGHTS)[0]
        if closed and outcome == "khong_dat" and any(t.value is not None for t in indicator.targets):
            missed.append((indicator.id, unit_id))
        reporter = users_by_unit.get(unit_id, office)
        for target in indicator.targets:
            if target.value is None:
                continue
            spec = spec_for(comparator=target.comparator, value=target.value, value_max=target.value_max,
                            unit=target.unit, change=target.change, metric=target.metric,
                            direction=target.direction, year=target.year)
            for i, quarter in enumerate(quarters):
                last = i == len(quarters) - 1
                state = "submitted" if last and not closed and rng.random() < 0.4 else "approved"
                _report(session, summary, reporter, office, unit_id, f"{year}-{quarter}", state,
                        target_id=target.id, value=quarter_value(spec, outcome, quarter),
                        note=NOTES[outcome] if last else None)
            if closed:
                # A lagging indicator's year figure is still waiting for the office (approving it in the
                # demo changes the plan's tally); one figure that missed was sent back with a reason.
                state, figure = "approved", outcome
                if outcome == "nguy_co":
                    state, figure = "submitted", "dat"
                elif not returned_one and outcome == "khong_dat":
                    state, returned_one = "returned", True
                _report(session, summary, reporter, office, unit_id, str(year), state, target_id=target.id,
                        value=year_value(spec, figure), note=NOTES[figure])
    for task in plan.tasks:
        unit_id = leads.get(("task", task.id))
        if unit_id is None:
            continue
        outcome = rng.choices(OUTCOMES, weights=OUTCOME_WEIGHTS)[0]
        reporter = users_by_unit.get(unit_id, office)
        # Tasks are reported at six months and at the end of the year (or of the latest quarter).
        task_quarters = [q for q in quarters if q in ("Q2", "Q4") or q == quarters[-1]]
        for i, quarter in enumerate(task_quarters):
            last = i == len(task_quarters) - 1
            state = ("draft" if rng.random() < 0.3 else "submitted") if last and not closed else "approved"
            _report(session, summary, reporter, office, unit_id, f"{year}-{quarter}", state, task_id=task.id,
                    progress=task_progress(outcome, quarter),
                    note=NOTES[outcome] if last else "Đang triển khai theo kế hoạch.")
    return missed


DEMO_FOLLOWUP_AT = dt.datetime(2025, 1, 20, 2, 0, tzinfo=dt.UTC)  # a week before the demo's reminders
EXPLAIN_QUESTION = ("Đề nghị làm rõ nguyên nhân chỉ tiêu không đạt kế hoạch năm 2024 và giải pháp, "
                    "lộ trình khắc phục trong năm 2025.")
EXPLAIN_ANSWER = ("Nguyên nhân chủ yếu do nguồn vốn bố trí chậm, một số dự án vướng giải phóng mặt bằng. "
                  "Năm 2025 đơn vị tập trung tháo gỡ, phấn đấu hoàn thành phần còn thiếu "
                  "trong 6 tháng đầu năm.")
BLOCKERS = (  # (title, detail, closed with this decision or still open)
    ("Chưa được bố trí kinh phí thực hiện",
     "Đến nay chưa có quyết định giao kinh phí năm 2025 cho nhiệm vụ này; đề nghị Văn phòng báo cáo "
     "Thường trực xem xét, bố trí nguồn.", None),
    ("Số liệu của các huyện gửi chậm",
     "Một số huyện gửi số liệu sau hạn 15 ngày, đơn vị chưa tổng hợp kịp.",
     "Văn phòng đã có văn bản đôn đốc các huyện gửi số liệu đúng hạn; từ quý I/2025 áp dụng lịch nhắc việc."),
)


def _followup(session: Session, leader: User, missed: list[tuple[int, int]],
              users_by_unit: dict[int | None, User]) -> None:
    """Giải trình and vướng mắc in the demo: the leader asked the lead units of two targets that missed
    to explain (one answered, one still open), and units raised difficulties to the office (one closed
    with a decision, one open): the panels, the list of open blockers and the bell all have something."""
    missed = [(i, u) for i, u in missed if u in users_by_unit]  # a unit with a reporter to answer
    now = DEMO_FOLLOWUP_AT
    due = now.date() + dt.timedelta(days=21)
    for i, (indicator_id, unit_id) in enumerate(missed[:2]):
        req = followup.ask_to_explain(session, actor=leader, item_type="indicator", item_id=indicator_id,
                                      unit_id=unit_id, question=EXPLAIN_QUESTION, due=due, now=now,
                                      period="2024")
        req.requested_at = now
        if i == 0:
            followup.answer_explanation(session, actor=users_by_unit[unit_id], request_id=req.id,
                                        answer=EXPLAIN_ANSWER, now=now + dt.timedelta(days=3))
    for (indicator_id, unit_id), (title, detail, decision) in zip(missed, BLOCKERS, strict=False):
        blocker = followup.raise_blocker(session, actor=users_by_unit[unit_id], item_type="indicator",
                                         item_id=indicator_id, unit_id=unit_id, to=OFFICE,
                                         title=title, detail=detail, now=now)
        blocker.raised_at = now
        if decision is not None:
            office = followup.office_users(session)[0]
            followup.close_blocker(session, actor=office, blocker_id=blocker.id, decision=decision,
                                   now=now + dt.timedelta(days=2))


def _report(session: Session, summary: DemoSummary, reporter: User, office: User, unit_id: int, period: str,
            state: str, *, target_id: int | None = None, task_id: int | None = None,
            value: float | None = None, progress: float | None = None, note: str | None = None) -> Update:
    """One update taken as far through the workflow as `state` says, by the people who would do it."""
    update = create_update(session, actor=reporter, period=period, target_id=target_id, task_id=task_id,
                           value=value, progress=progress, note=note, unit_id=unit_id)
    if state != "draft":
        submit_update(session, update_id=update.id, actor=reporter)
    if state == "approved":
        approve_update(session, update_id=update.id, actor=office)
    elif state == "returned":
        return_update(session, update_id=update.id, reason=RETURN_REASON, actor=office)
    _date_like_a_report(update, period)
    summary.updates[state] = summary.updates.get(state, 0) + 1
    return update


def _date_like_a_report(update: Update, period: str) -> None:
    """Entered a week after the period closed, sent two days later, decided within the week."""
    end = Period.parse(period).end
    at = dt.datetime(end.year, end.month, end.day, 9, 0, tzinfo=dt.UTC) + dt.timedelta(days=7)
    update.created_at = at
    if update.submitted_at is not None:
        update.submitted_at = at + dt.timedelta(days=2, hours=6)
    if update.decided_at is not None:
        update.decided_at = at + dt.timedelta(days=5, hours=2)


def seeds_dir() -> Path:
    """Where the seed documents are shipped (for tests and for `nghiquyet import`)."""
    return Path(str(DATA.joinpath("seeds")))
