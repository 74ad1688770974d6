"""The key that signs login tokens: never a guessable one.

Unset: a random key is made on first start and kept in the data directory (mode 0600), so tokens
survive a restart and nobody can mint one from a string in the code. Set explicitly: it must be
long and not the old shipped default, or the server refuses to start.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from nghiquyet.config import Settings
from nghiquyet.errors import NghiquyetError

KEY_FILE = "secret_key"
MIN_KEY_LENGTH = 32
# Strings that once shipped or that people type when asked for a secret: never accepted.
KNOWN_WEAK = frozenset({"doi-khoa-bi-mat-khi-trien-khai", "secret", "changeme", "nghiquyet"})


class WeakSecretKey(NghiquyetError):
    """NGHIQUYET_SECRET_KEY is set to something an attacker could guess."""


def check_explicit_key(key: str) -> None:
    if key in KNOWN_WEAK or len(key) < MIN_KEY_LENGTH or len(set(key)) < 8:
        raise WeakSecretKey(
            f"NGHIQUYET_SECRET_KEY quá yếu (cần ít nhất {MIN_KEY_LENGTH} ký tự ngẫu nhiên).",
            hint="Bỏ biến này để máy chủ tự tạo khóa trong thư mục dữ liệu, hoặc đặt giá trị của "
                 "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`.")


def _is_in_memory(settings: Settings) -> bool:
    return settings.resolved_database_url in ("sqlite://", "sqlite:///:memory:")


def stored_key(data_dir: Path) -> str:
    """The key kept in `data_dir`, created (0600, atomically) on first use."""
    path = data_dir / KEY_FILE
    if path.exists():
        key = path.read_text(encoding="ascii").strip()
        if len(key) >= MIN_KEY_LENGTH:
            return key
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    tmp = data_dir / f".{KEY_FILE}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    try:
        os.link(tmp, path)  # two workers starting at once: the first key wins, the other reads it
    except FileExistsError:
        tmp.unlink()
        return path.read_text(encoding="ascii").strip()
    tmp.unlink()
    return key


def with_signing_key(settings: Settings) -> Settings:
    """`settings` with a strong secret key; WeakSecretKey when the explicit one is guessable."""
    if settings.secret_key is not None:
        check_explicit_key(settings.secret_key)
        return settings
    # Nothing persists in an in-memory database, so neither need the key.
    key = secrets.token_urlsafe(48) if _is_in_memory(settings) else stored_key(settings.data_dir)
    return settings.model_copy(update={"secret_key": key})
