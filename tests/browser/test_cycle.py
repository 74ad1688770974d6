"""The whole cycle in a real browser, as each role, against the demo database.

The office uploads a resolution, corrects an extracted item, confirms the plan and assigns it; the unit
(Sở Tài chính) enters "1.234,5" and submits; the office approves; the dashboard tally moves; the leader
sees it read-only. Every page is photographed at desktop and phone width.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import htmx_settled, login, logout, shoot

BUDGET = re.compile(r"Thu ngân sách nhà nước")  # case-sensitive: the task mentions "thu ngân sách" too
DOC = Path(__file__).parent / "data" / "nq-thi-diem-2025.txt"


def _office_uploads_reviews_confirms_assigns(page: Any) -> int:
    login(page, "vanphong", "vanphong")
    expect(page.locator("#tally")).to_contain_text("chỉ tiêu hoàn thành")
    expect(page.get_by_role("navigation", name="Chức năng chính")).to_contain_text("Phê duyệt")
    shoot(page, "01-tong-quan-van-phong")

    page.get_by_role("link", name="Văn bản", exact=True).click()
    page.get_by_label("Chọn một hoặc nhiều tệp").set_input_files(str(DOC))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    expect(page.locator("#doc-area")).to_contain_text("Đã nhập “nq-thi-diem-2025.txt”: 5 chỉ tiêu")
    expect(page.locator("#upload-progress")).to_have_attribute("value", "100")
    shoot(page, "02-van-ban")

    page.get_by_role("link", name="15-NQ/ĐU").click()
    expect(page.get_by_role("heading", name="Rà soát kết quả trích xuất")).to_be_visible()
    # The keyboard reaches an item and Enter highlights its source line.
    page.locator("#item-indicator-0 .item-show").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#L17")).to_have_class(re.compile(r"\bhl\b"))
    # Clicking an item highlights the source lines it came from.
    page.locator("#item-indicator-2 .item-show").click()
    expect(page.locator("#L21")).to_have_class(re.compile(r"\bhl\b"))
    expect(page.locator("#hl-status")).to_contain_text("dòng 21")
    shoot(page, "03-ra-soat")

    # Correct the machine's metric of item 3; it is kept as a review edit.
    page.locator("#item-indicator-2").get_by_role("button", name="Sửa").click()
    page.get_by_label("Nội dung đo").fill("Diện tích trồng rừng mới")
    page.get_by_role("button", name="Lưu").click()
    item = page.locator("#item-indicator-2")
    expect(item).to_contain_text("Diện tích trồng rừng mới")
    expect(item).to_contain_text("Đã sửa khi rà soát")

    page.get_by_role("button", name="Xác nhận thành kế hoạch").click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/giao-viec"))
    plan_id = int(re.search(r"/ke-hoach/(\d+)/", page.url).group(1))  # type: ignore[union-attr]
    expect(page.locator(".flash-ok")).to_contain_text("Đã xác nhận kế hoạch")

    # Give indicator 1 and task 1 to Sở Tài chính as lead, with a deadline, in one go.
    unit_value = page.locator("#a-unit option", has_text="Sở Tài chính").get_attribute("value")
    page.get_by_label("Đơn vị", exact=True).select_option(unit_value)
    page.get_by_label("Thời hạn (dd/mm/yyyy)").fill("31/12/2025")
    page.get_by_label(re.compile(r"Thu ngân sách nhà nước trên địa bàn")).check()
    page.get_by_label(re.compile(r"Tập trung chỉ đạo thu ngân sách")).check()
    shoot(page, "04-giao-viec")
    page.get_by_role("button", name="Giao các mục đã chọn").click()
    expect(page.locator(".flash-ok")).to_contain_text("Đã giao 2 mục cho Sở Tài chính (chủ trì)")
    expect(page.locator("#assign-form")).to_contain_text("Sở Tài chính (chủ trì, 31/12/2025)")

    page.goto(f"/?plan={plan_id}")
    expect(page.locator("#tally")).to_have_text("0/5 chỉ tiêu hoàn thành")
    logout(page)
    return plan_id


def _unit_enters_a_figure(page: Any, plan_id: int) -> None:
    login(page, "sotaichinh", "sotaichinh")
    nav = page.get_by_role("navigation", name="Chức năng chính")
    expect(nav).to_contain_text("Việc của tôi")
    expect(nav).not_to_contain_text("Phê duyệt")
    nav.get_by_role("link", name="Việc của tôi").click()
    page.get_by_label("Kế hoạch", exact=True).select_option(str(plan_id))
    page.wait_for_url(re.compile(rf"plan={plan_id}"))
    htmx_settled(page)
    row = page.locator("article.item", has_text=BUDGET)
    field = row.get_by_label(re.compile("Số liệu thực hiện"))

    field.press_sequentially("1,234,5")  # not a Vietnamese number: the form says so and keeps the input
    row.get_by_role("button", name="Gửi duyệt").click()
    row = page.locator("article.item", has_text=BUDGET)
    expect(row.locator(".field-error")).to_contain_text("không phải là số")
    expect(row.get_by_label(re.compile("Số liệu thực hiện"))).to_have_value("1,234,5")
    shoot(page, "05-viec-cua-toi-loi-so")

    field = row.get_by_label(re.compile("Số liệu thực hiện"))
    field.fill("")
    field.press_sequentially("1.234,5")
    row.get_by_label(re.compile("Minh chứng")).set_input_files(
        files=[
            {
                "name": "bao-cao-thu-ngan-sach.txt",
                "mimeType": "text/plain",
                "buffer": "Báo cáo thu ngân sách năm 2025: 1.234,5 tỷ đồng.".encode(),
            }
        ]
    )
    row.get_by_label("Ghi chú, giải trình").fill("Số liệu ước thực hiện cả năm.")
    row.get_by_role("button", name="Gửi duyệt").click()
    row = page.locator("article.item", has_text=BUDGET)
    expect(row).to_contain_text("Chờ duyệt")
    expect(row).to_contain_text("1.234,5")
    expect(row).to_contain_text("bao-cao-thu-ngan-sach.txt")
    shoot(page, "06-viec-cua-toi")
    logout(page)


def _office_approves(page: Any, plan_id: int) -> None:
    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Phê duyệt").click()
    row = page.locator("#queue tr", has_text="Sở Tài chính").filter(has_text="1.234,5")
    expect(row).to_have_count(1)
    shoot(page, "07-phe-duyet")
    row.get_by_role("button", name="Duyệt").click()
    expect(page.locator("#queue tr", has_text="1.234,5")).to_contain_text("Đã duyệt")

    # Return another submitted update with a reason (demo data): the row swaps in place.
    other = page.locator("#queue tr", has=page.get_by_role("button", name="Duyệt")).first
    other_id = other.get_attribute("id")
    other.get_by_text("Trả lại…").click()
    other.get_by_label("Lý do trả lại").fill("Thiếu minh chứng, đề nghị bổ sung.")
    other.get_by_role("button", name="Gửi trả lại").click()
    expect(page.locator(f"#{other_id}")).to_contain_text("Bị trả lại")
    expect(page.locator(f"#{other_id}")).to_contain_text("Thiếu minh chứng")

    page.goto(f"/?plan={plan_id}")
    expect(page.locator("#tally")).to_have_text("1/5 chỉ tiêu hoàn thành")
    # Filters work through HTMX: only the unit's indicator remains.
    page.get_by_label("Đơn vị", exact=True).select_option(label="Sở Tài chính")
    expect(page.locator("#target-rows tbody tr")).to_have_count(1)
    expect(page.locator("#target-rows")).to_contain_text("Thu ngân sách")
    assert "unit=" in page.url
    shoot(page, "08-tong-quan-sau-duyet")

    page.locator("#target-rows").get_by_role("link", name=re.compile("Thu ngân sách")).click()
    expect(page.locator("#source-sentence")).to_contain_text("Dòng 17")
    expect(page.locator("#updates")).to_contain_text("1.234,5")
    expect(page.locator("#updates")).to_contain_text("Đã duyệt")
    expect(page.locator("#overall-status")).not_to_have_text("Chưa có số liệu")
    shoot(page, "09-chi-tieu")
    logout(page)


def _leader_reads(page: Any, plan_id: int) -> None:
    login(page, "lanhdao", "lanhdao")
    page.goto(f"/?plan={plan_id}")
    expect(page.locator("#tally")).to_have_text("1/5 chỉ tiêu hoàn thành")
    nav = page.get_by_role("navigation", name="Chức năng chính")
    expect(nav).not_to_contain_text("Phê duyệt")
    expect(nav).not_to_contain_text("Việc của tôi")
    shoot(page, "10-tong-quan-lanh-dao")
    with page.expect_download() as download:  # the report comes from the API, with the session cookie
        page.get_by_role("link", name="Excel (.xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.get_by_role("link", name="Văn bản", exact=True).click()
    expect(page.get_by_text("Tải văn bản lên")).to_have_count(0)
    page.goto("/phe-duyet")
    expect(page.get_by_role("heading", name="Không có quyền truy cập")).to_be_visible()
    shoot(page, "11-khong-co-quyen")
    logout(page)


def _inspector_reads_the_history(page: Any, plan_id: int) -> None:
    login(page, "kiemtra", "kiemtra")
    page.goto(f"/?plan={plan_id}")
    page.locator("#target-rows").get_by_role("link", name=re.compile("Thu ngân sách")).click()
    history = page.locator("#audit")
    expect(history).to_contain_text("duyệt báo cáo")
    expect(history).to_contain_text("gửi duyệt")
    expect(history).to_contain_text("giao việc (chủ trì)")
    shoot(page, "17-chi-tieu-lich-su")
    logout(page)


def test_whole_cycle_as_each_role(page: Any) -> None:
    plan_id = _office_uploads_reviews_confirms_assigns(page)
    _unit_enters_a_figure(page, plan_id)
    _office_approves(page, plan_id)
    _leader_reads(page, plan_id)
    _inspector_reads_the_history(page, plan_id)


def test_other_pages_render_without_leaving_the_machine(page: Any, requests_seen: Any) -> None:
    page.goto("/dang-nhap")
    shoot(page, "00-dang-nhap")
    login(page, "vanphong", "vanphong")
    for name, path in (
        ("12-chi-tieu-danh-sach", "/chi-tieu"),
        ("13-nhiem-vu-danh-sach", "/nhiem-vu"),
        ("14-don-vi", "/don-vi"),
        ("15-nhiem-vu", "/nhiem-vu/1"),
        ("16-ra-soat-seed", "/van-ban/1"),
    ):
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        shoot(page, name)
    # The listener sees the page's own assets, so the teardown check (nothing left 127.0.0.1) means something.
    assert any(url.endswith("/static/htmx.min.js") for url in requests_seen.urls)
    assert any(url.endswith("/static/app.css") for url in requests_seen.urls)


def test_keyboard_reaches_login_fields_in_order(page: Any) -> None:
    page.goto("/dang-nhap")
    expect(page.get_by_label("Tên đăng nhập")).to_be_focused()  # autofocus
    page.keyboard.type("vanphong")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Mật khẩu")).to_be_focused()
    page.keyboard.type("vanphong")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Đăng nhập")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#tally")).to_contain_text("chỉ tiêu hoàn thành")
