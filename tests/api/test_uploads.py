"""Uploads that cannot be used are refused with a Vietnamese reason, and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nghiquyet.config import Settings

from .conftest import MakeUser, login


def _stored_files(settings: Settings) -> list[Path]:
    root = settings.files_dir
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize(("name", "data", "words"), [
    ("trong.txt", b"", "rỗng"),
    ("bang-tinh.exe", b"MZ\x90\x00 khong phai van ban", "hỗ trợ"),
    ("khong-duoi", "NGHỊ QUYẾT".encode(), "hỗ trợ"),
])
def test_bad_upload_is_400_and_stores_nothing(api_client: TestClient, make_user: MakeUser,
                                              settings: Settings, name: str, data: bytes, words: str) -> None:
    make_user("vanphong", "office")
    office = login(api_client, "vanphong")
    response = api_client.post("/api/v1/documents", headers=office, files={"file": (name, data)})
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert words in detail and name in detail
    assert "/tmp" not in detail  # never a server path
    assert api_client.get("/api/v1/documents", headers=office).json() == []
    assert _stored_files(settings) == []


def test_upload_over_the_size_limit_is_refused(api_client: TestClient, make_user: MakeUser,
                                               settings: Settings) -> None:
    make_user("vanphong", "office")
    office = login(api_client, "vanphong")
    big = b"a" * (settings.max_upload_mb * 1_048_576 + 10)
    response = api_client.post("/api/v1/documents", headers=office, files={"file": ("lon.txt", big)})
    assert response.status_code == 413  # Content Too Large, with what to do
    assert "quá lớn" in response.json()["detail"] and "tách văn bản" in response.json()["detail"]
    assert _stored_files(settings) == []


def test_upload_without_a_file_field_is_422_in_vietnamese(api_client: TestClient,
                                                          make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    response = api_client.post("/api/v1/documents", headers=login(api_client, "vanphong"),
                               files={"tep": ("a.txt", b"abc")})
    assert response.status_code == 422
    assert "thiếu trường bắt buộc" in response.json()["detail"]


def test_same_file_twice_gives_the_same_document(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    office = login(api_client, "vanphong")
    data = "KẾ HOẠCH\nThu ngân sách đạt 1.000 tỷ đồng.\n".encode()
    first = api_client.post("/api/v1/documents", headers=office, files={"file": ("a.txt", data)}).json()
    second = api_client.post("/api/v1/documents", headers=office, files={"file": ("b.txt", data)}).json()
    assert first["id"] == second["id"]
    assert len(api_client.get("/api/v1/documents", headers=office).json()) == 1
