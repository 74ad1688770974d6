"""Đôn đốc pages through TestClient: the bell, read/unread, the rules form, the secret .ics feed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.db import make_engine
from nghiquyet.plans.models import Plan, Task
from nghiquyet.reminders.models import Notification, ReminderSettings
from nghiquyet.reminders.office import feed_token
from nghiquyet.tracking.models import Assignment
from tests.web.conftest import World


def _seed(world: World) -> tuple[int, str]:
    engine = make_engine(world.settings.resolved_database_url)
    with Session(engine) as s:
        user = s.scalars(select(User).where(User.username == "sokhdt")).one()
        year = dt.date.today().year
        plan = Plan(title="Kế hoạch thử", year_start=year, year_end=year, status="active")
        plan.tasks.append(Task(text="Xây dựng đề án; chuyển đổi số, năm mới"))
        s.add(plan)
        s.flush()
        s.add(
            Assignment(
                plan_id=plan.id,
                item_type="task",
                task_id=plan.tasks[0].id,
                unit_id=world.unit_id,
                role="lead",
            )
        )
        for i in range(2):
            s.add(
                Notification(
                    user_id=user.id,
                    key=f"k{i}",
                    kind="after",
                    title="Quá hạn báo cáo",
                    body=f"Nội dung {i}",
                    link="/nhiem-vu/1",
                    email=True,
                )
            )
        token = feed_token(s, user.id)
        s.commit()
        uid = user.id
    engine.dispose()
    return uid, token


def test_bell_counts_unread_and_marks_read(
    client: TestClient, world: World, sign_in: Callable[[str], None]
) -> None:
    _seed(world)
    sign_in("sokhdt")
    assert 'bell-count">2<' in client.get("/thong-bao/chuong").text
    page = client.get("/thong-bao").text
    assert "Nội dung 0" in page and "2 chưa đọc" in page
    assert client.post("/thong-bao/da-doc-het").status_code == 303
    assert "bell-count" not in client.get("/thong-bao/chuong").text
    sign_in("syte")  # another person's notifications are not theirs to read
    assert "Nội dung 0" not in client.get("/thong-bao").text


def test_ics_feed_needs_the_secret_token(client: TestClient, world: World) -> None:
    _, token = _seed(world)
    r = client.get(f"/lich/{token}.ics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    text = r.text
    assert (
        text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == 1
    )  # a year plan: one report
    assert f"DTSTART;VALUE=DATE:{dt.date.today().year + 1}0115" in text
    assert "Xây dựng đề án\\; chuyển đổi số\\, năm mới" in text.replace("\r\n ", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert client.get("/lich/sai-ma.ics").status_code == 404


def test_office_edits_the_rules_and_a_unit_cannot(
    client: TestClient, world: World, sign_in: Callable[[str], None]
) -> None:
    sign_in("vanphong")
    form = client.get("/nhac-viec").text
    assert "Trước hạn (ngày)" in form
    data = {
        "due_day": "20",
        "quiet_start": "21",
        "quiet_end": "7",
        "count": "1",
        "kind_0": "before",
        "days_0": "3",
        "email_0": "1",
        "active_0": "1",
    }
    assert "Đã lưu lịch nhắc việc" in client.post("/nhac-viec", data=data).text
    bad = client.post("/nhac-viec", data={**data, "due_day": "31"}).text
    assert "Ngày hạn báo cáo phải từ 1 đến 28" in bad
    engine = make_engine(world.settings.resolved_database_url)
    with Session(engine) as s:
        row = s.get(ReminderSettings, 1)
        assert row is not None and (row.due_day, row.quiet_start, row.quiet_end) == (20, 21, 7)
    engine.dispose()
    sign_in("sokhdt")
    assert client.get("/nhac-viec").status_code == 403
