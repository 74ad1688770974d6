"""A clock moved through a quarter: every reminder is sent once, by email (a real SMTP server) and in-app."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.db import make_session_factory
from nghiquyet.notifications.email import SmtpChannel
from nghiquyet.reminders.models import EmailMessage, Notification
from nghiquyet.reminders.service import LOCAL_TZ, acquire_lease, run
from tests.reminders.conftest import SmtpServer, at_once, build_world, return_the_update


def at(day: str, hour: int = 9) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=LOCAL_TZ)


def kinds(factory: sessionmaker[Session], user_id: int) -> list[str]:
    with factory() as s:
        return sorted(s.scalars(select(Notification.kind).where(Notification.user_id == user_id)))


def test_a_quarter_of_reminders_each_sent_once(
    session_factory: sessionmaker[Session], smtp_server: SmtpServer
) -> None:
    world = build_world(session_factory)
    channel = SmtpChannel.from_url(smtp_server.url)
    inbox = smtp_server.inbox

    def step(day: str, hour: int = 9) -> None:
        run(session_factory, now=at(day, hour), channel=channel, base_url="https://nq.lamdong.gov.vn")

    step("2024-04-01")
    assert inbox.messages == []  # Q1 is due on 15/04; the first reminder is seven days before
    step("2024-04-08")
    step("2024-04-08", 15)  # a second run the same day sends nothing twice
    (digest,) = inbox.to("stc@lamdong.gov.vn")
    assert digest["Subject"] == "[nghiquyet] Nhắc việc hôm nay: 2 nội dung cần theo dõi"
    body = digest.get_content()
    assert "Sắp đến hạn báo cáo" in body and "Xây dựng đề án A" in body and "Rà soát thủ tục B" in body
    assert "hạn 15/04/2024" in body and "https://nq.lamdong.gov.vn/nhiem-vu/" in body
    assert kinds(session_factory, world.u1) == ["before", "before"]

    return_the_update(session_factory, world)
    step("2024-04-10")
    returned = inbox.to("syt@lamdong.gov.vn")[-1]
    assert "Báo cáo bị trả lại" in returned.get_content() and "Thiếu minh chứng" in returned.get_content()

    step("2024-04-15")
    step("2024-04-16")
    step("2024-04-25")  # ten days late: the office and the leader are told
    step("2024-04-25", 16)
    step("2024-05-20")
    assert kinds(session_factory, world.u1) == ["after", "after", "before", "before", "on_day", "on_day"]
    assert kinds(session_factory, world.u2) == ["after", "before", "on_day", "returned"]
    assert kinds(session_factory, world.office) == ["escalate"] * 3
    assert kinds(session_factory, world.leader) == ["escalate"] * 3
    assert len(inbox.to("stc@lamdong.gov.vn")) == 3  # 08/04, 15/04, 16/04: one digest a day
    assert len(inbox.to("syt@lamdong.gov.vn")) == 4
    (office_mail,) = inbox.to("vp@lamdong.gov.vn")
    assert (
        "Đơn vị chậm báo cáo" in office_mail.get_content() and "đã trễ 10 ngày" in office_mail.get_content()
    )
    assert len(inbox.to("ld@lamdong.gov.vn")) == 1
    assert len(inbox.messages) == 9


def test_quiet_hours_hold_the_email_until_morning(
    session_factory: sessionmaker[Session], smtp_server: SmtpServer
) -> None:
    build_world(session_factory)
    channel = SmtpChannel.from_url(smtp_server.url)
    run(session_factory, now=at("2024-04-08", 23), channel=channel)
    assert smtp_server.inbox.messages == []
    with session_factory() as s:
        assert s.scalar(select(func.count(Notification.id))) == 3  # in-app messages appear at once
    run(session_factory, now=at("2024-04-09", 7), channel=channel)
    assert len(smtp_server.inbox.messages) == 2


def test_a_failing_smtp_server_is_retried_on_the_next_run(
    session_factory: sessionmaker[Session], smtp_server: SmtpServer
) -> None:
    build_world(session_factory)
    dead = SmtpChannel("127.0.0.1", 1, timeout=2)
    result = run(session_factory, now=at("2024-04-08"), channel=dead)
    assert result.failed_email == 2 and result.sent_inapp == 3
    with session_factory() as s:
        assert set(s.scalars(select(EmailMessage.state))) == {"failed"}
    run(session_factory, now=at("2024-04-08", 10), channel=SmtpChannel.from_url(smtp_server.url))
    assert len(smtp_server.inbox.messages) == 2


def test_remind_cli_twice_sends_nothing_twice(
    session_factory: sessionmaker[Session], db_engine: Engine, smtp_server: SmtpServer, tmp_path: object
) -> None:
    build_world(session_factory)
    url = db_engine.url.render_as_string(hide_password=False)
    cli = CliRunner(env={"NGHIQUYET_DATABASE_URL": url, "NGHIQUYET_SMTP_URL": smtp_server.url})
    dry = cli.invoke(app, ["remind", "--dry-run", "--now", "2024-04-08T09:00"])
    assert dry.exit_code == 0, dry.output
    lines = dry.stdout.splitlines()
    assert len([x for x in lines if x.startswith("trong ứng dụng → ")]) == 3
    assert "thư → stc@lamdong.gov.vn: [nghiquyet] Nhắc việc hôm nay: 2 nội dung cần theo dõi" in lines
    assert smtp_server.inbox.messages == []
    with session_factory() as s:
        assert s.scalar(select(func.count(Notification.id))) == 0  # a dry run writes nothing

    first = cli.invoke(app, ["remind", "--now", "2024-04-08T09:00"])
    assert first.exit_code == 0, first.output
    second = cli.invoke(app, ["remind", "--now", "2024-04-08T09:30"])
    assert second.exit_code == 0, second.output
    assert len(smtp_server.inbox.messages) == 2
    assert second.stdout.strip() == ""
    assert "Đã tạo 0 thông báo, gửi 0 thư" in second.stderr


def test_two_workers_with_their_own_engines_send_once(
    session_factory: sessionmaker[Session], db_engine: Engine, smtp_server: SmtpServer
) -> None:
    build_world(session_factory)

    def send(factory: sessionmaker[Session], barrier: threading.Barrier) -> None:
        barrier.wait()
        run(factory, now=at("2024-04-08"), channel=SmtpChannel.from_url(smtp_server.url))

    errors = at_once(db_engine, send)
    assert errors == []
    assert len(smtp_server.inbox.messages) == 2
    with session_factory() as s:
        assert s.scalar(select(func.count(Notification.id))) == 3


def test_the_lease_keeps_a_second_worker_out_until_it_expires(session_factory: sessionmaker[Session]) -> None:
    now = at("2024-04-08")
    assert acquire_lease(session_factory, "a", now=now, seconds=60)
    assert not acquire_lease(session_factory, "b", now=now + dt.timedelta(seconds=30))
    assert acquire_lease(session_factory, "a", now=now + dt.timedelta(seconds=30), seconds=60)  # renewal
    assert acquire_lease(session_factory, "b", now=now + dt.timedelta(seconds=200))


def test_two_serve_schedulers_send_once(
    session_factory: sessionmaker[Session], db_engine: Engine, smtp_server: SmtpServer
) -> None:
    """What `serve` runs with NGHIQUYET_REMINDERS=on, in two workers with their own engines."""
    import time

    from nghiquyet.reminders.scheduler import ReminderScheduler

    build_world(session_factory)
    url = db_engine.url.render_as_string(hide_password=False)
    engines = [create_engine(url) for _ in range(2)]
    schedulers = [
        ReminderScheduler(
            make_session_factory(e),
            channel=SmtpChannel.from_url(smtp_server.url),
            base_url="http://x",
            interval_s=0.05,
            clock=lambda: at("2024-04-08"),
        )
        for e in engines
    ]
    for s in schedulers:
        s.start()
    time.sleep(1.0)
    for s in schedulers:
        s.stop()
    for e in engines:
        e.dispose()
    assert len(smtp_server.inbox.messages) == 2
