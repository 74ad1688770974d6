"""Items read from a page on one line (an inline "(1) … (2) …" list) are marked at their place in the
source on the review screen: the <mark> holds the item's own words and is scrolled into view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import login, shoot

# Our own wording, the whole page on one line as a copy from a web page gives it.
ONE_LINE = (
    "NGHỊ QUYẾT VỀ PHÁT TRIỂN KINH TẾ - XÃ HỘI XÃ AN PHÚ NĂM 2031 Hội đồng nhân dân xã quyết nghị các "
    "chỉ tiêu chủ yếu năm 2031: (1) Tốc độ tăng giá trị sản xuất đạt 9%; (2) Thu nhập bình quân đầu "
    "người đạt 82 triệu đồng; (3) Tỷ lệ hộ nghèo giảm còn 0,8%; (4) Tỷ lệ người dân tham gia bảo hiểm "
    "y tế đạt 96%.\n"
)


def test_items_of_a_one_line_page_are_marked_at_their_place(page: Any, tmp_path: Path) -> None:
    doc = tmp_path / "an-phu-mot-dong-2031.txt"
    doc.write_text(ONE_LINE, encoding="utf-8")
    login(page, "vanphong", "vanphong")
    page.get_by_role("link", name="Văn bản", exact=True).click()
    page.get_by_label("Chọn một hoặc nhiều tệp").set_input_files(str(doc))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    expect(page.locator("#doc-area")).to_contain_text("Đã nhập “an-phu-mot-dong-2031.txt”: 4 chỉ tiêu")
    page.get_by_role("link", name="Rà soát ngay").first.click()  # the list names documents by title
    expect(page.get_by_role("heading", name="Rà soát kết quả trích xuất")).to_be_visible()

    page.set_viewport_size({"width": 390, "height": 500})  # the one long line wraps over many screen lines
    items = ((1, "Thu nhập bình quân đầu người đạt 82 triệu đồng"), (3, "Tỷ lệ người dân tham gia"))
    for index, words in items:
        page.locator(f"#item-indicator-{index} .item-show").click()
        mark = page.locator("#L1 mark.hl-span")
        expect(mark).to_have_count(1)  # the earlier item's mark is gone
        expect(mark).to_contain_text(words)
        assert mark.inner_text().startswith(words.split()[0])
        # The mark stands where the item is in the line, not at the line's start.
        before = page.evaluate("document.querySelector('#L1 mark.hl-span').previousSibling.textContent")
        assert before.endswith(f"({index + 1}) ")
        expect(page.locator("#hl-status")).to_contain_text("từ ký tự")
        page.wait_for_function(
            "(() => { const r = document.querySelector('#L1 mark.hl-span').getBoundingClientRect();"
            " const s = document.getElementById('source').getBoundingClientRect();"
            " return r.top >= s.top && r.bottom <= s.bottom + 1; })()"
        )
    # The source text itself is unchanged by marking: the line reads as the file does.
    assert page.locator("#L1 .tx").inner_text() == ONE_LINE.strip()
    shoot(page, "ra-soat-mot-dong")
