"""The cycle closes, in a real browser: the office accepts a figure the conclusion notice reported, sees it
in the item's series beside the other plans' targets, and undoes it."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import login, shoot

SENTENCE = "Tăng trưởng kinh tế đạt 3%"


def test_office_accepts_a_proposed_update_and_sees_it_in_the_series(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Đề xuất", exact=True).click()
    expect(page.get_by_role("heading", name="Số liệu đề xuất từ văn bản")).to_be_visible()
    budget = page.locator("tr.proposal", has_text="29,9% dự toán").first
    expect(budget.locator(".conversion")).to_contain_text("29,9% ×")  # the conversion is shown
    row = page.locator("tr.proposal", has_text=SENTENCE).first
    # The source is the notice's title (pages never show its file name, issue 10 point 4).
    expect(row).to_contain_text("Kết luận của đồng chí Quyền Bí thư Tỉnh ủy tại buổi làm việc")
    expect(row).to_contain_text(", dòng 41")
    expect(row).not_to_contain_text("004_6cdd10a325536dcd")
    row_id = row.get_attribute("id")
    shoot(page, "20-de-xuat")

    row.get_by_label("Số liệu (sửa nếu cần)").fill("3,1")  # the office edits the figure as it accepts
    row.get_by_role("button", name="Chấp nhận").click()
    accepted = page.locator(f"#{row_id}")
    expect(accepted).to_have_attribute("data-state", "accepted")
    expect(accepted).to_contain_text("Đã chấp nhận")

    accepted.get_by_role("link").first.click()
    panel = page.locator("#series-panel")
    expect(panel.locator(".series").first).to_be_visible()
    expect(panel).to_contain_text("Quý I/2024: 3,1")
    expect(panel.locator("svg.series-chart").first).to_be_visible()
    shoot(page, "21-chuoi-chi-tieu")

    page.go_back()
    page.reload()
    again = page.locator(f"#{row_id}")
    again.get_by_role("button", name="Hoàn tác").click()  # the demo database is shared: put it back
    expect(page.locator(f"#{row_id}")).to_have_attribute("data-state", "proposed")
    expect(page.locator(f"#{row_id}")).to_contain_text(re.compile("Chấp nhận"))
