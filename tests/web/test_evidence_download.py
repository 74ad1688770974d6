"""Uploaded evidence is always a download: an .html file with a script is saved, never rendered."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.web.conftest import PASSWORD, PlanWorld

HOSTILE = ("<!doctype html><html><body><script>fetch('/api/v1/users')</script>"
           "Biên bản</body></html>").encode()


def _upload(client: TestClient, pw: PlanWorld, filename: str, data: bytes) -> str:
    r = client.post(
        f"/viec-cua-toi/chi-tieu/{pw.target_id}",
        headers={"HX-Request": "true"},
        data={"plan": str(pw.plan_id), "period": "2025", "value": "1.300", "action": "submit"},
        files=[("evidence", (filename, data, "text/html"))],
    )
    assert r.status_code == 200, r.text
    match = re.search(r'href="/minh-chung/(\d+)"', r.text)
    assert match, r.text
    return match.group(1)


def _assert_download(response: object, filename: str) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert headers["content-type"] == "application/octet-stream"
    assert headers["content-disposition"].startswith("attachment;")
    assert filename in headers["content-disposition"]
    assert headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in headers["content-security-policy"]
    assert response.content == HOSTILE  # type: ignore[attr-defined]


def test_html_evidence_is_served_as_an_attachment_with_nosniff(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    evidence_id = _upload(client, plan_world, "bao-cao.html", HOSTILE)
    _assert_download(client.get(f"/minh-chung/{evidence_id}"), "bao-cao.html")
    # The API's download answers the same way, for a script with a bearer token.
    client.cookies.clear()
    login = client.post("/api/v1/auth/login", json={"username": "sokhdt", "password": PASSWORD})
    token = login.json()["token"]
    client.cookies.clear()
    api = client.get(f"/api/v1/updates/evidence/{evidence_id}", headers={"Authorization": f"Bearer {token}"})
    _assert_download(api, "bao-cao.html")


def test_svg_evidence_is_not_served_as_an_image(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld
) -> None:
    sign_in("sokhdt")
    evidence_id = _upload(client, plan_world, "so-do.svg", HOSTILE)
    response = client.get(f"/minh-chung/{evidence_id}")
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment;")
