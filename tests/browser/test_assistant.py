"""Trợ lý in a real browser: a leader asks without diacritics, reads the answer, opens the source line."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import login, shoot


def test_leader_asks_and_lands_on_the_highlighted_source_line(page: Any) -> None:
    login(page, "lanhdao", "lanhdao")
    page.get_by_role("link", name="Trợ lý", exact=True).click()
    page.get_by_label("Câu hỏi (có dấu hoặc không dấu)").fill(
        "chi tieu thu ngan sach nam 2024 cua lam dong la bao nhieu")
    page.get_by_role("button", name="Hỏi").click()
    expect(page.locator("#answer")).to_contain_text("14.150 tỷ đồng")
    expect(page.locator("#answer")).to_have_attribute("data-found", "true")
    expect(page.locator(".recent")).to_contain_text("chi tieu thu ngan sach nam 2024")
    shoot(page, "20-tro-ly")
    page.locator("a.citation").first.click()
    expect(page).to_have_url(re.compile(r"/van-ban/\d+#L187$"))
    line = page.locator("#L187")
    expect(line).to_contain_text("14.150 tỷ đồng")
    # The :target rule paints the line the citation points at.
    expect(line).to_have_css("background-color", "rgb(255, 243, 176)")
