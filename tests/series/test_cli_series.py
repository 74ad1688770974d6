"""`nghiquyet series` and `nghiquyet proposals` print the pinned JSON for the database they are given."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.series.service import refresh
from tests.factories import SEEDS
from tests.series.conftest import build_seed_world

MEMBER_KEYS = {"plan_id", "doc", "line", "year", "targets"}
PROPOSAL_KEYS = {"id", "indicator_id", "target_id", "period", "value", "unit", "doc", "line", "text", "state"}


@pytest.fixture
def office_unit(settings: Settings, session_factory: sessionmaker[Session]) -> int:
    with session_factory() as session:
        world = build_seed_world(session, settings)
        refresh(session, actor=world.office)  # what `nghiquyet import --plan` proposes
        session.commit()
        return world.office_unit.id


@pytest.fixture
def cli(settings: Settings, office_unit: int) -> CliRunner:
    return CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                          "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})


def test_series_json_lists_proposed_links_with_their_members(cli: CliRunner) -> None:
    result = cli.invoke(app, ["series", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(set(r) == {"id", "metric", "members", "confirmed"} for r in rows)
    assert all(set(m) == MEMBER_KEYS for r in rows for m in r["members"])
    assert not any(r["confirmed"] for r in rows)
    budget = next(r for r in rows if any(m["line"] == 187 and m["targets"][0]["unit"] == "tỷ đồng"
                                         for m in r["members"]))
    assert {(m["doc"], m["line"], m["year"]) for m in budget["members"]} == {
        (f"{SEEDS['000']}.txt", 187, 2024), (f"{SEEDS['002']}.txt", 166, 2026)}
    confirmed = cli.invoke(app, ["series", "confirm", str(budget["id"])])
    assert confirmed.exit_code == 0, confirmed.output
    again = json.loads(cli.invoke(app, ["series", "--format", "json"]).output)
    assert next(r for r in again if r["id"] == budget["id"])["confirmed"] is True


def test_proposals_json_for_a_plan_and_accept_from_the_console(cli: CliRunner, office_unit: int) -> None:
    plans = json.loads(cli.invoke(app, ["plans", "--format", "json"]).output)
    plan_2024 = next(p["id"] for p in plans if p["years"] == [2024, 2024] and p["issuer"] == "Tỉnh ủy")
    result = cli.invoke(app, ["proposals", "--plan", str(plan_2024), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 3 and all(set(r) == PROPOSAL_KEYS for r in rows)
    assert {r["state"] for r in rows} == {"proposed"}
    unassigned = cli.invoke(app, ["proposals", "accept", str(rows[0]["id"])])
    assert unassigned.exit_code == 1 and "đơn vị chủ trì" in unassigned.output  # nobody leads it yet
    accepted = cli.invoke(app, ["proposals", "accept", str(rows[0]["id"]), "--unit", str(office_unit)])
    assert accepted.exit_code == 0, accepted.output
    after = json.loads(cli.invoke(app, ["proposals", "--plan", str(plan_2024), "--format", "json"]).output)
    assert {r["id"]: r["state"] for r in after}[rows[0]["id"]] == "accepted"
    again = cli.invoke(app, ["proposals", "accept", str(rows[0]["id"])])
    assert again.exit_code == 1 and "đã được xử lý" in again.output
