"""Overdue work comes first (issue 10, point 7): the dashboard and "Việc của tôi" list what is late
and what is due soon — tasks past their deadline and items whose period report was not sent — a
unit only its own; a deadline already past is accepted with a clear warning."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from nghiquyet.accounts.service import create_user
from nghiquyet.config import Settings
from nghiquyet.documents.service import import_document
from nghiquyet.plans.models import Indicator, Plan, Target, Task
from nghiquyet.tracking.service import approve_update, assign, create_update, submit_update
from nghiquyet.units.models import Unit
from nghiquyet.units.service import place
from tests.browser.helpers import PHONE, fits_the_phone, login, shoot
from tests.browser.own_data import OFFICE, PASSWORD, UNIT, UNIT_NAME, office_and_unit
from tests.browser.own_site import open_page, own_site

TODAY = dt.date.today()
FIRST_YEAR = TODAY.year - 2  # its yearly report was due in January of last year: late whatever today is
OTHER_UNIT, OTHER_NAME = "so.khac", "Sở Khác thử"
UNREPORTED = "Tỷ lệ hộ dùng nước sạch"
REPORTED = "Số trường đạt chuẩn quốc gia"
FOREST = "Tỷ lệ che phủ rừng"  # sent from the overdue list by the unit's test
LATE_TASK = "Hoàn thành đề án chuyển đổi số"
SOON_TASK = "Ban hành kế hoạch kiểm tra cuối năm"
OTHERS_TASK = "Rà soát quy hoạch đô thị"
PLAN: dict[str, int] = {}
DOCUMENT = Path(__file__).resolve().parent / "data" / "nq-thi-diem-2025.txt"


def _build(session: Session, settings: Settings) -> None:
    office, unit, reporter = office_and_unit(session)
    other = Unit(name=OTHER_NAME, code="SK-THU", kind="so")
    place(session, other, None)
    session.flush()
    create_user(session, username=OTHER_UNIT, password=PASSWORD, role="unit", unit_id=other.id, actor=None)
    plan = Plan(title="Kế hoạch thử ba năm", number="05/KH-HAN", year_start=FIRST_YEAR, year_end=TODAY.year,
                status="active")
    session.add(plan)
    for pos, text in enumerate((UNREPORTED, REPORTED, FOREST)):
        indicator = Indicator(position=pos, label=f"{pos + 1}.", group="kinh_te_xa_hoi", text=text,
                              line=pos + 1)
        indicator.targets.append(Target(plan=plan, position=0, metric=text, comparator="gte", value=90,
                                        unit="%", year=TODAY.year))
        plan.indicators.append(indicator)
    deadlines = {LATE_TASK: TODAY - dt.timedelta(days=10), SOON_TASK: TODAY + dt.timedelta(days=3),
                 OTHERS_TASK: TODAY - dt.timedelta(days=5)}
    for pos, (title, deadline) in enumerate(deadlines.items()):
        plan.tasks.append(Task(position=pos, label=f"{pos + 1}.", title=title, text=title, deadline=deadline))
    session.flush()
    PLAN["id"] = plan.id
    PLAN["task"] = plan.tasks[0].id
    for indicator in plan.indicators:
        assign(session, item_type="indicator", item_id=indicator.id, unit_id=unit.id, actor=office)
    assign(session, item_type="task", item_id=plan.tasks[0].id, unit_id=unit.id, actor=office)
    assign(session, item_type="task", item_id=plan.tasks[1].id, unit_id=unit.id, actor=office)
    assign(session, item_type="task", item_id=plan.tasks[2].id, unit_id=other.id, actor=office)
    reported = plan.indicators[1].targets[0]
    for year in range(FIRST_YEAR, TODAY.year):  # every year that is over: sent and approved
        update = create_update(session, actor=reporter, period=str(year), target_id=reported.id, value=95)
        submit_update(session, update_id=update.id, actor=reporter)
        approve_update(session, update_id=update.id, actor=office)
    text = DOCUMENT.read_bytes()
    PLAN["document"] = import_document(session, filename=DOCUMENT.name, data=text, actor=office,
                                       settings=settings).id


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    with own_site(tmp_path_factory.mktemp("nq-due-work"), _build) as url:
        yield url


def _line(panel: Any, text: str) -> Any:
    return panel.locator("li", has_text=text)


def test_the_office_dashboard_puts_overdue_and_due_soon_work_first(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.goto(f"/?plan={PLAN['id']}")
        due = page.locator("#due-work")
        above = page.locator("section[aria-labelledby=by-group]")
        assert due.bounding_box()["y"] < above.bounding_box()["y"]  # before the tallies by group
        late = page.locator("#due-overdue")
        expect(_line(late, LATE_TASK)).to_contain_text("nhiệm vụ quá hạn 10 ngày")
        expect(_line(late, LATE_TASK)).to_contain_text(UNIT_NAME)
        expect(_line(late, OTHERS_TASK)).to_contain_text("nhiệm vụ quá hạn 5 ngày")
        expect(_line(late, OTHERS_TASK)).to_contain_text(OTHER_NAME)
        expect(_line(late, UNREPORTED)).to_contain_text(f"chưa báo cáo Năm {FIRST_YEAR}")
        expect(_line(late, REPORTED)).to_have_count(0)  # its reports were sent and approved
        assert page.locator("#due-overdue li").count() == int(
            re.search(r"\((\d+)\)", page.locator("#due-overdue-title").inner_text()).group(1))  # type: ignore[union-attr]
        soon = page.locator("#due-soon")
        in_three = TODAY + dt.timedelta(days=3)
        expect(_line(soon, SOON_TASK)).to_contain_text(f"nhiệm vụ đến hạn {in_three:%d/%m/%Y}")
        expect(_line(soon, SOON_TASK)).to_contain_text("còn 3 ngày")
        _line(late, LATE_TASK).get_by_role("link").click()
        page.wait_for_url(f"**/nhiem-vu/{PLAN['task']}")


def test_a_unit_sees_its_own_overdue_work_on_my_work_and_the_dashboard(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, UNIT, PASSWORD)
        nav = page.get_by_role("navigation", name="Chức năng chính")
        nav.get_by_role("link", name="Việc của tôi").click()
        late, soon = page.locator("#due-overdue"), page.locator("#due-soon")
        expect(_line(late, LATE_TASK)).to_contain_text("nhiệm vụ quá hạn 10 ngày")
        expect(_line(late, UNREPORTED)).to_contain_text(f"chưa báo cáo Năm {FIRST_YEAR}")
        expect(_line(soon, SOON_TASK)).to_contain_text("còn 3 ngày")
        expect(_line(late, OTHERS_TASK)).to_have_count(0)  # another unit's task
        assert not re.search(r"\d\.\.\s", page.locator("#due-work").inner_text())  # "1. ", never "1.. "
        expect(page.locator("#due-work")).not_to_contain_text(UNIT_NAME)  # its own: no unit names
        page.set_viewport_size(PHONE)
        fits_the_phone(page)
        shoot(page, "viec-cua-toi-qua-han")
        page.goto(f"/?plan={PLAN['id']}")
        expect(_line(page.locator("#due-overdue"), LATE_TASK)).to_have_count(1)
        expect(_line(page.locator("#due-overdue"), OTHERS_TASK)).to_have_count(0)


def test_a_past_deadline_is_accepted_with_a_clear_warning(browser: Any, site: str) -> None:
    past = TODAY - dt.timedelta(days=400)
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.goto(f"/ke-hoach/{PLAN['id']}/giao-viec")
        page.get_by_label("Đơn vị", exact=True).select_option(label=OTHER_NAME)
        page.get_by_label(re.compile("Thời hạn")).fill(f"{past:%d/%m/%Y}")
        page.locator("label.check", has_text=REPORTED).locator("input").check()
        page.get_by_role("button", name="Giao các mục đã chọn").click()
        expect(page.locator(".flash-ok")).to_contain_text(f"Đã giao 1 mục cho {OTHER_NAME}")
        warning = page.locator(".flash-warn")
        expect(warning).to_have_attribute("role", "alert")
        expect(warning).to_contain_text(f"Thời hạn {past:%d/%m/%Y} đã qua 400 ngày")
        given = page.locator("tr", has_text=REPORTED)
        expect(given).to_contain_text(f"{OTHER_NAME} (chủ trì, {past:%d/%m/%Y})")
        # Without a deadline, or with one ahead, nothing to warn about.
        page.get_by_label("Đơn vị", exact=True).select_option(label=OTHER_NAME)
        page.get_by_label(re.compile("Thời hạn")).fill(f"{TODAY + dt.timedelta(days=30):%d/%m/%Y}")
        page.locator("label.check", has_text=UNREPORTED).locator("input").check()
        page.get_by_role("button", name="Giao các mục đã chọn").click()
        expect(page.locator(".flash-ok")).to_contain_text("Đã giao 1 mục")
        expect(page.locator(".flash-warn")).to_have_count(0)


def test_a_past_task_deadline_typed_in_review_is_kept_with_a_warning(browser: Any, site: str) -> None:
    past = f"30/6/{TODAY.year - 1}"
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.goto(f"/van-ban/{PLAN['document']}")
        item = page.locator("#item-task-0")
        item.get_by_role("button", name="Sửa", exact=True).click()
        item.get_by_label("Thời hạn").fill(past)
        item.get_by_role("button", name="Lưu", exact=True).click()
        warning = page.locator("#item-task-0 .flash-warn")
        expect(warning).to_have_attribute("role", "alert")
        expect(warning).to_contain_text(f"Thời hạn 30/06/{TODAY.year - 1} đã qua")
        expect(page.locator("#item-task-0")).to_contain_text(f"Thời hạn: {past}")
        page.locator("#item-task-0").get_by_role("button", name="Sửa", exact=True).click()
        page.locator("#item-task-0").get_by_label("Thời hạn").fill(f"31/12/{TODAY.year + 1}")
        page.locator("#item-task-0").get_by_role("button", name="Lưu", exact=True).click()
        expect(page.locator("#item-task-0")).to_contain_text(f"Thời hạn: 31/12/{TODAY.year + 1}")
        expect(page.locator("#item-task-0 .flash-warn")).to_have_count(0)


def test_a_report_sent_from_the_overdue_list_leaves_it_without_a_reload(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, UNIT, PASSWORD)
        page.goto("/viec-cua-toi")
        line = _line(page.locator("#due-overdue"), FOREST)
        expect(line).to_contain_text(f"chưa báo cáo Năm {FIRST_YEAR}")
        line.get_by_role("link", name=f"Báo cáo Năm {FIRST_YEAR}").click()
        page.wait_for_url(re.compile(rf"period={FIRST_YEAR}"))
        entry = page.locator("article.item", has_text=FOREST)
        entry.get_by_label(re.compile("Số liệu thực hiện")).fill("61,5")
        entry.get_by_role("button", name="Gửi duyệt").click()
        expect(page.locator("article.item", has_text=FOREST)).to_contain_text("Đã gửi duyệt")
        # The list was swapped with the entry: the year just sent is no longer owed.
        still = _line(page.locator("#due-overdue"), FOREST)
        expect(still).not_to_contain_text(f"Năm {FIRST_YEAR}")
        page.reload()
        expect(_line(page.locator("#due-overdue"), FOREST)).not_to_contain_text(f"Năm {FIRST_YEAR}")


def test_approvals_no_longer_keeps_a_second_overdue_list(browser: Any, site: str) -> None:
    # The tasks-only "Quá hạn chưa báo cáo" table disagreed with the dashboard's list (which also
    # counts late period reports): one list, the dashboard's, and a pointer to it.
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.goto("/phe-duyet")
        expect(page.locator("#overdue")).to_have_count(0)
        expect(page.get_by_role("heading", name="Quá hạn chưa báo cáo")).to_have_count(0)
        expect(page.locator("main")).not_to_contain_text(LATE_TASK)
        pointer = page.locator("#overdue-elsewhere")
        pointer.get_by_role("link", name="Tổng quan").click()
        page.wait_for_url(re.compile(r"/(\?.*)?$"))
        expect(_line(page.locator("#due-overdue"), LATE_TASK)).to_contain_text("nhiệm vụ quá hạn 10 ngày")
