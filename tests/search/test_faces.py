"""The search faces: GET /api/v1/search, the /tim-kiem page and `nghiquyet search` over the same index."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.accounts.models import User
from nghiquyet.cli import app as cli_app
from nghiquyet.config import Settings
from nghiquyet.documents.service import import_document
from tests.api.conftest import MakeUser, login

TEXT = "Kế hoạch năm 2024\nThu ngân sách nhà nước đạt 14.150 tỷ đồng <b>\nĐầu tư công\n"
HIT_KEYS = {"kind", "doc", "document_id", "line", "text", "snippet", "score", "item_id", "url"}


@pytest.fixture
def stored(session_factory: sessionmaker[Session], settings: Settings) -> int:
    with session_factory() as session:
        office = User(username="nhap", role="office", password_hash="")
        session.add(office)
        session.flush()
        doc = import_document(session, filename="ke-hoach.txt", data=TEXT.encode(), actor=office,
                              settings=settings)
        session.commit()
        return doc.id


def test_api_search_shape_and_link(api_client: TestClient, make_user: MakeUser, stored: int) -> None:
    make_user("lanhdao", "leader")
    headers = login(api_client, "lanhdao")
    response = api_client.get("/api/v1/search", params={"q": "thu ngan sach"}, headers=headers)
    assert response.status_code == 200, response.text
    hits = response.json()["hits"]
    assert len(hits) == 1 and set(hits[0]) == HIT_KEYS
    assert (hits[0]["doc"], hits[0]["line"], hits[0]["kind"]) == ("ke-hoach.txt", 2, "line")
    assert hits[0]["url"] == f"/van-ban/{stored}#L2"
    assert "<mark>ngân</mark>" in hits[0]["snippet"] and "&lt;b&gt;" in hits[0]["snippet"]
    assert "/api/v1/search" in api_client.get("/openapi.json").json()["paths"]


def test_api_search_needs_a_login(api_client: TestClient, stored: int) -> None:
    assert api_client.get("/api/v1/search", params={"q": "thu"}).status_code == 401


def test_api_search_unit_account_reads_like_documents(api_client: TestClient, make_user: MakeUser,
                                                      stored: int) -> None:
    make_user("donvi", "unit")
    headers = login(api_client, "donvi")
    assert api_client.get("/api/v1/search", params={"q": "dau tu"}, headers=headers).status_code == 200


@pytest.mark.parametrize("query", ["", "?!", "x" * 10_000, '"*-('])
def test_api_bad_queries_answer_400_in_vietnamese(api_client: TestClient, make_user: MakeUser,
                                                  query: str) -> None:
    make_user("lanhdao", "leader")
    headers = login(api_client, "lanhdao")
    response = api_client.get("/api/v1/search", params={"q": query}, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["detail"]


def test_page_lists_hits_with_marks_and_links(api_client: TestClient, make_user: MakeUser,
                                              stored: int) -> None:
    make_user("lanhdao", "leader")
    api_client.post("/api/v1/auth/login", json={"username": "lanhdao", "password": "matkhau123"})
    page = api_client.get("/tim-kiem", params={"q": "dau tu"})
    assert page.status_code == 200
    assert f'href="/van-ban/{stored}#L3"' in page.text and "<mark>Đầu</mark> <mark>tư</mark>" in page.text
    assert 'id="q-header"' in page.text
    bad = api_client.get("/tim-kiem", params={"q": "x" * 10_000})
    assert bad.status_code == 400 and "quá dài" in bad.text


def test_cli_search_json(settings: Settings, stored: int) -> None:
    runner = CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                            "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})
    result = runner.invoke(cli_app, ["search", "thu ngan sach", "--format", "json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert [(h["doc"], h["line"]) for h in hits] == [("ke-hoach.txt", 2)] and set(hits[0]) == HIT_KEYS
    text = runner.invoke(cli_app, ["search", "ĐẦU TƯ", "--kind", "line", "--doc", str(stored)])
    assert text.exit_code == 0 and "ke-hoach.txt:3" in text.output
    bad = runner.invoke(cli_app, ["search", '"*-('])
    assert bad.exit_code == 2 and "Lỗi:" in bad.output


@pytest.mark.parametrize(("path", "bad", "says"), [
    ("/tim-kiem", '"*-(', "dấu câu"), ("/tim-kiem", "x" * 10_000, "quá dài"),
    ("/tro-ly", '"*-(', "Câu hỏi không có chữ"), ("/tro-ly", "x" * 10_000, "quá dài"),
])
def test_pages_answer_bad_input_with_a_message_not_an_error(
        api_client: TestClient, make_user: MakeUser, stored: int, path: str, bad: str, says: str) -> None:
    make_user("lanhdao", "leader")
    api_client.post("/api/v1/auth/login", json={"username": "lanhdao", "password": "matkhau123"})
    page = api_client.get(path, params={"q": bad})
    assert page.status_code == 400, page.text[:300]
    assert says in page.text
    empty = api_client.get(path, params={"q": ""})
    assert empty.status_code == 200  # an empty box is the page itself, not an error
