"""Email over a real SMTP server named by `NGHIQUYET_SMTP_URL` (smtp://host:port)."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol
from urllib.parse import urlsplit

from nghiquyet.errors import NghiquyetError


class ChannelError(NghiquyetError):
    """A channel could not deliver; the caller keeps the message and retries on the next run."""


@dataclass(frozen=True, slots=True)
class Mail:
    to: str
    subject: str
    body: str


class MailChannel(Protocol):
    def send(self, mail: Mail) -> None: ...


@dataclass(frozen=True, slots=True)
class SmtpChannel:
    host: str
    port: int
    sender: str = "nghiquyet@localhost"
    timeout: float = 10.0

    @classmethod
    def from_url(cls, url: str, sender: str = "nghiquyet@localhost") -> SmtpChannel:
        parts = urlsplit(url)
        if parts.scheme != "smtp" or not parts.hostname:
            raise ChannelError(f"NGHIQUYET_SMTP_URL không hợp lệ: '{url}' (dùng dạng smtp://host:port)")
        return cls(parts.hostname, parts.port or 25, sender)

    def send(self, mail: Mail) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = mail.to
        msg["Subject"] = mail.subject
        msg.set_content(mail.body, charset="utf-8")
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelError(
                f"Không gửi được thư tới {mail.to} qua {self.host}:{self.port}: {exc}"
            ) from exc
