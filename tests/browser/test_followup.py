"""Giải trình and khó khăn, vướng mắc in a real browser at 390 px: asked, told, answered, raised, closed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import PHONE, fits_the_phone, login, logout, shoot


def test_the_office_asks_a_unit_to_explain_and_the_unit_answers_and_raises_a_blocker(page: Any) -> None:
    page.set_viewport_size(PHONE)
    login(page, "sotaichinh", "sotaichinh")
    page.goto("/lich-bao-cao")
    item = page.locator("#calendar tbody tr a").first.get_attribute("href")
    assert item and re.match(r"^/(chi-tieu|nhiem-vu)/\d+$", item)
    logout(page)

    login(page, "vanphong", "vanphong")
    page.goto(item)
    panel = page.locator("#giai-trinh")
    expect(panel.locator("#explanations")).to_be_visible()  # loaded by htmx into the item page
    panel.get_by_text("Yêu cầu đơn vị giải trình").click()
    panel.get_by_label("Đơn vị giải trình").select_option(label="Sở Tài chính")
    panel.get_by_label("Nội dung cần giải trình").fill("Đề nghị giải trình vì sao chậm báo cáo quý")
    due = dt.date.today() + dt.timedelta(days=7)
    panel.get_by_label("Hạn giải trình").fill(due.isoformat())
    panel.get_by_role("button", name="Gửi yêu cầu giải trình").click()
    page.wait_for_url(re.compile(re.escape(item) + "#giai-trinh$"))
    request = page.locator("#explanations li").filter(has_text="vì sao chậm báo cáo quý")
    expect(request).to_contain_text("Đang chờ")
    expect(request).to_contain_text(f"hạn {due:%d/%m/%Y}")
    fits_the_phone(page)
    logout(page)

    login(page, "sotaichinh", "sotaichinh")
    expect(page.locator("#bell .bell-count")).to_have_text(re.compile(r"^\d+$"))
    page.locator("#bell a").click()
    told = page.locator("#notifications li").filter(has_text="Yêu cầu giải trình").first
    expect(told).to_contain_text(f"hạn {due:%d/%m/%Y}")
    told.get_by_role("link", name="Xem nội dung").click()
    panel = page.locator("#giai-trinh")
    panel.get_by_label("Nội dung giải trình").fill("Số liệu quý chờ Kho bạc đối chiếu, sẽ gửi trước ngày 20.")
    panel.get_by_role("button", name="Gửi giải trình").click()
    answered = page.locator("#explanations li").filter(has_text="vì sao chậm báo cáo quý")
    expect(answered).to_contain_text("Đã giải trình")
    expect(answered).to_contain_text("chờ Kho bạc đối chiếu")

    panel = page.locator("#giai-trinh")
    panel.get_by_text("Nêu khó khăn, vướng mắc").click()
    panel.get_by_label("Gửi đến").select_option(label="Văn phòng")
    panel.get_by_label("Khó khăn, vướng mắc", exact=True).fill("Chưa có hướng dẫn cách tính chỉ tiêu")
    panel.get_by_label("Chi tiết, kiến nghị").fill("Đề nghị Văn phòng hướng dẫn thống nhất.")
    panel.get_by_role("button", name="Gửi khó khăn, vướng mắc").click()
    expect(page.locator("#blockers")).to_contain_text("Chưa có hướng dẫn cách tính chỉ tiêu")
    fits_the_phone(page)
    shoot(page, "22-giai-trinh-vuong-mac")
    page.set_viewport_size(PHONE)
    logout(page)

    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Vướng mắc", exact=True).click()
    group = page.locator("#blocker-groups li").filter(has_text="Chưa có hướng dẫn cách tính chỉ tiêu")
    expect(group).to_contain_text("Sở Tài chính → Văn phòng")
    page.get_by_label("Đơn vị").select_option(label="Sở Tài chính")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("#blocker-groups li[data-unit]")).not_to_have_count(0)
    assert set(
        page.locator("#blocker-groups li[data-unit]").evaluate_all("ls => ls.map(l => l.dataset.unit)")
    ) == {"Sở Tài chính"}
    fits_the_phone(page)
    page.get_by_role("link", name="Chưa có hướng dẫn cách tính chỉ tiêu").first.click()
    page.get_by_label("Ý kiến xử lý (quyết định)").fill("Văn phòng ban hành hướng dẫn số 12-HD/VPTU.")
    page.get_by_role("button", name="Đóng với ý kiến xử lý").click()
    expect(page.locator("#blocker-state")).to_have_text("Đã xử lý")
    expect(page.locator("#blocker-decision")).to_contain_text("12-HD/VPTU")
    fits_the_phone(page)
    page.goto("/kho-khan")
    expect(page.locator("#blocker-groups")).not_to_contain_text("Chưa có hướng dẫn cách tính chỉ tiêu")


def test_the_dashboard_counts_the_open_blockers_the_list_shows(page: Any) -> None:
    page.set_viewport_size(PHONE)
    login(page, "vanphong", "vanphong")
    page.goto("/kho-khan")
    total = page.locator("#blockers-total").inner_text()
    listed = int(total.split()[0])
    assert listed >= 1  # the demo leaves one difficulty open
    page.goto("/")
    card = page.locator("#open-followup")
    expect(card.locator("#open-blockers strong")).to_have_text(str(listed))
    expect(card.locator("#open-requests")).to_contain_text("yêu cầu giải trình chưa trả lời")
    card.locator("#open-blockers").click()
    page.wait_for_url(re.compile(r"/kho-khan$"))
    fits_the_phone(page)
    logout(page)
