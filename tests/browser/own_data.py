"""Data the page-feedback browser tests build for themselves (see own_site.py): a province office,
one sở with its account, and a plan of this year whose one indicator has four targets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import create_user
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.tracking.service import approve_update, assign, create_update, submit_update
from nghiquyet.units.models import Unit
from nghiquyet.units.service import place

PASSWORD = "matkhau-thu-nghiem"
OFFICE = "vp.thu"
UNIT = "so.thu"
UNIT_NAME = "Sở Kế hoạch thử"
INDICATOR = "Phát triển doanh nghiệp và hợp tác xã"


@dataclass(frozen=True)
class FourTargets:
    """What one row of "Mức chỉ tiêu" must show: its metric, its plan, and the approved figure."""

    metric: str
    value: float
    unit: str
    actual: float | None


# In document order. The figures make their statuses differ, so a list sorted by status
# (lagging first) is not in this order: a table that pairs rows by position shows the mix-up.
FOUR = (
    FourTargets("Số doanh nghiệp thành lập mới", 50, "doanh nghiệp", None),
    FourTargets("Số hợp tác xã thành lập mới", 3, "hợp tác xã", 1),
    FourTargets("Số doanh nghiệp khoa học và công nghệ", 5, "doanh nghiệp", 6),
    FourTargets("Số cụm công nghiệp được đầu tư hạ tầng", 3, "cụm", 3),
)


@dataclass
class Built:
    office: User
    unit: Unit
    unit_user: User
    plan: Plan
    indicator: Indicator


def office_and_unit(session: Session) -> tuple[User, Unit, User]:
    office = create_user(session, username=OFFICE, password=PASSWORD, role="office", unit_id=None,
                         actor=None, full_name="Cán bộ Văn phòng thử")
    unit = Unit(name=UNIT_NAME, code="SKH-THU", kind="so")
    place(session, unit, None)
    session.flush()
    unit_user = create_user(session, username=UNIT, password=PASSWORD, role="unit", unit_id=unit.id,
                            actor=None, full_name="Cán bộ Sở thử")
    return office, unit, unit_user


def plan_with_four_targets(session: Session, *, year: int | None = None,
                           figures: dict[int, float] | None = None, approve: bool = True,
                           people: tuple[User, Unit, User] | None = None, number: str = "01/KH-THU",
                           indicator_text: str = INDICATOR) -> Built:
    """This year's plan; its indicator has the four targets of FOUR, given to the sở, which sends
    the year's figures (`figures`: target position → value; default: FOUR's), approved when `approve`.
    `people` (office, unit, its account) lets several plans share one office and one sở."""
    year = year or dt.date.today().year
    office, unit, unit_user = people or office_and_unit(session)
    plan = Plan(title=f"Kế hoạch {number} năm {year}", number=number, year_start=year,
                year_end=year, status="active")
    session.add(plan)
    indicator = Indicator(position=0, label="1.", group="kinh_te_xa_hoi", text=indicator_text, line=1)
    for pos, t in enumerate(FOUR):
        indicator.targets.append(Target(plan=plan, position=pos, metric=t.metric, comparator="gte",
                                        value=t.value, unit=t.unit, year=year))
    plan.indicators.append(indicator)
    session.flush()
    assign(session, item_type="indicator", item_id=indicator.id, unit_id=unit.id, actor=office)
    if figures is None:
        figures = {n: t.actual for n, t in enumerate(FOUR) if t.actual is not None}
    for n, value in figures.items():
        update = create_update(session, actor=unit_user, period=str(year),
                               target_id=indicator.targets[n].id, value=value)
        submit_update(session, update_id=update.id, actor=unit_user)
        if approve:
            approve_update(session, update_id=update.id, actor=office)
    return Built(office, unit, unit_user, plan, indicator)
