"""GET /api/v1/plans/{id}/report: the same files through the API, for readers only."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import hash_password
from nghiquyet.config import Settings
from nghiquyet.web.app import create_app
from tests.reports.conftest import ReportPlan

PASSWORD = "matkhau-bao-cao"


@pytest.fixture
def client(db: Session, report_plan: ReportPlan, settings: Settings) -> Iterator[TestClient]:
    db.add(
        User(username="baocao", password_hash=hash_password(PASSWORD), role="leader", full_name="Lãnh đạo")
    )
    db.commit()
    app = create_app(settings)
    with TestClient(app) as c:
        token = c.post("/api/v1/auth/login", json={"username": "baocao", "password": PASSWORD}).json()[
            "token"
        ]
        c.cookies.clear()
        c.headers["Authorization"] = f"Bearer {token}"
        yield c
    app.state.engine.dispose()


def test_docx_download(client: TestClient, report_plan: ReportPlan) -> None:
    r = client.get(f"/api/v1/plans/{report_plan.plan.id}/report", params={"period": "2024", "format": "docx"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessing"
    )
    assert f'filename="bao-cao-ke-hoach-{report_plan.plan.id}-2024.docx"' in r.headers["content-disposition"]
    doc = docx.Document(io.BytesIO(r.content))
    assert doc.tables[1].rows[2].cells[3].text == "14.500"


def test_xlsx_and_pdf_downloads(client: TestClient, report_plan: ReportPlan) -> None:
    url = f"/api/v1/plans/{report_plan.plan.id}/report"
    x = client.get(url, params={"period": "2024", "format": "xlsx"})
    assert x.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(x.content))["Chỉ tiêu"].cell(5, 7).value == 14500
    p = client.get(url, params={"period": "2024-Q2", "format": "pdf"})
    assert (
        p.status_code == 200
        and p.content.startswith(b"%PDF")
        and p.headers["content-type"] == "application/pdf"
    )


def test_comparison_download(client: TestClient, report_plan: ReportPlan) -> None:
    r = client.get(
        f"/api/v1/plans/{report_plan.plan.id}/report",
        params={"period": "2024", "format": "xlsx", "compare": "2024-Q2"},
    )
    assert r.status_code == 200
    assert "so-voi-2024-Q2" in r.headers["content-disposition"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"period": "2024", "format": "odt"}, 400),
        ({"period": "2024-Q5", "format": "docx"}, 400),
        ({"period": "2024", "format": "pdf", "compare": "2023"}, 400),
    ],
)
def test_bad_requests_answer_in_vietnamese(
    client: TestClient, report_plan: ReportPlan, params: dict[str, str], status: int
) -> None:
    r = client.get(f"/api/v1/plans/{report_plan.plan.id}/report", params=params)
    assert r.status_code == status
    assert r.json()["detail"]


def test_unknown_plan_is_404_and_anonymous_is_401(client: TestClient) -> None:
    assert client.get("/api/v1/plans/999999/report", params={"period": "2024"}).status_code == 404
    del client.headers["Authorization"]
    assert client.get("/api/v1/plans/1/report", params={"period": "2024"}).status_code == 401
