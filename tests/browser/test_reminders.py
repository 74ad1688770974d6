"""Đôn đốc in a real browser at phone width (390 px): the bell, the notification list, the calendar."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import PHONE, fits_the_phone, login, shoot


def test_office_bell_notifications_and_calendar_at_390px(page: Any) -> None:
    page.set_viewport_size(PHONE)
    login(page, "vanphong", "vanphong")
    count = page.locator("#bell .bell-count")
    expect(count).to_have_text(re.compile(r"^\d+$"))
    before = int(count.inner_text())
    assert before > 0  # the demo's late reports were escalated to the office
    page.locator("#bell a").click()
    expect(page.get_by_role("heading", name="Thông báo")).to_be_visible()
    expect(page.locator("#notifications")).to_contain_text("Đơn vị chậm báo cáo")
    page.locator("#notifications .unread").first.get_by_role("button", name="Đánh dấu đã đọc").click()
    expect(page.locator("#bell .bell-count")).to_have_text(str(before - 1))
    fits_the_phone(page)
    shoot(page, "20-thong-bao")  # photographs at both widths, then leaves the desktop width
    page.set_viewport_size(PHONE)

    page.goto("/lich-bao-cao")
    expect(page.get_by_role("heading", name="Lịch báo cáo")).to_be_visible()
    expect(page.locator("#calendar")).to_contain_text("Trễ hạn")
    expect(page.locator("#calendar-grid")).to_contain_text("Sở Tài chính")
    page.get_by_label("Đơn vị").select_option(label="Sở Tài chính")
    page.get_by_label("Trạng thái").select_option(label="Trễ hạn")
    page.get_by_role("button", name="Lọc").click()
    rows = page.locator("#calendar tbody tr")
    expect(rows.first).to_contain_text("Sở Tài chính")
    assert all(s == "late" for s in rows.evaluate_all("rs => rs.map(r => r.dataset.state)"))
    fits_the_phone(page)
    shoot(page, "21-lich-bao-cao")
    page.set_viewport_size(PHONE)

    page.goto("/nhac-viec")
    page.get_by_label("Hạn báo cáo: ngày").fill("20")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu lịch nhắc việc")
    page.get_by_label("Hạn báo cáo: ngày").fill("15")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu lịch nhắc việc")


def test_a_unit_sees_its_own_calendar_at_390px(page: Any) -> None:
    page.set_viewport_size(PHONE)
    login(page, "sotaichinh", "sotaichinh")
    expect(page.locator("#bell .bell-count")).to_have_text(re.compile(r"^\d+$"))
    page.get_by_role("link", name="Lịch báo cáo").click()
    expect(page.locator("#calendar tbody tr").first).to_contain_text("Sở Tài chính")
    units = set(
        page.locator("#calendar tbody tr td:nth-child(3)").evaluate_all("cs => cs.map(c => c.textContent)")
    )
    assert units == {"Sở Tài chính"}
    expect(page.get_by_label("Đơn vị")).to_have_count(0)
    expect(page.get_by_role("link", name="đăng ký lịch (.ics)")).to_have_attribute(
        "href", re.compile(r"/lich/.+\.ics$")
    )
    fits_the_phone(page)
