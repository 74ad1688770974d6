"""A directive's lead names resolve to units of the registry; the rest are shown for the office to pick."""

from __future__ import annotations

from importlib import resources

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.config import Settings
from nghiquyet.series import directives
from nghiquyet.series.models import TaskProposal
from nghiquyet.series.service import refresh
from nghiquyet.tracking.models import Assignment
from nghiquyet.units.importer import import_units
from nghiquyet.units.models import Unit
from nghiquyet.units.names import resolve_names
from tests.api.conftest import login, password_hash
from tests.series.conftest import SeedWorld, build_seed_world

UNITS = resources.files("nghiquyet.demo").joinpath("units.csv")
HTMX = {"HX-Request": "true"}
REGISTRY = [(1, "Ủy ban nhân dân tỉnh Lâm Đồng"), (2, "Công an tỉnh"), (3, "Ban Tổ chức Tỉnh ủy"),
            (4, "UBND huyện Đức Trọng"), (5, "Sở Y tế"), (6, "Đảng ủy Ủy ban nhân dân tỉnh")]


@pytest.mark.parametrize(("name", "place", "unit"), [
    ("Ban Tổ chức Tỉnh ủy", "Lâm Đồng", 3),
    ("Đảng ủy Công an tỉnh", "Lâm Đồng", 2),  # the Party organ stands for the body it is in
    ("Đảng ủy Ủy ban nhân dân tỉnh", "Lâm Đồng", 6),  # unless the registry holds the organ itself
    ("Các đồng chí thành viên UBND tỉnh", "Lâm Đồng", 1),  # "tỉnh" is the document's own province
    ("Giám đốc Sở Y tế", "Lâm Đồng", 5),
    ("đồng chí Chủ tịch UBND huyện", "Đức Trọng", 4),  # in the district's own document
])
def test_a_named_body_resolves_to_one_unit(name: str, place: str, unit: int) -> None:
    assert resolve_names([name], REGISTRY, place=place)[0].unit_id == unit


def test_names_of_many_bodies_or_of_no_unit_are_left_for_the_office() -> None:
    many, unknown, which = resolve_names(["Thủ trưởng các sở, ban, ngành tỉnh", "Cục Hải quan",
                                          "đồng chí Chủ tịch UBND huyện"], REGISTRY, place="Lâm Đồng")
    assert (many.unit_id, unknown.unit_id, which.unit_id) == (None, None, None)
    assert "nhiều đơn vị" in many.why and "không có" in unknown.why
    assert which.candidates == (4,)  # a province's document: which district is for the office to say


@pytest.fixture
def world(settings: Settings, session_factory: sessionmaker[Session]) -> SeedWorld:
    with session_factory() as session:
        built = build_seed_world(session, settings, password_hash=password_hash())
        import_units(session, data=UNITS.read_bytes(), filename="units.csv", actor=built.office)
        refresh(session, actor=built.office)
        session.commit()
        return built


def _unit(session: Session, code: str) -> int:
    return session.scalars(select(Unit.id).where(Unit.code == code)).one()


def _given(session: Session, task_id: int | None) -> set[int]:
    return {a.unit_id for a in session.scalars(select(Assignment).where(Assignment.task_id == task_id))}


def test_accepting_a_directive_gives_its_task_to_the_resolved_and_the_picked_units(
        world: SeedWorld, session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        made = {p.label: p for p in directives.list_task_proposals(session, actor=world.office)}
        second = made["2.2"]  # Ban cán sự đảng UBND tỉnh; Bí thư thành ủy, huyện ủy, …; Đảng ủy Công an tỉnh
        leads = directives.lead_units(session, second)
        assert [r.unit_id for r in leads] == [_unit(session, "UBND"), None, _unit(session, "CAT")]
        directives.accept(session, proposal_id=second.id, actor=world.office)
        assert _given(session, second.task_id) == {_unit(session, "UBND"), _unit(session, "CAT")}
        fourth = made["2.4"]
        directives.accept(session, proposal_id=fourth.id, actor=world.office,
                          lead_unit_ids=[_unit(session, "BTCTU"), _unit(session, "SNV")])
        assert _given(session, fourth.task_id) == {_unit(session, "BTCTU"), _unit(session, "SNV")}
        session.rollback()


def test_the_office_sees_each_lead_resolved_or_picks_it_on_the_page(
        web_client: TestClient, world: SeedWorld, session_factory: sessionmaker[Session]) -> None:
    web_client.headers.update(login(web_client, "vanphong"))
    api = web_client.get("/api/v1/directives").json()
    second = next(d for d in api if d["label"] == "2.2")
    assert [u["unit_id"] is None for u in second["lead_units"]] == [False, True, False]
    page = web_client.get("/de-xuat")
    row = page.text.split(f'<tr id="d-{second["id"]}"', 1)[1].split("</tr>", 1)[0]
    assert "→ <strong>Công an tỉnh</strong>" in row and "— chọn đơn vị —" in row
    with session_factory() as session:
        picked = _unit(session, "DUCQD")
        police = _unit(session, "CAT")
    added = web_client.post(f"/nhiem-vu-de-xuat/{second['id']}/chap-nhan", headers=HTMX,
                            data={"don_vi": [str(police), str(picked)]})
    assert 'data-state="accepted"' in added.text
    with session_factory() as session:
        proposal = session.get(TaskProposal, second["id"])
        assert proposal is not None
        assert _given(session, proposal.task_id) == {police, picked}
