"""Two levels of approval in the browser: a commune sends its figure, its district approves it below,
then the province's office approves it above (the demo's district plan is approved at two levels)."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import PHONE, htmx_settled, login, logout, shoot

REVENUE = "Thu ngân sách nhà nước trên địa bàn"
DISTRICT_PLAN = "12-NQ/HU"


def test_commune_then_district_then_province(page: Any) -> None:
    login(page, "hiepthanh", "hiepthanh")
    page.get_by_role("navigation", name="Chức năng chính").get_by_role("link", name="Việc của tôi").click()
    plan = page.get_by_label("Kế hoạch", exact=True)
    value = next(o.get_attribute("value") for o in plan.locator("option").all()
                 if DISTRICT_PLAN in o.inner_text())
    plan.select_option(value)
    page.wait_for_url(re.compile(rf"plan={value}"))
    htmx_settled(page)
    row = page.locator("article.item", has_text=REVENUE)
    row.get_by_label(re.compile("Số liệu thực hiện")).fill("871,5")
    row.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator("article.item", has_text=REVENUE)).to_contain_text("Chờ duyệt")
    logout(page)

    login(page, "ductrong", "ductrong")
    page.goto("/theo-cap")
    page.locator("#waiting-below a").click()
    page.wait_for_url(re.compile(r"/duyet-cap-duoi$"))
    mine = page.locator("#below tr", has_text="UBND xã Hiệp Thạnh").filter(has_text="871,5")
    expect(mine).to_have_count(1)
    page.set_viewport_size(PHONE)
    shoot(page, "duyet-cap-duoi")
    mine.get_by_role("button", name="Duyệt ở cấp dưới").click()
    approved = page.locator("#below tr", has_text="871,5")
    expect(approved).to_contain_text("Đã duyệt ở cấp dưới — chờ Văn phòng duyệt")
    logout(page)

    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Phê duyệt").click()
    row = page.locator("#queue tr", has_text="UBND xã Hiệp Thạnh").filter(has_text="871,5")
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Duyệt").click()
    expect(page.locator("#queue tr", has_text="871,5")).to_contain_text("Đã duyệt")
