"""The item page shows each unit's share of a target, judged, with the unit's own figure (or not)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.models import User
from nghiquyet.tracking.service import approve_update, create_update, submit_update
from nghiquyet.tracking.shares import ShareSpec, set_shares
from tests.web.conftest import PlanWorld, World


def _shares(factory: sessionmaker[Session], world: World, plan_world: PlanWorld) -> None:
    with factory() as session:
        office = session.query(User).filter_by(username="vanphong").one()
        health = session.query(User).filter_by(username="syte").one()
        set_shares(session, target_id=plan_world.target_id, actor=office,
                   shares=[ShareSpec(world.other_unit_id, 400.0, note="Phần thu của ngành y tế")])
        made = create_update(session, actor=health, target_id=plan_world.target_id, period="2025",
                             value=1234.5)
        submit_update(session, update_id=made.id, actor=health)
        approve_update(session, update_id=made.id, actor=office)
        session.commit()


def _share_row(html: str) -> str:
    section = html[html.index('id="shares"'):]
    return section[:section.index("</section>")]


def test_the_office_sees_each_share_judged(client: TestClient, sign_in: Callable[[str], None],
                                           world: World, plan_world: PlanWorld,
                                           session_factory: sessionmaker[Session]) -> None:
    _shares(session_factory, world, plan_world)
    sign_in("vanphong")
    html = client.get(f"/chi-tieu/{plan_world.indicator_id}?period=2025").text
    shares = _share_row(html)
    assert "Phần giao cho đơn vị cấp dưới" in shares and "Sở Y tế" in shares
    assert "Phần thu của ngành y tế" in shares
    assert "400" in shares and "1.234,5" in shares  # Vietnamese numbers
    assert re.search(r'badge st-(vuot|dung_tien_do)', shares)


def test_another_unit_sees_the_judgement_not_the_figure(client: TestClient, sign_in: Callable[[str], None],
                                                        world: World, plan_world: PlanWorld,
                                                        session_factory: sessionmaker[Session]) -> None:
    _shares(session_factory, world, plan_world)
    sign_in("sokhdt")
    shares = _share_row(client.get(f"/chi-tieu/{plan_world.indicator_id}?period=2025").text)
    assert "Sở Y tế" in shares and "1.234,5" not in shares
    assert "chỉ xem kết quả đánh giá" in shares


def test_no_shares_no_section(client: TestClient, sign_in: Callable[[str], None],
                              plan_world: PlanWorld) -> None:
    sign_in("vanphong")
    assert 'id="shares"' not in client.get(f"/chi-tieu/{plan_world.indicator_id}").text
