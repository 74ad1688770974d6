"""Who may call what: one table of route × role, every cell a test (on SQLite and PostgreSQL).

`unit_own` is a unit account whose unit holds the plan's indicator, task and updates; `unit_other`
belongs to another unit. Every 403 must say why; every anonymous call but health is a 401.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .world import NEW_PERIODS, World

COLUMNS = ("admin", "office", "unit_own", "unit_other", "leader", "inspector", "anonymous")
TABLE = """
route                          | admin | office | unit_own | unit_other | leader | inspector | anonymous
GET  /health                   | 200   | 200    | 200      | 200        | 200    | 200       | 200
GET  /auth/me                  | 200   | 200    | 200      | 200        | 200    | 200       | 401
POST /documents                | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /documents                | 200   | 200    | 200      | 200        | 200    | 200       | 401
GET  /documents/{id}           | 200   | 200    | 200      | 200        | 200    | 200       | 401
POST /documents/{id}/plan      | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /plans                    | 200   | 200    | 200      | 200        | 200    | 200       | 401
GET  /plans/{id}               | 200   | 200    | 200      | 200        | 200    | 200       | 401
PATCH /plans/{id}              | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /plans/{id}/status        | 200   | 200    | 200      | 200        | 200    | 200       | 401
GET  /plans/{id}/report docx   | 200   | 200    | 403      | 403        | 200    | 200       | 401
GET  /plans/{id}/report pdf    | 200   | 200    | 403      | 403        | 200    | 200       | 401
GET  /plans/{id}/report xlsx   | 200   | 200    | 403      | 403        | 200    | 200       | 401
GET  /plans/{id}/report compare| 200   | 200    | 403      | 403        | 200    | 200       | 401
POST /units                    | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /units                    | 200   | 200    | 200      | 200        | 200    | 200       | 401
POST /users                    | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /users                    | 200   | 200    | 403      | 403        | 403    | 403       | 401
POST /assignments              | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /assignments              | 200   | 200    | 200      | 200        | 200    | 200       | 401
POST /updates                  | 200   | 200    | 200      | 403        | 403    | 403       | 401
GET  /updates/{id}             | 200   | 200    | 200      | 403        | 200    | 200       | 401
PATCH /updates/{id}            | 200   | 200    | 200      | 403        | 403    | 403       | 401
POST /updates/{id}/submit      | 200   | 200    | 200      | 403        | 403    | 403       | 401
POST /updates/{id}/approve     | 200   | 200    | 403      | 403        | 403    | 403       | 401
POST /updates/{id}/return      | 200   | 200    | 403      | 403        | 403    | 403       | 401
GET  /audit                    | 200   | 403    | 403      | 403        | 403    | 200       | 401
"""

Request = tuple[str, str, dict[str, Any]]


@dataclass
class Cell:
    """The world as one cell of the table sees it: the role picks its own objects."""

    world: World
    role: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.world, name)


# How to call each route of the table against the world (ids filled in).
CALLS: dict[str, Callable[[Cell], Request]] = {
    "GET  /health": lambda w: ("GET", "/health", {}),
    "GET  /auth/me": lambda w: ("GET", "/auth/me", {}),
    "POST /documents": lambda w: ("POST", "/documents", {"files": {"file": (
        "ke-hoach.txt", "KẾ HOẠCH\nThu ngân sách đạt 1.000 tỷ đồng.\n".encode(), "text/plain")}}),
    "GET  /documents": lambda w: ("GET", "/documents", {}),
    "GET  /documents/{id}": lambda w: ("GET", f"/documents/{w.document}", {}),
    "POST /documents/{id}/plan": lambda w: ("POST", f"/documents/{w.document}/plan", {}),
    "GET  /plans": lambda w: ("GET", "/plans", {}),
    "GET  /plans/{id}": lambda w: ("GET", f"/plans/{w.plan}", {}),
    "PATCH /plans/{id}": lambda w: ("PATCH", f"/plans/{w.plan}", {"json": {"title": "Kế hoạch năm 2024"}}),
    "GET  /plans/{id}/status": lambda w: ("GET", f"/plans/{w.plan}/status?period=2024", {}),
    # The plan-wide exports print every unit's figures: not for unit accounts (docs/permissions.md).
    "GET  /plans/{id}/report docx": lambda w: ("GET", f"/plans/{w.plan}/report?period=2024&format=docx", {}),
    "GET  /plans/{id}/report pdf": lambda w: ("GET", f"/plans/{w.plan}/report?period=2024&format=pdf", {}),
    "GET  /plans/{id}/report xlsx": lambda w: ("GET", f"/plans/{w.plan}/report?period=2024&format=xlsx", {}),
    "GET  /plans/{id}/report compare": lambda w: (
        "GET", f"/plans/{w.plan}/report?period=2024&format=xlsx&compare=2023", {}),
    "POST /units": lambda w: ("POST", "/units", {"json": {"name": "Xã Lạc Dương", "parent_id": w.unit_a}}),
    "GET  /units": lambda w: ("GET", "/units", {}),
    "POST /users": lambda w: ("POST", "/users", {"json": {
        "username": f"xalacduong-{w.role}", "password": "xalacduong", "role": "unit",
        "unit_id": w.unit_b}}),
    "GET  /users": lambda w: ("GET", "/users", {}),
    "POST /assignments": lambda w: ("POST", "/assignments", {"json": {
        "item_type": "indicator", "item_id": w.indicator, "unit_id": w.unit_c, "role": "support",
        "deadline": "2024-12-31"}}),
    "GET  /assignments": lambda w: ("GET", "/assignments", {}),
    "POST /updates": lambda w: ("POST", "/updates", {"json": {
        "target_id": w.target, "period": NEW_PERIODS.get(w.role, "2024-H2"), "value": 1050,
        "note": "Vượt kế hoạch"}}),
    "GET  /updates/{id}": lambda w: ("GET", f"/updates/{w.draft}", {}),
    "PATCH /updates/{id}": lambda w: ("PATCH", f"/updates/{w.to_edit[w.role]}", {"json": {"value": 240}}),
    "POST /updates/{id}/submit": lambda w: ("POST", f"/updates/{w.to_submit[w.role]}/submit", {}),
    "POST /updates/{id}/approve": lambda w: ("POST", f"/updates/{w.to_approve[w.role]}/approve", {}),
    "POST /updates/{id}/return": lambda w: ("POST", f"/updates/{w.to_return[w.role]}/return", {"json": {
        "reason": "Thiếu số liệu của tháng 6"}}),
    "GET  /audit": lambda w: ("GET", "/audit", {}),
}


def parse_table(text: str) -> list[tuple[str, str, int]]:
    """(route, role, expected status) for every cell."""
    lines = [line for line in text.strip().splitlines()[1:] if line.strip()]
    cells = []
    for line in lines:
        route, *codes = [c.strip() for c in line.split("|")]
        assert len(codes) == len(COLUMNS), route
        cells += [(route, role, int(code)) for role, code in zip(COLUMNS, codes, strict=True)]
    return cells


CELLS = parse_table(TABLE)


def test_table_covers_every_route_once() -> None:
    routes = [line.split("|")[0].strip() for line in TABLE.strip().splitlines()[1:]]
    assert sorted(routes) == sorted(CALLS)
    assert len(set(routes)) == len(routes)


@pytest.mark.xdist_group("permission-table")
@pytest.mark.parametrize(("route", "role", "expected"), CELLS, ids=[f"{r}-{who}" for r, who, _ in CELLS])
def test_route_permission(shared_world: tuple[World, TestClient], route: str, role: str,
                          expected: int) -> None:
    world, api_client = shared_world
    api_client.cookies.clear()
    method, path, kwargs = CALLS[route](Cell(world, role))
    response = api_client.request(method, "/api/v1" + path, headers=world.headers(role), **kwargs)
    assert response.status_code == expected, response.text
    if expected in (401, 403):
        detail = response.json()["detail"]
        # A reason a person can act on, in Vietnamese: not just "Forbidden".
        assert isinstance(detail, str) and len(detail) > 15
        assert any(ch in detail for ch in "ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ"), detail
