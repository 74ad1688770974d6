"""Fixing a badly read document on the review screen in chromium: the quick target editor (Tab
across fields and into a new row, Vietnamese numbers, errors per row), split, convert.

The module serves its own database (one office account); each test uploads its own document, so
nothing here writes into the demo database the other browser tests share.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import hash_password
from nghiquyet.config import Settings
from tests.browser.helpers import DESKTOP, PHONE, fits_the_phone, login, shoot
from tests.browser.own_site import own_site
from tests.factories import REVIEW_PLAN

_numbers = itertools.count(11)


def _office(session: Session, _settings: Settings) -> None:
    session.add(
        User(
            username="vanphong",
            password_hash=hash_password("vanphong"),
            role="office",
            full_name="Cán bộ Văn phòng",
        )
    )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's own site: a fresh SQLite database holding one office account."""
    with own_site(tmp_path_factory.mktemp("nq-review"), _office) as url:
        yield url


def _open_review(page: Any, tmp_path: Path, text: str = REVIEW_PLAN) -> None:
    """Sign in, upload a document of this test's own (its number makes the bytes unique), open its review."""
    n = next(_numbers)
    doc = tmp_path / f"an-phu-{n}.txt"
    doc.write_text(text.replace("Số 07-NQ/ĐU", f"Số {n}-NQ/ĐU"), encoding="utf-8")
    login(page, "vanphong", "vanphong")
    page.goto("/van-ban")
    page.get_by_label("Chọn một hoặc nhiều tệp").set_input_files(str(doc))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    expect(page.locator("#doc-area")).to_contain_text(f"Đã nhập “{doc.name}”")
    page.locator("#doc-area .flash-ok").get_by_role("link", name="Rà soát ngay").click()
    expect(page.get_by_role("heading", name="Rà soát kết quả trích xuất")).to_be_visible()


def _focused_label(page: Any) -> str:
    return str(
        page.evaluate(
            "document.activeElement.getAttribute('aria-label') || document.activeElement.textContent"
        )
    )


def test_quick_editor_tab_walks_the_row_and_opens_a_new_one(page: Any, tmp_path: Path) -> None:
    _open_review(page, tmp_path)
    item = page.locator("#item-indicator-1")
    item.get_by_role("button", name="Nhập nhanh mức chỉ tiêu").click()
    editor = page.locator("#item-indicator-1 form[data-quick-targets]")
    expect(editor).to_be_visible()
    # The two targets read by the extractor, and an empty third row where the cursor waits.
    expect(editor.locator("[data-rows] [data-row]")).to_have_count(3)
    expect(editor.get_by_label("Giá trị, dòng 1")).to_have_value("5")
    expect(editor.get_by_label("Nội dung đo, dòng 3")).to_be_focused()

    page.keyboard.type("Tốc độ tăng trưởng tín dụng")
    page.keyboard.press("Tab")
    assert _focused_label(page) == "So sánh, dòng 3"
    page.locator(":focus").select_option("gte")
    page.keyboard.press("Tab")
    assert _focused_label(page) == "Giá trị, dòng 3"
    page.keyboard.type("7,2")
    page.keyboard.press("Tab")
    assert _focused_label(page) == "Đơn vị, dòng 3"
    page.keyboard.type("%")
    page.keyboard.press("Tab")
    assert _focused_label(page) == "Năm, dòng 3"
    expect(page.locator(":focus")).to_have_value("2027")  # the plan's year, ready to keep or retype
    page.keyboard.type("2026")  # Tab selected the year: typing replaces it
    page.keyboard.press("Tab")  # past the last field of the last row: a new row, cursor in it
    expect(editor.locator("[data-rows] [data-row]")).to_have_count(4)
    assert _focused_label(page) == "Nội dung đo, dòng 4"
    page.keyboard.type("Sản lượng lương thực")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # "=" stays
    page.keyboard.type("14.150")
    page.keyboard.press("Tab")
    page.keyboard.type("tấn")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the year 2027 stays; a fifth row opens
    expect(editor.locator("[data-rows] [data-row]")).to_have_count(5)
    for _ in range(4):
        page.keyboard.press("Tab")
    assert _focused_label(page) == "Năm, dòng 5"
    page.keyboard.press("Tab")  # from an empty last row Tab leaves the table: no sixth row
    expect(editor.locator("[data-rows] [data-row]")).to_have_count(5)
    assert _focused_label(page) == "Lưu các mức"
    shoot(page, "ra-soat-nhap-nhanh-muc")
    page.set_viewport_size(PHONE)  # on a phone each row is a card; nothing scrolls sideways
    fits_the_phone(page)
    page.set_viewport_size(DESKTOP)
    editor.get_by_role("button", name="Lưu các mức").focus()
    page.keyboard.press("Enter")

    saved = page.locator("#item-indicator-1")
    expect(saved.locator("form")).to_have_count(0)
    expect(saved).to_have_class(re.compile(r"\bjust-changed\b"))
    targets = saved.locator("ul.small li")
    expect(targets).to_have_count(4)
    expect(targets.nth(2)).to_have_text("Tốc độ tăng trưởng tín dụng: ≥ 7,2 % (năm 2026)")
    expect(targets.nth(3)).to_have_text("Sản lượng lương thực: 14.150 tấn (năm 2027)")
    page.reload()  # stored, not just shown
    expect(page.locator("#item-indicator-1 ul.small li")).to_have_count(4)


