"""Passwords in a real browser: every user changes their own (old password, the new one twice, the
rules said in Vietnamese), and the administrator resets another's: that user's sessions end at once
and, signed in with the temporary password, they must choose their own before any other page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session

from nghiquyet.accounts.service import create_user
from nghiquyet.config import Settings
from nghiquyet.units.models import Unit
from nghiquyet.units.service import place
from tests.browser.helpers import login, logout
from tests.browser.own_site import open_page, own_site

PASSWORD = "matkhau-cu-1"
ADMIN, OFFICE, CHANGER, FORGETFUL = "qt.thu", "vp.thu", "cb.doi", "cb.quen"


def _build(session: Session, settings: Settings) -> None:
    unit = Unit(name="Sở Thử mật khẩu", code="SMK", kind="so")
    place(session, unit, None)
    session.flush()
    create_user(session, username=ADMIN, password=PASSWORD, role="admin", unit_id=None, actor=None)
    create_user(session, username=OFFICE, password=PASSWORD, role="office", unit_id=None, actor=None)
    for name in (CHANGER, FORGETFUL):
        create_user(session, username=name, password=PASSWORD, role="unit", unit_id=unit.id, actor=None,
                    full_name=f"Cán bộ {name}")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    with own_site(tmp_path_factory.mktemp("nq-passwords"), _build) as url:
        yield url


def _submit(page: Any, current: str, new: str, again: str) -> None:
    page.get_by_label("Mật khẩu hiện tại").fill(current)
    page.get_by_label("Mật khẩu mới", exact=True).fill(new)
    page.get_by_label("Nhập lại mật khẩu mới").fill(again)
    page.get_by_role("button", name="Đổi mật khẩu").click()


def _signed_out(page: Any) -> None:
    page.goto("/")
    page.wait_for_url("**/dang-nhap**")


def test_a_user_changes_their_own_password_and_their_other_sessions_end(browser: Any, site: str) -> None:
    with open_page(browser, site) as other, open_page(browser, site) as page:
        login(other, CHANGER, PASSWORD)  # the same person, signed in on another machine
        login(page, CHANGER, PASSWORD)
        page.get_by_role("link", name="Đổi mật khẩu").click()
        page.wait_for_url("**/doi-mat-khau")
        rules = page.locator("#password-rules")
        expect(rules).to_contain_text("Ít nhất 6 ký tự.")
        expect(rules).to_contain_text("Khác mật khẩu hiện tại.")
        expect(rules).to_contain_text("Nhập mật khẩu mới hai lần giống nhau.")
        error = page.locator("#password-error")
        _submit(page, "sai-mat-khau", "matkhau-moi-2", "matkhau-moi-2")
        expect(error).to_have_text("Mật khẩu hiện tại không đúng.")
        _submit(page, PASSWORD, "matkhau-moi-2", "matkhau-moi-3")
        expect(error).to_have_text("Hai lần nhập mật khẩu mới không giống nhau.")
        _submit(page, PASSWORD, "ngan", "ngan")
        expect(error).to_have_text("Mật khẩu phải có ít nhất 6 ký tự.")
        _submit(page, PASSWORD, PASSWORD, PASSWORD)
        expect(error).to_have_text("Mật khẩu mới phải khác mật khẩu hiện tại.")
        _submit(page, PASSWORD, CHANGER, CHANGER)
        expect(error).to_have_text("Mật khẩu không được trùng tên đăng nhập.")
        expect(error).to_have_attribute("role", "alert")
        _submit(page, PASSWORD, "matkhau-moi-2", "matkhau-moi-2")
        expect(page.locator("#password-done")).to_contain_text("Đã đổi mật khẩu")
        page.goto("/viec-cua-toi")  # this session goes on
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert "/dang-nhap" not in page.url
        _signed_out(other)  # the other one has ended
        logout(page)
        page.get_by_label("Tên đăng nhập").fill(CHANGER)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.locator("#login-error")).to_contain_text("không đúng")  # the old one no longer opens
        login(page, CHANGER, "matkhau-moi-2")


def test_an_admin_reset_ends_the_users_sessions_and_forces_a_new_password(browser: Any, site: str) -> None:
    with open_page(browser, site) as victim, open_page(browser, site) as admin:
        login(victim, FORGETFUL, PASSWORD)
        login(admin, ADMIN, PASSWORD)
        admin.get_by_role("navigation", name="Chức năng chính").get_by_role("link", name="Tài khoản").click()
        row = admin.locator("tr", has_text=FORGETFUL)
        row.get_by_label(f"Mật khẩu tạm cho {FORGETFUL}").fill("tam")
        row.get_by_role("button", name="Đặt lại").click()  # too short: refused, said in the row
        expect(admin.locator("tr", has_text=FORGETFUL).locator(".field-error")).to_have_text(
            "Mật khẩu phải có ít nhất 6 ký tự.")
        row = admin.locator("tr", has_text=FORGETFUL)
        row.get_by_label(f"Mật khẩu tạm cho {FORGETFUL}").fill("tam-thoi-123")
        row.get_by_role("button", name="Đặt lại").click()
        expect(admin.locator("#reset-done")).to_contain_text(f"Đã đặt mật khẩu tạm cho Cán bộ {FORGETFUL}")
        expect(admin.locator("tr", has_text=FORGETFUL)).to_contain_text("chờ người dùng đổi")

        _signed_out(victim)  # the reset ended the session at once
        login(victim, FORGETFUL, "tam-thoi-123")
        victim.wait_for_url("**/doi-mat-khau")
        expect(victim.locator("#password-forced")).to_contain_text("mật khẩu tạm do quản trị viên đặt")
        victim.goto("/viec-cua-toi")  # no other page until the password is the user's own
        victim.wait_for_url("**/doi-mat-khau")
        api = victim.request.get("/api/v1/plans")
        assert api.status == 403 and "đổi mật khẩu" in api.json()["detail"]
        _submit(victim, "tam-thoi-123", "cua-rieng-toi-9", "cua-rieng-toi-9")
        expect(victim.locator("#password-done")).to_be_visible()
        expect(victim.locator("#password-forced")).to_have_count(0)
        victim.goto("/viec-cua-toi")
        assert "/doi-mat-khau" not in victim.url and "/dang-nhap" not in victim.url
        assert victim.request.get("/api/v1/plans").status == 200


def test_only_the_administrator_may_reset_another_users_password(browser: Any, site: str) -> None:
    with open_page(browser, site) as page:
        login(page, OFFICE, PASSWORD)
        expect(page.get_by_role("navigation", name="Chức năng chính").get_by_role(
            "link", name="Tài khoản")).to_have_count(0)
        response = page.goto("/tai-khoan")
        assert response is not None and response.status == 403
        expect(page.locator("main")).to_contain_text("Chỉ quản trị viên")
