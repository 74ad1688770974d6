"""The proposals page says so when the office adds a directive whose deadline has already passed
(issue 10, point 7): the task is added, and a Vietnamese warning stands in its row."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import login

LATE = "cuối tháng 4/2024"  # the conclusion notice's directive 2.3


def test_adding_a_directive_past_its_deadline_shows_a_warning_in_its_row(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.goto("/de-xuat")
    row = page.locator("tr.directive", has_text=LATE).first
    row_id = row.get_attribute("id")
    expect(row).to_have_attribute("data-state", "proposed")
    expect(row.locator(".flash-warn")).to_have_count(0)
    row.get_by_role("button", name="Thêm vào kế hoạch").click()
    added = page.locator(f"#{row_id}")
    expect(added).to_have_attribute("data-state", "accepted")
    warning = added.locator(".flash-warn")
    expect(warning).to_have_attribute("role", "alert")
    expect(warning).to_contain_text("Thời hạn 30/04/2024 đã qua")
    expect(warning).to_contain_text("quá hạn ngay")
    added.get_by_role("button", name="Hoàn tác").click()  # the demo database is shared: put it back
    back = page.locator(f"#{row_id}")
    expect(back).to_have_attribute("data-state", "proposed")
    expect(back.locator(".flash-warn")).to_have_count(0)