def test_quick_editor_marks_each_wrong_row_in_vietnamese_and_saves_nothing(page: Any, tmp_path: Path) -> None:
    _open_review(page, tmp_path)
    page.locator("#item-indicator-0").get_by_role("button", name="Nhập nhanh mức chỉ tiêu").click()
    editor = page.locator("#item-indicator-0 form[data-quick-targets]")
    editor.get_by_role("button", name="Thêm dòng").click()  # the mouse's way to a new row
    expect(editor.locator("[data-rows] [data-row]")).to_have_count(4)
    expect(editor.get_by_label("Nội dung đo, dòng 4")).to_be_focused()
    editor.get_by_label("Giá trị, dòng 1").fill("9,5,1")
    editor.get_by_label("Nội dung đo, dòng 3").fill("Số xã đạt chuẩn")
    editor.get_by_label("Giá trị, dòng 3").fill("3")
    editor.get_by_label("Năm, dòng 3").fill("227")
    editor.get_by_role("button", name="Lưu các mức").click()

    editor = page.locator("#item-indicator-0 form[data-quick-targets]")
    expect(editor.get_by_role("alert")).to_have_text(
        "Chưa lưu mức nào: 2 dòng có lỗi, xem ghi chú dưới từng dòng."
    )
    expect(editor.locator("#qt-err-0-1")).to_have_text(
        re.compile(r"Dòng 1: Giá trị “9,5,1” không phải là số")
    )
    expect(editor.locator("#qt-err-0-3")).to_have_text(re.compile(r"Dòng 3: Năm “227” không hợp lệ"))
    expect(editor.get_by_label("Giá trị, dòng 1")).to_have_attribute("aria-invalid", "true")
    expect(editor.get_by_label("Giá trị, dòng 1")).to_be_focused()  # the cursor goes to the first mistake
    expect(editor.get_by_label("Nội dung đo, dòng 3")).to_have_value(
        "Số xã đạt chuẩn"
    )  # what was typed stays
    shoot(page, "ra-soat-nhap-nhanh-loi")
    page.reload()
    expect(page.locator("#item-indicator-0 ul.small li")).to_have_text(
        [
            "Tốc độ tăng giá trị sản xuất: 9 % (năm 2027)",
            "Thu nhập bình quân đầu người: 82 triệu đồng (năm 2027)",
        ]
    )


