"""Issue 13's 'done when', in a real browser on the demo: the budget series of the term programme and the
2024 and 2026 resolutions on the item page with its chart, and a directive added as a task of the 2024
plan with its lead units resolved or picked by the office."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import login, shoot


def test_the_budget_series_spans_the_programme_and_the_two_resolutions_on_the_item_page(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Đề xuất", exact=True).click()
    # The notice's "29,9% dự toán" is proposed to Lâm Đồng's 2024 plan (14.150 tỷ đồng), not another's.
    budget = page.locator("tr.proposal", has_text="29,9% dự toán")
    expect(budget).to_have_count(1)
    expect(budget.locator(".conversion")).to_contain_text("29,9% × 14.150 tỷ đồng")
    budget.get_by_role("link").first.click()
    # The line holds two series with the programme: revenue growth, and its "thuế, phí" part.
    revenue = page.locator("p strong", has_text="Thu ngân sách nhà nước")
    growth = page.locator("#series-panel .series", has=revenue).filter(has_text="dòng 76")
    expect(growth).to_have_count(1)
    for source in ("Chương trình hành động số 01-CTr/TU, dòng 76", "dòng 187", "dòng 166"):
        expect(growth).to_contain_text(source)
    expect(growth).not_to_contain_text("dòng 20")  # the other province's 2024 resolution (seed 003)
    expect(growth.locator("svg.series-chart .target-line")).to_have_count(1)
    expect(growth.locator("svg.series-chart")).to_contain_text("Mục tiêu giai đoạn: 11–12")
    expect(growth.locator(".series-warning")).to_contain_text("thấp hơn mức bình quân cả giai đoạn")
    shoot(page, "22-chuoi-thu-ngan-sach")


def test_a_directive_becomes_a_task_of_the_2024_plan_with_its_lead_units(page: Any) -> None:
    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Đề xuất", exact=True).click()
    row = page.locator("tr.directive", has_text="Đảng ủy Công an tỉnh").first
    expect(row).to_contain_text("→ Công an tỉnh")
    expect(row).to_contain_text("Nghị quyết của Tỉnh ủy")  # Lâm Đồng's 2024 resolution
    many = "Bí thư thành ủy, huyện ủy, đảng ủy trực thuộc Tỉnh ủy"  # a name of many bodies: the office picks
    row.get_by_label(f"Đơn vị chủ trì cho “{many}”").select_option(label="Ban Tổ chức Tỉnh ủy")
    row_id = row.get_attribute("id")
    row.get_by_role("button", name="Thêm vào kế hoạch").click()
    added = page.locator(f"#{row_id}")
    expect(added).to_have_attribute("data-state", "accepted")
    added.get_by_role("link", name="Đã thêm nhiệm vụ").click()
    for unit in ("Công an tỉnh", "Ban Tổ chức Tỉnh ủy", "Ủy ban nhân dân tỉnh Lâm Đồng"):
        expect(page.locator("main")).to_contain_text(unit)
    shoot(page, "23-nhiem-vu-tu-ket-luan")
    page.go_back()
    page.reload()
    # The demo database is shared by the browser tests: put it back.
    page.locator(f"#{row_id}").get_by_role("button", name="Hoàn tác").click()
    expect(page.locator(f"#{row_id}")).to_have_attribute("data-state", "proposed")
