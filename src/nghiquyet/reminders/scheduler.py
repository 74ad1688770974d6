"""The reminder job inside `serve` (NGHIQUYET_REMINDERS=on): a daemon thread that runs every few minutes.

Each worker process starts one; the database lease lets only one of them send at a time, and the
stored messages make a run that overlaps another send nothing twice. A failing run is logged and
tried again at the next tick: it never reaches a request.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from nghiquyet.notifications.email import MailChannel
from nghiquyet.reminders.service import run

log = logging.getLogger(__name__)


class ReminderScheduler:
    def __init__(
        self,
        factory: sessionmaker[Session],
        *,
        channel: MailChannel | None,
        base_url: str,
        interval_s: float = 600.0,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.factory, self.channel, self.base_url, self.interval_s = factory, channel, base_url, interval_s
        self.clock = clock
        self.holder = f"serve-{uuid.uuid4().hex[:12]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="nghiquyet-reminders", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def tick(self) -> None:
        try:
            result = run(
                self.factory,
                now=self.clock(),
                channel=self.channel,
                base_url=self.base_url,
                holder=self.holder,
            )
        except Exception:  # logged and retried next tick; the web server keeps serving
            log.exception("Nhắc việc: lần chạy bị lỗi, sẽ chạy lại sau %s giây", self.interval_s)
            return
        if result.sent_inapp or result.sent_email or result.failed_email:
            log.info(
                "Nhắc việc: %s thông báo, %s thư, %s thư lỗi",
                result.sent_inapp,
                result.sent_email,
                result.failed_email,
            )

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.tick()
            self._stop.wait(self.interval_s)
