"""A share walked through every level in the browser: the office gives a commune its share of the
district's revenue target, the commune sends its figure from Việc của tôi, its district approves it
below, the province's office approves it above, and the district's level page shows the share judged."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import PHONE, fits_the_phone, htmx_settled, login, logout, shoot

REVENUE = "Thu ngân sách nhà nước trên địa bàn"
DISTRICT_PLAN = "12-NQ/HU"
COMMUNE = "UBND xã Ninh Gia"


def _choose(select: Any, words: str) -> str:
    """Pick the option whose text holds `words` (the unit list indents names), return its value."""
    value = next(o.get_attribute("value") for o in select.locator("option").all() if words in o.inner_text())
    select.select_option(value)
    return value


def test_share_from_the_office_to_the_level_page(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.goto("/chi-tieu")
    plan_id = _choose(page.locator("#l-plan"), DISTRICT_PLAN)
    page.wait_for_url(re.compile(rf"plan={plan_id}"))
    page.locator("#list").get_by_role("link", name=re.compile(REVENUE)).first.click()
    page.locator("#share-links a").first.click()
    page.wait_for_url(re.compile(r"/muc-chi-tieu/\d+/phan-giao$"))
    editor = page.url

    _choose(page.locator("#s-unit-0"), COMMUNE)
    page.locator("#s-value-0").fill("một trăm")
    page.get_by_role("button", name="Lưu phần giao").click()
    expect(page.locator("#shares-error")).to_contain_text("Chưa lưu: 1 dòng chưa đúng")
    expect(page.locator("#share-0")).to_contain_text("“một trăm” không phải là số")
    page.locator("#s-value-0").fill("120,5")
    page.locator("#s-note-0").fill("Phần thu của xã")
    page.get_by_role("button", name="Lưu phần giao").click()
    expect(page.locator("#shares-saved")).to_be_visible()
    expect(page.locator("#s-value-0")).to_have_value("120,5")
    page.set_viewport_size(PHONE)
    fits_the_phone(page)
    shoot(page, "phan-giao")
    logout(page)

    login(page, "ninhgia", "ninhgia")
    page.get_by_role("navigation", name="Chức năng chính").get_by_role("link", name="Việc của tôi").click()
    _choose(page.get_by_label("Kế hoạch", exact=True), DISTRICT_PLAN)
    page.wait_for_url(re.compile(rf"plan={plan_id}"))
    htmx_settled(page)
    page.get_by_label("Kỳ báo cáo", exact=True).select_option("2024")
    page.wait_for_url(re.compile(r"period=2024$"))
    htmx_settled(page)
    # The swap that follows the choice is done once the page names the year as the period reported.
    expect(page.locator("#mine > p.muted strong")).to_have_text("Năm 2024")
    row = page.locator("article.item", has_text=REVENUE)
    expect(row).to_contain_text("Phần được giao")
    expect(row).to_contain_text("120,5")
    row.get_by_label(re.compile("Số liệu thực hiện")).fill("131,25")
    row.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator("article.item", has_text=REVENUE)).to_contain_text("Chờ duyệt")
    logout(page)

    login(page, "ductrong", "ductrong")
    page.goto("/duyet-cap-duoi")
    mine = page.locator("#below tr", has_text=COMMUNE).filter(has_text="131,25")
    expect(mine).to_have_count(1)
    mine.get_by_role("button", name="Duyệt ở cấp dưới").click()
    expect(page.locator("#below tr", has_text="131,25")).to_contain_text("Đã duyệt ở cấp dưới")
    logout(page)

    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Phê duyệt").click()
    row = page.locator("#queue tr", has_text=COMMUNE).filter(has_text="131,25")
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Duyệt").click()
    expect(page.locator("#queue tr", has_text="131,25")).to_contain_text("Đã duyệt")

    page.goto("/theo-cap?period=2024")
    page.locator("#children").get_by_role("link", name="Ủy ban nhân dân tỉnh Lâm Đồng").click()
    page.locator("#children").get_by_role("link", name="UBND huyện Đức Trọng").click()
    _choose(page.locator("#f-plan"), DISTRICT_PLAN)
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url(re.compile(rf"plan={plan_id}"))
    assert page.locator("h1").inner_text() == "UBND huyện Đức Trọng"
    expect(page.locator("#tally")).to_contain_text("chỉ tiêu hoàn thành")
    expect(page.locator("#shares-tally")).to_contain_text("1/1 hoàn thành")
    commune = page.locator("#children tbody tr", has_text=COMMUNE)
    expect(commune.locator(".share-cell")).to_contain_text("1/1 hoàn thành")
    expect(commune.locator(".share-cell .badge")).to_have_count(1)
    page.set_viewport_size(PHONE)
    fits_the_phone(page)
    shoot(page, "level-shares")
    # The item page shows the commune's share judged against its own figure, in Vietnamese numbers.
    page.goto(editor)
    page.get_by_role("link", name="← Về chỉ tiêu").click()
    expect(page.locator("#shares")).to_contain_text("131,25")
