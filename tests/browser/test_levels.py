"""Theo cấp: the office drills from all units down to a sở and back up; a unit sees its own level only."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.helpers import PHONE, login, shoot


def _fraction(text: str) -> tuple[int, int]:
    done, total = re.search(r"(\d+)/(\d+)", text).groups()  # type: ignore[union-attr]
    return int(done), int(total)


def _children_add_up(page: Any) -> None:
    whole = _fraction(page.locator("#tally").inner_text())
    cells = [c for c in page.locator("#children tbody td:nth-child(2)").all_inner_texts() if "/" in c]
    parts = [_fraction(c) for c in cells]
    assert sum(p[1] for p in parts) <= whole[1]  # the unit's own targets are counted in the whole only
    assert sum(p[0] for p in parts) <= whole[0]


def test_office_drills_down_and_back_up(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.get_by_role("navigation", name="Chức năng chính").get_by_role("link", name="Theo cấp").click()
    page.wait_for_url(re.compile(r"/theo-cap$"))
    page.select_option("#f-period", "2024")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url(re.compile(r"period=2024"))
    roots = page.locator("#children tbody th a").all_inner_texts()
    assert "Ủy ban nhân dân tỉnh Lâm Đồng" in roots and "Tỉnh ủy Lâm Đồng" in roots
    _children_add_up(page)

    page.locator("#children").get_by_role("link", name="Ủy ban nhân dân tỉnh Lâm Đồng").click()
    page.wait_for_url(re.compile(r"unit=\d+&period=2024"))
    assert page.locator("h1").inner_text() == "Ủy ban nhân dân tỉnh Lâm Đồng"
    names = page.locator("#children tbody th a").all_inner_texts()
    assert "Sở Tài chính" in names and "Phường Xuân Hương - Đà Lạt" in names
    _children_add_up(page)
    # Lagging first: a child with targets never comes after one without any.
    has_targets = ["/" in c for c in page.locator("#children tbody td:nth-child(2)").all_inner_texts()]
    assert has_targets == sorted(has_targets, reverse=True)
    assert page.locator("#children svg.status-bar").count() >= 1

    page.locator("#children").get_by_role("link", name="Sở Tài chính").click()
    assert page.locator("h1").inner_text() == "Sở Tài chính"
    assert "chỉ tiêu hoàn thành" in page.locator("#tally").inner_text()
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "level-finance")
    page.locator("nav.breadcrumb").get_by_role("link", name="Ủy ban nhân dân tỉnh Lâm Đồng").click()
    assert page.locator("h1").inner_text() == "Ủy ban nhân dân tỉnh Lâm Đồng"


def test_a_unit_starts_at_its_own_level_and_cannot_climb(page: Any) -> None:
    login(page, "sotaichinh", "sotaichinh")
    page.goto("/theo-cap?period=2024")
    assert page.locator("h1").inner_text() == "Sở Tài chính"
    assert page.locator("nav.breadcrumb a").count() == 0  # nothing above its own unit to open
    response = page.goto("/theo-cap?unit=1&period=2024")
    assert response.status == 403
    assert "đơn vị mình" in page.locator("main").inner_text()


def test_reporting_rates_table_adds_up(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.goto("/theo-cap?period=2024")
    page.locator("#children").get_by_role("link", name="Ủy ban nhân dân tỉnh Lâm Đồng").click()
    said = page.locator("#rates-whole").inner_text()
    received, expected = _fraction(said)
    rows = page.locator("#rates tbody tr").all()
    assert rows, "each child has a row of reporting rates"
    cells = [[int(c) for c in row.locator("td").all_inner_texts()[:5]] for row in rows]
    assert sum(c[0] for c in cells) == expected and sum(c[1] for c in cells) == received
    for due, got, on_time, late, missing in cells:
        assert got == on_time + late and due == got + missing
