"""Nghi sai số liệu in a real browser: the sở's reporter flags an approved figure on its target page
with a reason; the flag stands on that page and in the office's list of open issues (Khó khăn, vướng
mắc) until the office, having checked it, marks it dealt with. Another unit may not flag it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from nghiquyet.accounts.service import create_user
from nghiquyet.config import Settings
from nghiquyet.units.models import Unit
from nghiquyet.units.service import place
from tests.browser.helpers import login
from tests.browser.own_data import FOUR, OFFICE, PASSWORD, UNIT, UNIT_NAME, plan_with_four_targets
from tests.browser.own_site import open_page, own_site

BUILT: dict[str, int] = {}
OTHER = "so.khac"
REASON = "Số 6 doanh nghiệp KH&CN lệch với danh sách của Sở Khoa học (chỉ có 4)"


def _build(session: Session, settings: Settings) -> None:
    built = plan_with_four_targets(session)
    BUILT["indicator"] = built.indicator.id
    other = Unit(name="Sở Khác thử", code="SKT", kind="so")
    place(session, other, None)
    session.flush()
    create_user(session, username=OTHER, password=PASSWORD, role="unit", unit_id=other.id, actor=None)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    with own_site(tmp_path_factory.mktemp("nq-flags"), _build) as url:
        yield url


def test_a_reporter_flags_a_figure_and_the_office_sees_and_settles_it(browser: Any, site: str) -> None:
    doubted = FOUR[2]  # 6 doanh nghiệp khoa học và công nghệ, approved
    with open_page(browser, site) as page:
        login(page, UNIT, PASSWORD)
        page.goto(f"/chi-tieu/{BUILT['indicator']}")
        expect(page.locator("#flags")).to_contain_text("Không có số liệu nào bị nghi sai.")
        row = page.locator("#updates tr", has_text=doubted.metric)
        row.get_by_text("Nghi sai số liệu?").click()
        row.get_by_label("Lý do nghi sai").fill("sai")  # too short to be checked
        row.get_by_role("button", name="Đánh dấu nghi sai").click()
        expect(page.locator("main")).to_contain_text("Hãy ghi lý do nghi sai (ít nhất 10 ký tự)")
        page.goto(f"/chi-tieu/{BUILT['indicator']}")
        row = page.locator("#updates tr", has_text=doubted.metric)
        row.get_by_text("Nghi sai số liệu?").click()
        row.get_by_label("Lý do nghi sai").fill(REASON)
        row.get_by_role("button", name="Đánh dấu nghi sai").click()
        page.wait_for_url(f"**/chi-tieu/{BUILT['indicator']}#flags")
        flags = page.locator("#flags")
        expect(flags).to_contain_text("Số liệu bị nghi sai (1)")
        expect(flags).to_contain_text(f"6 — {UNIT_NAME}")
        expect(flags).to_contain_text(REASON)
        row = page.locator("#updates tr", has_text=doubted.metric)
        expect(row).to_contain_text("Nghi sai số liệu")
        expect(row.get_by_text("Nghi sai số liệu?")).to_have_count(0)  # one open flag per figure
        expect(flags.get_by_role("button", name="Đã kiểm tra, xử lý xong")).to_have_count(0)  # the office's

    with open_page(browser, site) as page:
        login(page, OTHER, PASSWORD)  # another unit: not its figure
        page.goto(f"/chi-tieu/{BUILT['indicator']}")
        expect(page.get_by_text("Nghi sai số liệu?")).to_have_count(0)

    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        page.goto("/kho-khan")
        listed = page.locator("#open-flags")
        expect(listed).to_contain_text("Số liệu bị nghi sai, chờ kiểm tra (1)")
        expect(listed).to_contain_text(REASON)
        expect(listed).to_contain_text(doubted.metric)
        listed.get_by_role("link").first.click()
        page.wait_for_url(f"**/chi-tieu/{BUILT['indicator']}#flags")
        page.locator("#flags").get_by_role("button", name="Đã kiểm tra, xử lý xong").click()
        expect(page.locator("#flags")).to_contain_text("Không có số liệu nào bị nghi sai.")
        page.goto("/kho-khan")
        expect(page.locator("#open-flags")).to_have_count(0)
