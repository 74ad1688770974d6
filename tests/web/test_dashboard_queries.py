"""The dashboard costs a fixed number of SQL statements, whatever its plan's targets and figures.

Its charts judged the whole plan once per quarter and for the year (five `plan_status` calls); they
now read the targets' figures of the year once (`tracking.period_judgements`). Counted on the app's
own engine, on SQLite and PostgreSQL, for a plan of 3 and one of 15 targets with figures in every
quarter; the counts must be equal, and the charts must be there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from nghiquyet.accounts.service import hash_password
from nghiquyet.config import Settings
from nghiquyet.db import make_session_factory
from nghiquyet.tracking.models import Assignment, Update
from nghiquyet.web.app import create_app
from tests.conftest import _empty_all_tables
from tests.factories import make_plan, make_unit, make_user

PASSWORD = "matkhau-thu-nghiem"
SECRET_KEY = "khoa-thu-nghiem-du-dai-cho-hs256-32b"
SHORT, LONG = 3, 15


def _fill(session: Session, targets: int) -> int:
    province = make_unit(session, name="Tỉnh Thử", kind="tinh")
    communes = [make_unit(session, name=f"Xã Thử {i}", kind="xa", parent=province) for i in range(targets)]
    make_user(session, role="office", unit=province, username="vanphong",
              password_hash=hash_password(PASSWORD))
    plan = make_plan(session, title="Kế hoạch đo câu lệnh", targets=[
        {"metric": f"Chỉ tiêu {i}", "comparator": "gte", "value": 10.0, "unit": "ha", "year": 2024}
        for i in range(targets)])
    decided = dt.datetime(2024, 12, 20, tzinfo=dt.UTC)
    for i, indicator in enumerate(plan.indicators):
        session.add(Assignment(plan_id=plan.id, item_type="indicator", indicator_id=indicator.id,
                               unit_id=communes[i].id, role="lead"))
        for quarter in range(1, 5):
            session.add(Update(plan_id=plan.id, target_id=indicator.targets[0].id, unit_id=communes[i].id,
                               period=f"2024-Q{quarter}", value=2.0 * quarter + i % 3, state="approved",
                               decided_at=decided))
    session.commit()
    return plan.id


def _dashboard_statements(engine: Engine, db_url: str, tmp_path: Path, targets: int) -> int:
    with make_session_factory(engine)() as session:
        plan_id = _fill(session, targets)
    app = create_app(Settings(data_dir=tmp_path, database_url=db_url, secret_key=SECRET_KEY))
    served: Engine = app.state.engine
    seen = [0]

    def count(*_: object) -> None:
        seen[0] += 1

    path = f"/?plan={plan_id}&period=2024"
    with TestClient(app, follow_redirects=False) as client:
        signed_in = client.post("/dang-nhap", data={"username": "vanphong", "password": PASSWORD})
        assert signed_in.status_code == 303
        client.get(path)  # once unmeasured: first-request work (caches, stored statuses) is not per target
        event.listen(served, "before_cursor_execute", count)
        page = client.get(path)
        event.remove(served, "before_cursor_execute", count)
    served.dispose()
    assert page.status_code == 200, page.text[:300]
    # The charts are drawn (six at most), with their figures: a page without them would pass on counts.
    assert page.text.count('<figure class="chart m-0">') == min(targets, 6)
    assert "Chỉ tiêu 0" in page.text
    return seen[0]


def test_dashboard_costs_the_same_statements_for_3_or_15_targets(
    db_engine: Engine, db_url: str, tmp_path: Path
) -> None:
    try:
        short = _dashboard_statements(db_engine, db_url, tmp_path / "short", SHORT)
        _empty_all_tables(db_engine)
        long = _dashboard_statements(db_engine, db_url, tmp_path / "long", LONG)
    finally:
        _empty_all_tables(db_engine)
    print(f"dashboard statements, {SHORT} vs {LONG} targets: {short} vs {long}")
    assert long == short, f"the dashboard's statements grow with its targets: {short} → {long}"
    assert long <= 25, long