def test_split_keeps_each_parts_line_and_a_chosen_grouping(page: Any, tmp_path: Path) -> None:
    three = REVIEW_PLAN.replace("đạt 82 triệu đồng.", "đạt 82 triệu đồng. Tỷ lệ hộ nghèo giảm còn 0,8%.")
    _open_review(page, tmp_path, three)
    # The item over lines 7-8: the suggested cut is at the new line after ";".
    page.locator("#item-indicator-1").get_by_role("button", name="Tách").click()
    form = page.locator("#item-indicator-1 form").first
    expect(form.get_by_label("Phần 1 thuộc mục")).to_have_value("1")
    expect(form.get_by_label("Phần 2 thuộc mục")).to_have_value("2")
    expect(form).to_contain_text("Dòng 8")
    form.get_by_role("button", name="Tách thành các mục").click()
    expect(page.locator("#items [role=status]")).to_have_text(
        "Đã tách chỉ tiêu thành 2 mục; mỗi mục giữ dòng nguồn của phần mình."
    )
    expect(page.locator("#indicator-items > li")).to_have_count(3)
    second = page.locator("#item-indicator-2")
    expect(second).to_contain_text("tỷ lệ trường đạt chuẩn quốc gia đạt 80%.")
    expect(second).to_contain_text("Dòng 8")
    expect(second.locator("ul.small li")).to_have_text(["Tỷ lệ trường đạt chuẩn quốc gia: 80 % (năm 2027)"])
    second.locator(".item-show").click()  # its evidence is its own line
    expect(page.locator("#L8")).to_have_class(re.compile(r"\bhl\b"))
    expect(page.locator("#L7")).not_to_have_class(re.compile(r"\bhl\b"))

    # Three sentences; the person groups the first and the third.
    page.locator("#item-indicator-0").get_by_role("button", name="Tách").click()
    form = page.locator("#item-indicator-0 form").first
    form.get_by_label("Phần 3 thuộc mục").select_option("1")
    form.get_by_role("button", name="Tách thành các mục").click()
    expect(page.locator("#indicator-items > li")).to_have_count(4)
    expect(page.locator("#item-indicator-0 .item-show")).to_contain_text(
        "Tốc độ tăng giá trị sản xuất đạt 9%. Tỷ lệ hộ nghèo giảm còn 0,8%."
    )
    expect(page.locator("#item-indicator-1 .item-show")).to_contain_text(
        "Thu nhập bình quân đầu người đạt 82 triệu đồng."
    )
    shoot(page, "ra-soat-tach-muc")

    # One sentence: the reader puts a line break where the item should be cut.
    page.locator("#item-task-0").get_by_role("button", name="Tách").click()
    own = page.locator("#item-task-0").get_by_label("Nội dung của mục, xuống dòng ở mỗi chỗ muốn tách")
    expect(own).to_be_visible()  # open at once: there is no sentence to cut at
    own.fill("Đẩy mạnh chuyển đổi số trong cơ quan đảng,\nchính quyền.")
    page.get_by_role("button", name="Tách theo các dòng").click()
    expect(page.locator("#task-items > li")).to_have_count(3)
    expect(page.locator("#item-task-1 .item-show")).to_contain_text("chính quyền.")
    expect(page.locator("#item-task-1")).to_contain_text("Dòng 10")


def test_convert_a_task_to_an_indicator_and_an_indicator_back_to_a_task(page: Any, tmp_path: Path) -> None:
    _open_review(page, tmp_path)
    page.locator("#item-task-1").get_by_role("button", name="Chuyển thành chỉ tiêu").click()
    expect(page.locator("#items [role=status]")).to_have_text(
        "Đã chuyển nhiệm vụ thành chỉ tiêu. Đọc được 1 mức chỉ tiêu từ nội dung; hãy kiểm tra lại."
    )
    expect(page.locator("#task-items > li")).to_have_count(1)
    moved = page.locator("#item-indicator-2")
    expect(moved).to_have_class(re.compile(r"\bjust-changed\b"))
    expect(moved.locator("ul.small li")).to_have_text([re.compile(r"bảo hiểm y tế: 96 % \(năm 2027\)$")])
    expect(moved).to_contain_text("Dòng 11")

    page.once("dialog", lambda dialog: dialog.accept())  # "… 2 mức chỉ tiêu của nó sẽ không còn theo dõi."
    page.locator("#item-indicator-0").get_by_role("button", name="Chuyển thành nhiệm vụ").click()
    expect(page.locator("#items [role=status]")).to_have_text(
        "Đã chuyển chỉ tiêu thành nhiệm vụ. 2 mức chỉ tiêu của nó không còn theo dõi."
    )
    expect(page.locator("#task-items > li")).to_have_count(2)
    expect(page.locator("#item-task-0")).to_contain_text("Tốc độ tăng giá trị sản xuất đạt 9%.")
    expect(page.locator("#item-task-0")).to_contain_text("Dòng 6")
    page.reload()
    expect(page.locator("#indicator-items > li")).to_have_count(2)
