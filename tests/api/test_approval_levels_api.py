"""Approval at two levels over the API: commune → district (approve below) → province office."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.tracking.service import assign
from nghiquyet.units.service import create_unit
from tests.api.conftest import PASSWORD, MakeUser, login
from tests.factories import make_plan


def _office_row(client: TestClient, update_id: int) -> str:
    """The office's Phê duyệt row of one update, as the page renders it (cookie login, then cleared)."""
    client.post("/api/v1/auth/login", json={"username": "vanphong", "password": PASSWORD})
    page = client.get("/phe-duyet").text
    client.cookies.clear()
    row = re.search(rf'<tr id="u-{update_id}">.*?</tr>', page, re.S)
    assert row is not None, f"update {update_id} is not in the office's queue"
    return row.group(0)


def test_commune_district_province(api_client: TestClient, make_user: MakeUser,
                                   session_factory: sessionmaker[Session]) -> None:
    office = make_user("vanphong", "office")
    with session_factory() as session:
        province = create_unit(session, name="UBND tỉnh", actor=office)
        district = create_unit(session, name="UBND huyện Lạc Dương", parent_id=province.id, actor=office)
        commune = create_unit(session, name="UBND xã Đạ Sar", parent_id=district.id, actor=office)
        plan = make_plan(session, title="Kế hoạch năm 2024")  # thu ngân sách ≥ 100 tỷ đồng; hộ nghèo < 2%
        indicator = plan.indicators[0]
        assign(session, item_type="indicator", item_id=indicator.id, unit_id=commune.id, actor=office)
        session.commit()
        ids = {"plan": plan.id, "target": indicator.targets[0].id, "district": district.id,
               "commune": commune.id}
    make_user("xadasar", "unit", ids["commune"])
    make_user("huyenlacduong", "unit", ids["district"])
    as_office, as_commune, as_district = (login(api_client, u)
                                          for u in ("vanphong", "xadasar", "huyenlacduong"))
    plan_url = f"/api/v1/plans/{ids['plan']}"

    levels = api_client.put(f"{plan_url}/approval-levels", json={"levels": 2}, headers=as_office)
    assert levels.status_code == 200 and levels.json() == {"levels": 2}
    assert api_client.get(plan_url, headers=as_district).json()["approval_levels"] == 2  # readable by all
    assert api_client.put(f"{plan_url}/approval-levels", json={"levels": 2},
                          headers=as_district).status_code == 403
    figure = {"target_id": ids["target"], "period": "2024", "value": 130}
    made = api_client.post("/api/v1/updates", json=figure, headers=as_commune).json()["id"]
    assert api_client.post(f"/api/v1/updates/{made}/submit", headers=as_commune).status_code == 200

    early = api_client.post(f"/api/v1/updates/{made}/approve", headers=as_office)
    assert early.status_code == 409 and "UBND huyện Lạc Dương" in early.json()["detail"]
    row = _office_row(api_client, made)  # the office's page says whom it waits for, no Duyệt button
    assert "Chờ UBND huyện Lạc Dương duyệt ở cấp dưới" in row and f"/phe-duyet/{made}/duyet" not in row
    waiting = api_client.get("/api/v1/approvals/below", headers=as_district).json()
    assert [u["id"] for u in waiting] == [made]
    assert api_client.post(f"/api/v1/updates/{made}/approve-below", headers=as_commune).status_code == 403
    below = api_client.post(f"/api/v1/updates/{made}/approve-below", headers=as_district)
    assert below.status_code == 200 and below.json()["state"] == "submitted"
    assert api_client.get("/api/v1/approvals/below", headers=as_district).json() == []
    row = _office_row(api_client, made)
    assert "cấp dưới" not in row and f"/phe-duyet/{made}/duyet" in row
    status = api_client.get(f"{plan_url}/status", params={"period": "2024"}, headers=as_office)
    assert status.json()["complete"] == 0  # approved below only: the province has no figure yet
    above = api_client.post(f"/api/v1/updates/{made}/approve", headers=as_office)
    assert above.status_code == 200 and above.json()["state"] == "approved"
    status = api_client.get(f"{plan_url}/status", params={"period": "2024"}, headers=as_office)
    assert status.json()["complete"] == 1
    read = api_client.get(f"/api/v1/updates/{made}", headers=as_office).json()
    assert read["approved_below_at"] is not None
