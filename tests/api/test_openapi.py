"""The OpenAPI schema: valid, served with vendored Swagger UI, and the read routes hold to it
for any input Schemathesis generates (never a 500, bodies as documented)."""

from __future__ import annotations

from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from nghiquyet.config import Settings
from nghiquyet.web.app import create_app

from .world import World


def test_docs_page_uses_vendored_assets(api_client: TestClient) -> None:
    page = api_client.get("/docs")
    assert page.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in page.text and "cdn" not in page.text.lower()
    assert api_client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert api_client.get("/static/swagger/swagger-ui.css").status_code == 200


def test_every_required_route_is_documented(api_client: TestClient) -> None:
    paths = api_client.get("/openapi.json").json()["paths"]
    for path, method in [("/api/v1/health", "get"), ("/api/v1/auth/login", "post"),
                         ("/api/v1/documents", "post"), ("/api/v1/documents/{document_id}/plan", "post"),
                         ("/api/v1/plans/{plan_id}", "get"), ("/api/v1/plans/{plan_id}/status", "get"),
                         ("/api/v1/units", "post"), ("/api/v1/users", "post"),
                         ("/api/v1/assignments", "post"),
                         ("/api/v1/updates", "post"), ("/api/v1/updates/{update_id}/submit", "post"),
                         ("/api/v1/updates/{update_id}/approve", "post"),
                         ("/api/v1/updates/{update_id}/return", "post"), ("/api/v1/audit", "get")]:
        assert method in paths[path], (path, method)


def _openapi() -> dict[str, Any]:
    # The schema needs no database: an app on an in-memory URL that is never connected to.
    return create_app(Settings(database_url="sqlite://")).openapi()


READ_ROUTES = schemathesis.openapi.from_dict(_openapi()).include(method="GET")


@READ_ROUTES.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_read_routes_hold_to_the_schema(case: Any, shared_world: tuple[World, TestClient]) -> None:
    world, client = shared_world
    # Signed in as an inspector: reads everything, including the audit trail.
    kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=world.headers("inspector"))
    if not kwargs.get("cookies"):
        kwargs.pop("cookies", None)  # per-request cookies are deprecated in Starlette's client
    response = client.request(**kwargs)
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
