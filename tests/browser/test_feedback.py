"""Feedback that stays true (issue 10, point 8): the approvals heading counts down as the office
decides through htmx; an indicator with some targets unreported says how many are; the dashboard
draws each group's statuses and the lagging targets' gap as server-made SVG."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from tests.browser.helpers import login, shoot
from tests.browser.own_data import FOUR, OFFICE, PASSWORD, office_and_unit, plan_with_four_targets
from tests.browser.own_site import open_page, own_site

PLANS: dict[str, int] = {}
LAGGING = ("st-khong_dat", "st-nguy_co")


def _build(session: Session) -> None:
    people = office_and_unit(session)
    # Three figures sent, none decided yet: the office's queue.
    PLANS["queue"] = plan_with_four_targets(session, figures={1: 1, 2: 6, 3: 3}, approve=False,
                                            people=people, number="01/KH-CHO",
                                            indicator_text="Chỉ tiêu chờ duyệt").plan.id
    # One of four targets reported, and reached: the indicator has no verdict yet.
    PLANS["partial"] = plan_with_four_targets(session, figures={3: 3}, people=people,
                                              number="02/KH-MOT", indicator_text="Chỉ tiêu một mức").plan.id
    # Three of four reported, one of them lagging.
    PLANS["lagging"] = plan_with_four_targets(session, people=people, number="03/KH-CHAM",
                                              indicator_text="Chỉ tiêu có mức chậm").plan.id


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    with own_site(tmp_path_factory.mktemp("nq-feedback"), lambda s, _: _build(s)) as url:
        yield url


@pytest.fixture
def office_page(browser: Any, site: str) -> Iterator[Any]:
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        yield page


def test_queue_count_follows_each_approval_and_return(office_page: Any) -> None:
    page = office_page
    page.get_by_role("navigation", name="Chức năng chính").get_by_role("link", name="Phê duyệt").click()
    count = page.locator("#queue-count")
    expect(count).to_have_text("3")
    first = page.locator("#queue tbody tr").nth(0)
    first.get_by_role("button", name="Duyệt").click()
    expect(first).to_contain_text("Đã duyệt")
    expect(count).to_have_text("2")
    assert page.locator("#queue-title").inner_text() == "Chờ duyệt (2)"

    second = page.locator("#queue tbody tr").nth(1)
    second.locator("summary").click()
    second.get_by_label("Lý do trả lại").fill("Thiếu minh chứng")
    second.get_by_role("button", name="Gửi trả lại").click()
    expect(second).to_contain_text("Thiếu minh chứng")
    expect(count).to_have_text("1")
    # What the heading says is what a reload finds.
    page.reload()
    expect(page.locator("#queue-count")).to_have_text("1")
    assert page.get_by_role("button", name="Duyệt", exact=True).count() == 1


def test_an_indicator_with_targets_unreported_says_how_many_are(office_page: Any) -> None:
    page = office_page
    page.goto(f"/chi-tieu?plan={PLANS['partial']}")
    row = page.locator("tbody tr", has_text="Chỉ tiêu một mức")
    expect(row.locator(".badge")).to_have_text("Chưa có số liệu")
    expect(row).to_contain_text(f"1/{len(FOUR)} mức có số liệu")
    row.get_by_role("link").click()
    expect(page.locator("#overall-status")).to_have_text("Chưa có số liệu")
    expect(page.locator("#overall-reported")).to_have_text(f"1/{len(FOUR)} mức có số liệu")

    page.goto(f"/chi-tieu?plan={PLANS['lagging']}")
    lagging = page.locator("tbody tr", has_text="Chỉ tiêu có mức chậm")
    expect(lagging).to_contain_text(f"3/{len(FOUR)} mức có số liệu")


def test_dashboard_draws_group_statuses_and_the_lagging_targets_gap(office_page: Any) -> None:
    page = office_page
    page.goto(f"/?plan={PLANS['lagging']}")
    groups = page.locator("section[aria-labelledby=by-group] tbody tr")
    assert groups.count() >= 1
    for row in groups.all():
        bar = row.locator("svg.status-bar")
        expect(bar).to_have_count(1)
        total = int(re.search(r"/(\d+)", row.locator("td").nth(0).inner_text()).group(1))  # type: ignore[union-attr]
        said = bar.get_attribute("aria-label") or ""
        assert sum(int(n) for n in re.findall(r"(\d+) [^\d,]+", said.split(":", 1)[1])) == total, said
    expect(page.locator("section[aria-labelledby=tally-title] svg.status-bar")).to_have_count(1)

    lagging_rows = [r for r in page.locator("#target-rows tbody tr").all()
                    if any(c in (r.locator(".badge").get_attribute("class") or "") for c in LAGGING)]
    assert lagging_rows, "the plan has a lagging target"
    chart = page.locator("#gap-chart svg")
    expect(chart).to_have_count(1)
    drawn = chart.locator("g.gap > title").evaluate_all("els => els.map(e => e.textContent)")
    assert len(drawn) == len(lagging_rows)
    for row, title in zip(lagging_rows, drawn, strict=True):
        metric = row.locator("td").nth(0).inner_text().strip()
        actual = row.locator("td").nth(3).inner_text().split()[0]
        expected = row.locator("td").nth(2).inner_text().strip()
        assert title.startswith(metric) and f"{actual} / {expected}" in title, (title, metric)
    shoot(page, "dashboard-gaps")
