"""A leader at phone width types a query without diacritics in the header box, opens the hit and lands
on the highlighted source line."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.helpers import PHONE, login, shoot


def test_header_search_to_highlighted_line(page: Any) -> None:
    page.set_viewport_size(PHONE)
    login(page, "lanhdao", "lanhdao")
    box = page.locator("#q-header")
    box.fill("thu ngan sach")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem\?q=thu\+ngan\+sach"))
    hit = page.locator('.hit a[data-hit-kind="line"]').first
    marks = [m.lower() for m in hit.locator("mark").all_inner_texts()]
    assert {"thu", "ngân", "sách"} <= set(marks)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "search-results")
    page.set_viewport_size(PHONE)
    href = hit.get_attribute("href")
    line = href.rsplit("#L", 1)[1]
    hit.click()
    page.wait_for_url(re.compile(rf"/van-ban/\d+#L{line}$"))
    target = page.locator(f"#L{line}")
    page.wait_for_function(f"document.getElementById('L{line}').classList.contains('hl')")
    assert "ngân sách" in target.inner_text().lower()
    assert target.is_visible()
