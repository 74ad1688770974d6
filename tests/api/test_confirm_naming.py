"""POST /documents/{id}/plan takes the title, number and issuer the extraction missed (issue 10 point 4)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import MakeUser, login

TEXT = ("NGHỊ QUYẾT\n\nI. CHỈ TIÊU\n1. Tốc độ tăng trưởng GRDP đạt 7%.\n"
        "2. Thu ngân sách nhà nước đạt 12.000 tỷ đồng.\n")


def test_confirm_with_the_missing_names(api_client: TestClient, make_user: MakeUser) -> None:
    make_user("vanphong", "office")
    office = login(api_client, "vanphong")
    up = api_client.post("/api/v1/documents", headers=office,
                         files={"file": ("h04_nq-57-tw.txt", TEXT.encode(), "text/plain")})
    assert up.status_code == 200 and up.json()["extraction"]["metadata"]["title"] is None
    done = api_client.post(f"/api/v1/documents/{up.json()['id']}/plan", headers=office,
                           json={"title": "về đột phá khoa học, công nghệ", "number": "57-NQ/TW",
                                 "issuer": "Bộ Chính trị"})
    assert done.status_code == 200, done.text
    plan = api_client.get(f"/api/v1/plans/{done.json()['plan_id']}", headers=office).json()
    assert (plan["title"], plan["number"], plan["issuer"]) == ("về đột phá khoa học, công nghệ", "57-NQ/TW",
                                                               "Bộ Chính trị")
