"""POST /api/v1/ask: readers get cited answers; bad questions get a clear 4xx, never a server error."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nghiquyet.demo import seeds_dir

from .conftest import MakeUser, login


@pytest.fixture
def reader(api_client: TestClient, make_user: MakeUser) -> dict[str, str]:
    make_user("vanphong", "admin")
    headers = login(api_client, "vanphong")
    for path in sorted(Path(seeds_dir()).glob("*.txt")):
        files = {"file": (path.name, path.read_bytes(), "text/plain")}
        assert api_client.post("/api/v1/documents", files=files, headers=headers).status_code == 200
    return headers


def test_ask_answers_with_the_source_line(api_client: TestClient, reader: dict[str, str]) -> None:
    response = api_client.post("/api/v1/ask", json={"question": "quy I tang truong kinh te dat bao nhieu"},
                               headers=reader)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["found"] is True
    assert "3%" in data["answer"]
    line = "quả tích cực: Tăng trưởng kinh tế đạt 3%; thu ngân sách nhà nước đạt 29,9% dự"
    assert data["citations"][0] == {"doc": "004_6cdd10a325536dcd.txt", "line": 41, "text": line}


def test_ask_needs_a_login(api_client: TestClient) -> None:
    assert api_client.post("/api/v1/ask", json={"question": "thu ngân sách"}).status_code == 401


@pytest.mark.parametrize("question", ["", "x" * 10_000, '"*-('])
def test_bad_questions_get_a_clear_message(api_client: TestClient, reader: dict[str, str],
                                           question: str) -> None:
    response = api_client.post("/api/v1/ask", json={"question": question}, headers=reader)
    assert 400 <= response.status_code < 500, response.text
    assert "Câu hỏi" in response.text
