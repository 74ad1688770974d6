"""Cấp duyệt in the browser: the office sets a plan to two levels and the commune's figure then waits
for its district in the approval queue; set back to one level, the office approves it directly."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from nghiquyet.accounts.service import create_user
from nghiquyet.plans.models import Indicator, Plan, Target
from nghiquyet.tracking.service import assign, create_update, submit_update
from nghiquyet.units.models import Unit
from nghiquyet.units.service import place
from tests.browser.helpers import login, shoot
from tests.browser.own_data import OFFICE, PASSWORD, office_and_unit
from tests.browser.own_site import open_page, own_site

COMMUNE = "UBND xã Thử Nghiệm"
PLAN = "Kế hoạch 05/KH-THU"


def _build(session: Session) -> None:
    office, district, _ = office_and_unit(session)
    commune = Unit(name=COMMUNE, code="X-THU", kind="ubnd_xa")
    place(session, commune, district)
    session.flush()
    reporter = create_user(session, username="xa.thu", password=PASSWORD, role="unit", unit_id=commune.id,
                           actor=None, full_name="Cán bộ xã thử")
    year = dt.date.today().year
    plan = Plan(title=f"{PLAN} năm {year}", number="05/KH-THU", year_start=year, year_end=year,
                status="active")
    indicator = Indicator(position=0, label="1.", group="kinh_te_xa_hoi", line=1,
                          text="Thu ngân sách trên địa bàn xã đạt 12 tỷ đồng")
    indicator.targets.append(Target(plan=plan, position=0, metric="Thu ngân sách", comparator="gte",
                                    value=12.0, unit="tỷ đồng", year=year))
    plan.indicators.append(indicator)
    session.add(plan)
    session.flush()
    assign(session, item_type="indicator", item_id=indicator.id, unit_id=commune.id, actor=office)
    update = create_update(session, actor=reporter, period=f"{year}-Q1", target_id=indicator.targets[0].id,
                           value=3.5)
    submit_update(session, update_id=update.id, actor=reporter)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    with own_site(tmp_path_factory.mktemp("nq-approval-levels"), lambda s, _: _build(s)) as url:
        yield url


def _choose(page: Any, label: str) -> None:
    row = page.locator("#approval-levels tr", has_text=PLAN)
    row.get_by_label(re.compile("Số cấp duyệt")).select_option(label=label)
    row.get_by_role("button", name="Lưu").click()
    expect(page.locator(".flash")).to_contain_text("Đã lưu")


def test_two_levels_send_the_figure_to_the_district_first(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.get_by_role("link", name="Phê duyệt").click()
        queued = page.locator("#queue tr", has_text=COMMUNE)
        expect(queued.get_by_role("button", name="Duyệt")).to_have_count(1)  # one level: the office's

        page.get_by_role("link", name=re.compile("Cấp duyệt của từng kế hoạch")).click()
        page.wait_for_url(re.compile(r"/cap-duyet$"))
        expect(page.get_by_role("heading", name="Cấp duyệt số liệu")).to_be_visible()
        # Who approves below: the sở (it has a reporter) for the commune under it.
        expect(page.locator("#lower-levels tr", has_text=COMMUNE)).to_contain_text("Sở Kế hoạch thử")
        _choose(page, "2 cấp: đơn vị cấp trên trực tiếp duyệt trước, rồi Văn phòng duyệt")
        shoot(page, "cap-duyet")
        page.reload()
        expect(page.locator("#approval-levels tr", has_text=PLAN).locator("select")).to_have_value("2")

        page.goto("/phe-duyet")
        queued = page.locator("#queue tr", has_text=COMMUNE)
        expect(queued).to_contain_text("Chờ Sở Kế hoạch thử duyệt ở cấp dưới")
        expect(queued.get_by_role("button", name="Duyệt")).to_have_count(0)

        page.goto("/cap-duyet")
        _choose(page, "1 cấp: Văn phòng duyệt mọi số liệu")
        page.goto("/phe-duyet")
        page.locator("#queue tr", has_text=COMMUNE).get_by_role("button", name="Duyệt").click()
        expect(page.locator("#queue tr", has_text=COMMUNE)).to_contain_text("Đã duyệt")


def test_a_unit_account_cannot_open_the_settings(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, "xa.thu", PASSWORD)
        response = page.goto("/cap-duyet")
        assert response is not None and response.status == 403
        expect(page.locator("body")).to_contain_text("Chỉ Văn phòng")
