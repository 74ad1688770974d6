"""`nghiquyet demo --seed-only`: a fresh SQLite database where every screen has data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import authenticate
from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.db import make_engine, make_session_factory
from nghiquyet.demo import demo_accounts
from nghiquyet.documents.models import Document
from nghiquyet.plans.models import Plan
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.tracking.shares import share_statuses
from nghiquyet.tracking.status import plan_status
from nghiquyet.units.models import Unit
from nghiquyet.web.app import create_app


def _run_demo(data_dir: Path) -> str:
    env = {"NGHIQUYET_DATA_DIR": str(data_dir), "NGHIQUYET_DATABASE_URL": ""}
    result = CliRunner().invoke(app, ["demo", "--seed-only"], env=env)
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    data_dir = tmp_path_factory.mktemp("demo")
    output = _run_demo(data_dir)
    yield data_dir / "demo" / "nghiquyet.db", output


@pytest.fixture
def session(demo_db: tuple[Path, str]) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{demo_db[0]}")
    with make_session_factory(engine)() as s:
        yield s
    engine.dispose()


def _plan_of(session: Session, filename: str) -> Plan:
    plan = session.scalars(select(Plan).join(Plan.document).where(Document.filename == filename)).first()
    assert plan is not None
    return plan


def test_prints_the_accounts(demo_db: tuple[Path, str]) -> None:
    output = demo_db[1]
    assert "vanphong" in output and "sotaichinh" in output


def test_office_account_signs_in(session: Session) -> None:
    user = authenticate(session, username="vanphong", password="vanphong")
    assert user.role == "office"


def test_every_role_has_an_account(session: Session) -> None:
    roles = set(session.scalars(select(User.role)))
    assert roles == {"admin", "office", "unit", "leader", "inspector"}
    assert len(demo_accounts()) == session.query(User).count()


def test_five_seed_documents_and_a_district_plan_are_plans(session: Session) -> None:
    plans = list(session.scalars(select(Plan)))
    assert len(plans) == 6  # the five seeds, and the district's own plan under the province
    assert sum(len(p.indicators) for p in plans) > 10


def test_the_district_plan_is_approved_at_two_levels(session: Session) -> None:
    plan = _plan_of(session, "nq-huyen-duc-trong-2024.txt")
    assert plan.approval_levels == 2
    district = session.scalars(select(Unit).where(Unit.code == "H-DUCTRONG")).one()
    communes = set(session.scalars(select(Unit.id).where(Unit.parent_id == district.id)))
    figures = list(session.scalars(select(Update).where(Update.plan_id == plan.id)))
    assert figures and {f.unit_id for f in figures} <= communes  # the communes report their own figures
    # Every stage shows: approved above, approved below only (waiting for the office), waiting below.
    assert any(f.state == "approved" and f.approved_below_at for f in figures)
    assert any(f.state == "submitted" and f.approved_below_at for f in figures)
    assert any(f.state == "submitted" and f.approved_below_at is None for f in figures)


def test_the_province_plan_is_broken_down_below(session: Session) -> None:
    province = _plan_of(session, "003_80d04959fc9a9e21.txt")
    district_plan = _plan_of(session, "nq-huyen-duc-trong-2024.txt")
    assert district_plan.parent_plan_id == province.id
    shares = {s.unit_name: s for s in share_statuses(session, period="2024", plan_id=province.id,
                                                      as_of=dt.date(2025, 3, 1))}
    assert set(shares) == {"UBND huyện Đức Trọng", "Phường Xuân Hương - Đà Lạt"}
    # 862,5 of the district's 850 tỷ đồng is within 2 % (đạt); the ward's 88 of 95 missed.
    assert shares["UBND huyện Đức Trọng"].status == "dat"
    assert shares["Phường Xuân Hương - Đà Lạt"].status == "khong_dat"


def test_updates_in_every_state_with_a_returned_reason(session: Session) -> None:
    states = Counter(session.scalars(select(Update.state)))
    assert {"approved", "submitted", "returned"} <= set(states)
    returned = session.scalars(select(Update).where(Update.state == "returned")).first()
    assert returned is not None and returned.return_reason
    assert session.query(Assignment).count() > 20


def test_2024_plan_statuses_vary(session: Session) -> None:
    plan = _plan_of(session, "003_80d04959fc9a9e21.txt")  # the 2024 resolution
    status = plan_status(session, plan_id=plan.id, period="2024")
    judged = {s for s, n in status.by_status.items() if n}
    assert len(judged & {"vuot", "dat", "khong_dat"}) >= 2, status.by_status
    assert status.complete > 0


def test_2026_plan_is_in_progress(session: Session) -> None:
    plan = _plan_of(session, "002_1a304e063d388c80.txt")  # the 2026 resolution
    status = plan_status(session, plan_id=plan.id, period="2026-Q3", as_of=dt.date(2026, 10, 15))
    assert {"dung_tien_do", "nguy_co"} & {s for s, n in status.by_status.items() if n}, status.by_status


def test_demo_is_fresh_and_deterministic(demo_db: tuple[Path, str]) -> None:
    def figures(db: Path) -> list[tuple[str, float | None, float | None, str]]:
        engine = make_engine(f"sqlite:///{db}")
        with make_session_factory(engine)() as s:
            rows = [(u.period, u.value, u.progress, u.state)
                    for u in s.scalars(select(Update).order_by(Update.id))]
        engine.dispose()
        return rows

    db = demo_db[0]
    before = figures(db)
    stray = db.parent / "tep-cu.txt"
    stray.write_text("của lần chạy trước")
    _run_demo(db.parent.parent)  # the same data dir: the old demo is replaced, not added to
    assert not stray.exists()
    assert figures(db) == before and before


@pytest.mark.parametrize("username", [a.username for a in demo_accounts()])
def test_every_demo_account_sees_its_screens(demo_db: tuple[Path, str], username: str) -> None:
    account = next(a for a in demo_accounts() if a.username == username)
    settings = Settings(data_dir=demo_db[0].parent, database_url=f"sqlite:///{demo_db[0]}")
    web = create_app(settings)
    with TestClient(web) as client:
        login = client.post("/api/v1/auth/login", json={"username": username, "password": account.password})
        assert login.status_code == 200
        pages = ["/", "/van-ban", "/chi-tieu", "/nhiem-vu", "/don-vi"]
        pages += {"office": ["/phe-duyet"], "admin": ["/phe-duyet"], "unit": ["/viec-cua-toi"]}.get(
            account.role, [])
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, (page, response.text[:300])
        docs = {d["filename"]: d["id"] for d in client.get("/api/v1/documents").json()}
        plans = {p["document_id"]: p["id"] for p in client.get("/api/v1/plans").json()}
        plan_id = plans[docs["003_80d04959fc9a9e21.txt"]]
        status = client.get(f"/api/v1/plans/{plan_id}/status", params={"period": "2024"})
        assert status.status_code == 200 and status.json()["complete"] > 0
    web.state.engine.dispose()


def test_demo_has_late_reports_a_bell_count_and_a_dry_run_lists_messages(demo_db: tuple[Path, str],
                                                                         session: Session) -> None:
    from nghiquyet.reminders.service import calendar, unread_count

    states = Counter(e.state for e in calendar(session, today=dt.date(2025, 1, 27)))
    assert states["late"] > 0 and states["approved"] > 0
    office = session.scalars(select(User).where(User.username == "vanphong")).one()
    assert unread_count(session, office.id) > 0
    env = {"NGHIQUYET_DATABASE_URL": f"sqlite:///{demo_db[0]}"}
    dry = CliRunner().invoke(app, ["remind", "--dry-run", "--now", "2025-01-27T10:00"], env=env)
    assert dry.exit_code == 0, dry.output
    assert "thư → vanphong@demo.lamdong.gov.vn: [nghiquyet] Nhắc việc hôm nay:" in dry.stdout


def test_demo_has_an_answered_and_an_open_explanation_and_an_open_blocker(session: Session) -> None:
    from nghiquyet.explanations.models import Blocker, ExplanationRequest

    requests = Counter(r.state for r in session.scalars(select(ExplanationRequest)))
    assert requests == {"answered": 1, "open": 1}
    answered = session.scalars(select(ExplanationRequest).where(ExplanationRequest.state == "answered")).one()
    assert answered.answer and answered.answered_at is not None
    blockers = Counter(b.state for b in session.scalars(select(Blocker)))
    assert blockers == {"open": 1, "closed": 1}
    closed = session.scalars(select(Blocker).where(Blocker.state == "closed")).one()
    assert closed.decision
