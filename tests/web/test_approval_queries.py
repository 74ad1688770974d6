"""The approval queues and "Việc của tôi" cost a fixed number of SQL statements, whatever their rows.

Each row once cost about four queries (its target and indicator, its task, its plan, its evidence,
its lower level): 400 for a hundred figures. The statements are counted on the app's own engine, on
SQLite and PostgreSQL, for a short and a long queue of the same mix; the counts must be equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.accounts.service import hash_password
from nghiquyet.config import Settings
from nghiquyet.db import make_session_factory
from nghiquyet.tracking.models import Assignment, Evidence, Update
from nghiquyet.web.app import create_app
from tests.conftest import _empty_all_tables
from tests.factories import make_plan, make_unit, make_user

PASSWORD = "matkhau-thu-nghiem"
SECRET_KEY = "khoa-thu-nghiem-du-dai-cho-hs256-32b"
SHORT, LONG = 3, 15


def _fill(session: Session, rows: int) -> int:
    """`rows` submitted figures of each kind: targets and tasks, one- and two-level plans, a commune
    under a district that has a reporter, and evidence on every other figure. The first commune also
    leads every item of the one-level plan (its "Việc của tôi"); that plan's id is returned."""
    province = make_unit(session, name="Tỉnh Thử", kind="tinh")
    district = make_unit(session, name="Huyện Thử", kind="huyen", parent=province)
    communes = [make_unit(session, name=f"Xã Thử {i}", kind="xa", parent=district) for i in range(rows)]
    secret = hash_password(PASSWORD)
    make_user(session, role="office", unit=province, username="vanphong", password_hash=secret)
    make_user(session, role="unit", unit=district, username="huyen", password_hash=secret)
    make_user(session, role="unit", unit=communes[0], username="xa", password_hash=secret)
    first_plan = 0
    now = dt.datetime(2024, 7, 1, tzinfo=dt.UTC)
    for levels in (1, 2):
        targets_spec = [{"metric": f"Chỉ tiêu {i}", "comparator": "gte", "value": 10.0, "unit": "ha",
                         "year": 2024} for i in range(rows)]
        tasks_spec = [{"text": f"Nhiệm vụ {i}", "label": f"{i + 1}."} for i in range(rows)]
        plan = make_plan(session, title=f"Kế hoạch {levels} cấp", targets=targets_spec, tasks=tasks_spec)
        plan.approval_levels = levels
        targets = [t for ind in plan.indicators for t in ind.targets]
        if levels == 1:
            first_plan = plan.id
            session.add_all([Assignment(plan_id=plan.id, item_type="indicator", indicator_id=ind.id,
                                        unit_id=communes[0].id, role="lead") for ind in plan.indicators])
            session.add_all([Assignment(plan_id=plan.id, item_type="task", task_id=task.id,
                                        unit_id=communes[0].id, role="lead") for task in plan.tasks])
        for i, commune in enumerate(communes):
            figures = ({"target_id": targets[i].id, "value": 12.0},
                       {"task_id": plan.tasks[i].id, "progress": 50.0})
            for item in figures:
                update = Update(plan_id=plan.id, unit_id=commune.id, period="2024-Q2", state="submitted",
                                submitted_at=now, **item)
                session.add(update)
                session.flush()
                if update.id % 2:
                    session.add(Evidence(update_id=update.id, filename=f"minh-chung-{update.id}.pdf",
                                         stored_path=f"x/{update.id}", sha256="0" * 64, size=1))
    session.commit()
    return first_plan


def _statements(factory: sessionmaker[Session], db_url: str, tmp_path: Path, rows: int,
                pages: Callable[[int], list[tuple[str, str, str, int]]]) -> list[int]:
    """Fill the database, serve it, sign in as each page's reader; the statements each page took."""
    with factory() as session:
        plan_id = _fill(session, rows)
    settings = Settings(data_dir=tmp_path, database_url=db_url, secret_key=SECRET_KEY)
    app = create_app(settings)
    engine: Engine = app.state.engine
    seen = [0]

    def count(*_: object) -> None:
        seen[0] += 1

    counts = []
    with TestClient(app, follow_redirects=False) as client:
        for username, path, row_mark, expected_rows in pages(plan_id):
            r = client.post("/dang-nhap", data={"username": username, "password": PASSWORD})
            assert r.status_code == 303, r.text
            client.get(path)  # once unmeasured: first-request work (caches, the session row) is not per row
            event.listen(engine, "before_cursor_execute", count)
            seen[0] = 0
            page = client.get(path)
            event.remove(engine, "before_cursor_execute", count)
            assert page.status_code == 200, page.text[:300]
            # The rows are really there: a page that shows nothing would pass on counts alone.
            assert page.text.count(row_mark) == expected_rows, (path, rows)
            counts.append(seen[0])
            client.cookies.clear()
    engine.dispose()
    return counts


def _pages(rows: int) -> Callable[[int], list[tuple[str, str, str, int]]]:
    # The office sees every submitted figure (both plans, targets and tasks); the district the
    # two-level plan's figures of its communes; the first commune its items of the one-level plan.
    return lambda plan_id: [
        ("vanphong", "/phe-duyet", '<tr id="u-', 4 * rows),
        ("huyen", "/duyet-cap-duoi", '<tr id="b-', 2 * rows),
        ("xa", f"/viec-cua-toi?plan={plan_id}&period=2024-Q2", '<article class="item" id="row-', 2 * rows),
    ]


def test_queue_and_work_pages_cost_the_same_statements_for_3_or_15_rows(
    db_engine: Engine, db_url: str, tmp_path: Path
) -> None:
    # The root conftest's database on both backends (tests/web's own fixtures are SQLite only).
    factory = make_session_factory(db_engine)
    try:
        short = _statements(factory, db_url, tmp_path / "short", SHORT, _pages(SHORT))
        _empty_all_tables(db_engine)
        long = _statements(factory, db_url, tmp_path / "long", LONG, _pages(LONG))
    finally:
        _empty_all_tables(db_engine)
    print(f"statements per page, {SHORT} vs {LONG} rows per kind: {short} vs {long}")
    assert long == short, f"the queue pages' statements grow with their rows: {short} → {long}"
    assert all(n < 40 for n in long), long
