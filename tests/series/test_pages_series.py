"""Pages: the item's series section (members, chart with the term target line) and the proposals list."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.config import Settings
from nghiquyet.demo.appendix import enter_appendix_budget
from nghiquyet.documents.models import Document
from nghiquyet.documents.naming import citation_name
from nghiquyet.series.service import refresh
from tests.api.conftest import login, password_hash
from tests.series.conftest import SeedWorld, build_seed_world

HTMX = {"HX-Request": "true"}


def _name(factory: sessionmaker[Session], filename: str) -> str:
    """What pages call a seed document (its number or title; the file name stays in the API)."""
    with factory() as session:
        return citation_name(session.scalars(select(Document).where(Document.filename == filename)).one())


@pytest.fixture
def world(settings: Settings, session_factory: sessionmaker[Session]) -> SeedWorld:
    with session_factory() as session:
        built = build_seed_world(session, settings, password_hash=password_hash())
        enter_appendix_budget(session, plan_id=built.plans["001"].id, actor=built.office)
        refresh(session, actor=built.office)  # what the web's imports and confirmations propose
        session.commit()
        return built


@pytest.fixture
def client(web_client: TestClient, world: SeedWorld) -> TestClient:
    web_client.headers.update(login(web_client, "vanphong"))
    return web_client


def test_item_page_loads_the_series_section_with_chart_and_term_target_line(
        client: TestClient, world: SeedWorld, session_factory: sessionmaker[Session]) -> None:
    budget = next(i for i in world.plans["000"].indicators if i.line == 187)
    page = client.get(f"/chi-tieu/{budget.id}")
    assert page.status_code == 200 and f'hx-get="/chi-tieu/{budget.id}/chuoi"' in page.text
    panel = client.get(f"/chi-tieu/{budget.id}/chuoi", headers=HTMX)
    assert panel.status_code == 200
    assert "000_29e2e8547b6387b0.txt" not in panel.text and "dòng 20<" not in panel.text  # 003: elsewhere
    name = _name(session_factory, "000_29e2e8547b6387b0.txt")
    # Two series hold the 2024 budget line: its amount (14.150 tỷ đồng, with 2026's) and its growth
    # (tăng 7%, with the term's 11–12% a year entered from the programme's appendix, line 76).
    for text in (name, "dòng 187", "dòng 76", "dòng 166", "Giai đoạn 2021–2025",
                 'class="series-chart"', 'class="target-line"', "Mục tiêu giai đoạn: 11–12<",
                 "chờ Văn phòng xác nhận"):
        assert text in panel.text, text
    series_id = panel.text.split('data-series="', 1)[1].split('"', 1)[0]
    confirmed = client.post(f"/chuoi/{series_id}/xac-nhan", data={"indicator": budget.id}, headers=HTMX)
    assert confirmed.status_code == 200 and "Đã xác nhận" in confirmed.text


def test_proposals_page_shows_the_sentence_and_the_conversion(client: TestClient, world: SeedWorld) -> None:
    page = client.get(f"/de-xuat?plan={world.plans['000'].id}")
    assert page.status_code == 200
    assert "quy đổi: 29,9% × 14.150 tỷ đồng = 4.230,85 tỷ đồng" in page.text
    assert "<q>Tăng trưởng kinh tế đạt 3%</q>" in page.text
    row_id = page.text.split('<tr id="p-', 1)[1].split('"', 1)[0]
    bad = client.post(f"/de-xuat/{row_id}/chap-nhan", data={"value": "ba phẩy một"}, headers=HTMX)
    assert "không hợp lệ" in bad.text
    ok = client.post(f"/de-xuat/{row_id}/chap-nhan", data={"value": "3,1"}, headers=HTMX)
    assert 'data-state="accepted"' in ok.text


def test_office_adds_a_directive_as_a_task_and_sees_the_judgement_read_back(
        client: TestClient, world: SeedWorld, session_factory: sessionmaker[Session]) -> None:
    page = client.get("/de-xuat")
    assert page.status_code == 200
    assert f"{_name(session_factory, '004_6cdd10a325536dcd.txt')}, dòng 154" in page.text
    assert "004_6cdd10a325536dcd" not in page.text and "30/04/2024" in page.text
    assert "16/19 chỉ tiêu hoàn thành và vượt kế hoạch" in page.text and "Chênh lệch" in page.text
    row_id = page.text.split('<tr id="d-', 1)[1].split('"', 1)[0]
    added = client.post(f"/nhiem-vu-de-xuat/{row_id}/chap-nhan", headers=HTMX)
    assert 'data-state="accepted"' in added.text and "Đã thêm nhiệm vụ" in added.text
    task_href = added.text.split('href="/nhiem-vu/', 1)[1].split('"', 1)[0]
    assert client.get(f"/nhiem-vu/{task_href}").status_code == 200
    undone = client.post(f"/nhiem-vu-de-xuat/{row_id}/hoan-tac", headers=HTMX)
    assert 'data-state="proposed"' in undone.text
