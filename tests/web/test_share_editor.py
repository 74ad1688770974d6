"""Phần giao: the office gives, changes and takes back units' shares on a page; a wrong row writes
nothing; the unit holding a share reports its figure from Việc của tôi."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.audit.models import AuditEvent
from nghiquyet.tracking.models import TargetShare, Update
from tests.web.conftest import PlanWorld, World

Row = tuple[int, float, float | None, str | None]


def _shares(factory: sessionmaker[Session], target_id: int) -> list[Row]:
    with factory() as session:
        return [(s.unit_id, s.value, s.value_max, s.note) for s in
                session.scalars(select(TargetShare).where(TargetShare.target_id == target_id)
                                .order_by(TargetShare.unit_id))]


def _audits(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return len(session.scalars(select(AuditEvent).where(AuditEvent.action == "target.shares")).all())


def _post(client: TestClient, target_id: int, rows: list[dict[str, str]],
          remove: tuple[int, ...] = ()) -> Response:
    data: dict[str, object] = {"rows": str(len(rows)), "remove": [str(i) for i in remove]}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"{key}_{i}"] = value
    return client.post(f"/muc-chi-tieu/{target_id}/phan-giao", data=data)


def test_office_gives_changes_and_takes_back_a_share(client: TestClient, sign_in: Callable[[str], None],
                                                     world: World, plan_world: PlanWorld,
                                                     session_factory: sessionmaker[Session]) -> None:
    sign_in("vanphong")
    page = client.get(f"/chi-tieu/{plan_world.indicator_id}").text
    assert f'/muc-chi-tieu/{plan_world.target_id}/phan-giao' in page
    form = client.get(f"/muc-chi-tieu/{plan_world.target_id}/phan-giao")
    assert form.status_code == 200 and "Sở Y tế" in form.text and "1.200" in form.text

    other = str(world.other_unit_id)
    given = {"unit": other, "value": "1.234,5", "max": "", "note": "Phần y tế"}
    r = _post(client, plan_world.target_id, [given])
    assert r.status_code == 303
    assert _shares(session_factory, plan_world.target_id) == [
        (world.other_unit_id, 1234.5, None, "Phần y tế")]
    shown = client.get(f"/muc-chi-tieu/{plan_world.target_id}/phan-giao?da_luu=1").text
    assert "Đã lưu phần giao" in shown and 'value="1.234,5"' in shown

    _post(client, plan_world.target_id, [{"unit": other, "value": "400", "max": "450,5", "note": ""}])
    assert _shares(session_factory, plan_world.target_id) == [(world.other_unit_id, 400.0, 450.5, None)]
    _post(client, plan_world.target_id, [{"unit": other, "value": "400", "max": "", "note": ""}], remove=(0,))
    assert _shares(session_factory, plan_world.target_id) == []
    assert _audits(session_factory) == 3  # every write audited


def test_a_wrong_row_writes_nothing(client: TestClient, sign_in: Callable[[str], None], world: World,
                                    plan_world: PlanWorld, session_factory: sessionmaker[Session]) -> None:
    sign_in("vanphong")
    other = str(world.other_unit_id)
    _post(client, plan_world.target_id, [{"unit": other, "value": "300", "max": "", "note": ""}])
    before = _shares(session_factory, plan_world.target_id)
    audits = _audits(session_factory)

    r = _post(client, plan_world.target_id, [{"unit": other, "value": "500", "max": "", "note": ""},
                                             {"unit": "", "value": "12", "max": "", "note": ""},
                                             {"unit": other, "value": "mười", "max": "", "note": ""}])
    assert r.status_code == 400
    html = r.text
    assert "Chưa lưu: 2 dòng chưa đúng" in html
    assert "Hãy chọn đơn vị nhận phần chỉ tiêu này." in html and "“mười” không phải là số" in html
    assert 'value="mười"' in html  # what was typed comes back
    assert _shares(session_factory, plan_world.target_id) == before and _audits(session_factory) == audits

    # The lead unit reports the whole target: the service refuses it a share, and nothing is written.
    lead = {"unit": str(world.unit_id), "value": "7", "max": "", "note": ""}
    r = _post(client, plan_world.target_id, [{"unit": other, "value": "500", "max": "", "note": ""}, lead])
    assert r.status_code == 400 and "Đơn vị chủ trì" in r.text
    assert _shares(session_factory, plan_world.target_id) == before
    r = _post(client, plan_world.target_id, [{"unit": other, "value": "5", "max": "4", "note": ""}])
    assert r.status_code == 400 and "Mức trên" in r.text
    assert _shares(session_factory, plan_world.target_id) == before


def test_only_the_office_edits_shares(client: TestClient, sign_in: Callable[[str], None],
                                      plan_world: PlanWorld) -> None:
    sign_in("syte")
    assert client.get(f"/muc-chi-tieu/{plan_world.target_id}/phan-giao").status_code == 403
    assert _post(client, plan_world.target_id, []).status_code == 403


def test_share_holder_reports_from_my_work(client: TestClient, sign_in: Callable[[str], None],
                                           world: World, plan_world: PlanWorld,
                                           session_factory: sessionmaker[Session]) -> None:
    sign_in("vanphong")
    share = {"unit": str(world.other_unit_id), "value": "400", "max": "", "note": ""}
    _post(client, plan_world.target_id, [share])
    client.post("/dang-xuat")
    client.cookies.clear()
    sign_in("syte")
    page = client.get(f"/viec-cua-toi?plan={plan_world.plan_id}&period=2025").text
    assert f'id="row-chi-tieu-{plan_world.target_id}"' in page
    assert "Phần được giao" in page and "400" in page and "Chưa được giao chỉ tiêu" not in page
    typed = {"period": "2025", "plan": str(plan_world.plan_id), "value": "412,5", "row_version": "0"}
    r = client.post(f"/viec-cua-toi/chi-tieu/{plan_world.target_id}", data=typed)
    assert r.status_code == 303, r.text
    with session_factory() as session:
        sent = session.scalars(select(Update).where(Update.target_id == plan_world.target_id)).one()
        assert (sent.unit_id, sent.value, sent.state) == (world.other_unit_id, 412.5, "submitted")
