"""Sổ tay đảng viên at 390 px in chromium: a unit's documents, the text with its items, search, offline."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.browser.helpers import PHONE, fits_the_phone, login, shoot


def _open_first_document(page: Any) -> str:
    page.goto("/so-tay")
    expect(page.get_by_role("heading", name="Văn bản của đồng chí")).to_be_visible()
    first = page.locator("#hb-docs a.hb-doc").first
    expect(first).to_contain_text("Đơn vị chủ trì")
    first.click()
    page.wait_for_url(re.compile(r"/so-tay/\d+$"))
    return str(page.url)


def test_a_unit_reads_its_document_on_a_phone_and_searches_without_diacritics(page: Any) -> None:
    page.set_viewport_size(PHONE)
    login(page, "sotaichinh", "sotaichinh")
    page.get_by_role("link", name="Sổ tay").click()
    _open_first_document(page)
    mine = page.locator("#hb-mine li")
    expect(mine.first).to_contain_text("chủ trì")
    expect(mine.first).to_contain_text("Hạn báo cáo")
    assert page.locator("#hb-text .hb-line.hb-target").count() > 0
    assert page.locator("#hb-text .hb-line.hb-task").count() > 0
    assert page.locator("#hb-text .hb-line.hb-own").count() >= mine.count()
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#hb-text .hb-line')).fontSize)")
    assert font >= 18, f"reading text is {font} px"  # large type
    fits_the_phone(page)

    page.get_by_label("Tìm trong văn bản").press_sequentially("ngan sach")  # no diacritics
    hits = page.locator("#hb-text mark.hb-hit")
    expect(hits.first).to_be_visible()
    assert hits.count() > 1
    assert all(re.fullmatch(r"ngân sách", h, re.IGNORECASE) for h in hits.all_inner_texts())
    expect(page.locator("#hb-found")).to_have_text(re.compile(r"^1/\d+ kết quả$"))
    page.get_by_role("button", name="Kết quả sau").click()
    expect(page.locator("#hb-found")).to_have_text(re.compile(r"^2/\d+ kết quả$"))
    expect(page.locator("#hb-text mark.hb-current")).to_have_count(1)
    fits_the_phone(page)
    shoot(page, "23-so-tay")
    page.set_viewport_size(PHONE)

    mine.first.get_by_role("link", name="Xem trong văn bản").click()
    assert re.search(r"#L\d+$", page.url)
    target = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{target}")).to_have_class(re.compile(r"\bhb-own\b"))


def test_the_last_opened_document_reads_offline_from_the_service_worker(page: Any) -> None:
    page.set_viewport_size(PHONE)
    manifest = page.request.get("/static/handbook.webmanifest").json()
    assert manifest["start_url"] == "/so-tay" and manifest["scope"] == "/so-tay"
    sw = page.request.get("/sw.js")
    assert sw.ok and "javascript" in sw.headers["content-type"]
    login(page, "sotaichinh", "sotaichinh")
    url = _open_first_document(page)
    title = page.locator("#hb-title").inner_text()
    # The worker installs, stores the page and takes control: slow on a loaded machine, hence 60 s.
    expect(page.locator("html")).to_have_attribute("data-offline", "ready", timeout=60_000)
    expect(page.locator("#hb-saved")).to_contain_text("Đã lưu trang này")
    assert page.evaluate("navigator.serviceWorker.controller !== null")

    page.context.set_offline(True)
    try:
        response = page.reload(timeout=60_000)
        assert response is not None and response.from_service_worker
        assert response.headers.get("x-nghiquyet-offline") == "1"  # the stored copy, not the server
        assert page.url == url
        expect(page.locator("#hb-title")).to_have_text(title)
        expect(page.locator("#hb-offline")).to_be_visible()
        page.get_by_label("Tìm trong văn bản").press_sequentially("nhiem vu")  # the search works offline too
        expect(page.locator("#hb-text mark.hb-hit").first).to_be_visible()
        fits_the_phone(page)
    finally:
        page.context.set_offline(False)
