"""A cookie-signed request from another site is refused (Origin / Sec-Fetch-Site); the site's own
forms, scripts with a bearer token and non-browser clients keep working."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.tracking.models import Update
from nghiquyet.web.csrf import REFUSED, is_cross_site
from tests.web.conftest import PASSWORD, PlanWorld, World

EVIL = {"Origin": "http://evil.example"}
OWN = "http://testserver"  # TestClient's Host is "testserver"


def _stored(world: World) -> int:
    from nghiquyet.db import make_engine

    engine = make_engine(world.settings.resolved_database_url)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(Update)) or 0
    engine.dispose()
    return count


def _report(client: TestClient, pw: PlanWorld, headers: dict[str, str]) -> int:
    body = {"target_id": pw.target_id, "period": "2025", "value": 1300}
    return client.post("/api/v1/updates", json=body, headers=headers).status_code


def test_a_cross_site_form_post_with_the_cookie_is_refused_and_stores_nothing(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld, world: World
) -> None:
    sign_in("sokhdt")
    page = client.post(f"/viec-cua-toi/chi-tieu/{plan_world.target_id}", headers=EVIL,
                       data={"plan": str(plan_world.plan_id), "period": "2025", "value": "1.300",
                             "action": "submit"})
    assert page.status_code == 403
    assert REFUSED in page.text and page.headers["content-type"].startswith("text/html")
    api = client.post("/api/v1/updates", headers=EVIL,
                      json={"target_id": plan_world.target_id, "period": "2025", "value": 1300})
    assert api.status_code == 403 and api.json() == {"detail": REFUSED}
    assert _stored(world) == 0


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another party
    {"Sec-Fetch-Site": "cross-site", "Origin": OWN},  # the browser's verdict wins
    {"Origin": "null"},
    {"Origin": "http://testserver.evil.example"},
    {"Origin": "https://testserver:8443"},
], ids=["fetch-cross-site", "fetch-same-site", "fetch-beats-origin", "origin-null", "origin-lookalike",
        "origin-other-port"])
def test_every_cross_site_signal_is_refused(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld, headers: dict[str, str]
) -> None:
    sign_in("sokhdt")
    assert _report(client, plan_world, headers) == 403


@pytest.mark.parametrize("headers", [
    {"Sec-Fetch-Site": "same-origin", "Origin": OWN},  # what chromium sends from our own page
    {"Origin": OWN},
    {"Sec-Fetch-Site": "none"},
    {},  # curl or a script with its own cookie: not a browser, nothing to forge (csrf.py rule 5)
], ids=["same-origin", "origin-only", "user-navigation", "no-browser-headers"])
def test_the_sites_own_requests_pass(
    client: TestClient, sign_in: Callable[[str], None], plan_world: PlanWorld, headers: dict[str, str]
) -> None:
    sign_in("sokhdt")
    assert _report(client, plan_world, headers) == 200


def test_a_bearer_token_call_is_not_affected_by_origin(
    client: TestClient, plan_world: PlanWorld, world: World
) -> None:
    signed = client.post("/api/v1/auth/login", json={"username": "sokhdt", "password": PASSWORD})
    token = signed.json()["token"]
    client.cookies.clear()
    headers = {**EVIL, "Sec-Fetch-Site": "cross-site", "Authorization": f"Bearer {token}"}
    assert _report(client, plan_world, headers) == 200
    assert _stored(world) == 1


def test_a_forged_login_from_another_site_is_refused(client: TestClient) -> None:
    response = client.post("/dang-nhap", headers=EVIL, data={"username": "sokhdt", "password": PASSWORD})
    assert response.status_code == 403 and "nq_session" not in response.cookies


def test_reading_is_never_blocked(client: TestClient, sign_in: Callable[[str], None]) -> None:
    sign_in("vanphong")
    assert client.get("/", headers={**EVIL, "Sec-Fetch-Site": "cross-site"}).status_code == 200


def test_the_configured_base_url_is_an_own_origin() -> None:
    from starlette.datastructures import Headers

    proxied = Headers({"origin": "https://nghiquyet.tinhuy.vn", "host": "127.0.0.1:8000"})
    assert is_cross_site(proxied, frozenset())
    assert not is_cross_site(proxied, frozenset({"https://nghiquyet.tinhuy.vn"}))
