"""Proposals are made by writes (an import, a confirmation), never by reading a page, the API or a listing."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.db.base import Base
from nghiquyet.series.models import Proposal, SeriesMember, TaskProposal
from tests.api.conftest import login, password_hash
from tests.series.conftest import SeedWorld, build_seed_world

HTMX = {"HX-Request": "true"}


def _rows(factory: sessionmaker[Session]) -> dict[str, int]:
    """Rows of every table (FTS shadow tables aside, which SQLAlchemy does not map)."""
    with factory() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) or 0
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def world(settings: Settings, session_factory: sessionmaker[Session]) -> SeedWorld:
    """The five seeds stored through the services alone: nothing has proposed anything yet."""
    with session_factory() as session:
        built = build_seed_world(session, settings, password_hash=password_hash())
        session.commit()
        return built


def test_reading_the_cycle_pages_and_api_writes_no_row(web_client: TestClient, world: SeedWorld,
                                                        session_factory: sessionmaker[Session]) -> None:
    office = login(web_client, "vanphong")
    budget = next(i for i in world.plans["003"].indicators if i.line == 20)
    plan = world.plans["003"].id
    before = _rows(session_factory)
    for url in ("/api/v1/series", f"/api/v1/series?plan_id={plan}", "/api/v1/proposals",
                f"/api/v1/proposals?plan_id={plan}", "/api/v1/directives", "/api/v1/judgements",
                "/de-xuat", f"/de-xuat?plan={plan}", f"/chi-tieu/{budget.id}", f"/chi-tieu/{budget.id}/chuoi",
                f"/chi-tieu?plan={plan}"):
        answer = web_client.get(url, headers={**office, **HTMX} if url.endswith("/chuoi") else office)
        assert answer.status_code == 200, (url, answer.text[:300])
    assert _rows(session_factory) == before
    assert before["proposals"] == before["series_members"] == before["task_proposals"] == 0


def test_listings_on_the_command_line_write_no_row(settings: Settings, world: SeedWorld,
                                                   session_factory: sessionmaker[Session]) -> None:
    cli = CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                         "NGHIQUYET_DATABASE_URL": settings.resolved_database_url})
    before = _rows(session_factory)
    for args in (["series", "--format", "json"], ["proposals", "--format", "json"]):
        result = cli.invoke(app, args)
        assert result.exit_code == 0, result.output
    assert _rows(session_factory) == before


def test_confirming_a_plan_proposes_its_links_figures_and_tasks(
        web_client: TestClient, world: SeedWorld, session_factory: sessionmaker[Session]) -> None:
    office = login(web_client, "vanphong")
    # Confirming again returns the same plan, and like every confirmation proposes what it brings:
    # links of its own targets (002's are in 000's and 001's plans too), figures, tasks.
    document = world.plans["002"].document_id
    answer = web_client.post(f"/api/v1/documents/{document}/plan", headers=office)
    assert answer.status_code == 200, answer.text
    with session_factory() as session:
        made = {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (SeriesMember, Proposal, TaskProposal)}
    assert all(made.values()), made
    listed = web_client.get(f"/api/v1/proposals?plan_id={world.plans['000'].id}", headers=office).json()
    assert "thu ngân sách nhà nước đạt 29,9% dự toán địa phương" in {p["text"] for p in listed}
