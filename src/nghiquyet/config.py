"""Settings from the environment (prefix NGHIQUYET_), built by a function, never at import.

A plain dataclass, not pydantic-settings: that package (with asyncio, dotenv and its model's schema)
cost 0.05 s of every command's start. The rules are the ones pydantic-settings applied: a keyword
given to `Settings(...)` wins over the environment, the environment over the default; variable
names are matched without regard to case; a value that does not parse is refused with the
variable's name (`SettingsError`); no `.env` file is read.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PREFIX = "NGHIQUYET_"
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


class SettingsError(ValueError):
    """A setting whose value cannot be read as its type (names the variable and the value)."""


def default_data_dir() -> Path:
    return Path.cwd() / "nghiquyet-data"


def _int(text: str) -> int:
    return int(text.strip())


def _float(text: str) -> float:
    return float(text.strip())


def _bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError("not a yes/no value (1/0, true/false, yes/no, on/off)")


_PARSERS: dict[type, Callable[[str], Any]] = {int: _int, float: _float, bool: _bool, str: str, Path: Path}


def _kind(default: object) -> type:
    """A setting's type, told by its default: None stands for an optional text (`str | None`)."""
    return Path if isinstance(default, Path) else str if default is None else type(default)


def _environment() -> dict[str, str]:
    """NGHIQUYET_* variables by lower-case field name (pydantic-settings matched names case-blind)."""
    return {k[len(PREFIX):].lower(): v for k, v in os.environ.items() if k.upper().startswith(PREFIX)}


def _coerce(kind: type, optional: bool, value: Any, source: str) -> Any:
    if value is None and optional:
        return None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if isinstance(value, str) or (kind is Path and isinstance(value, os.PathLike)):
        try:
            return _PARSERS[kind](value if isinstance(value, str) else os.fspath(value))
        except ValueError as exc:
            raise SettingsError(f"{source}: {value!r} is not a valid {kind.__name__} ({exc})") from None
    raise SettingsError(f"{source}: {value!r} is not a valid {kind.__name__}")


@dataclass(init=False)
class Settings:
    data_dir: Path = Path("nghiquyet-data")
    database_url: str | None = None  # default: SQLite file inside data_dir
    # Unset: a random key kept in data_dir (accounts/signing_key.py). Never shown by repr().
    secret_key: str | None = field(default=None, repr=False)
    token_hours: int = 12
    max_upload_mb: int = 50
    # Each upload is read in a child process within these limits (documents/isolated.py).
    extract_cpu_seconds: int = 60
    extract_wall_seconds: float = 180.0  # a busy machine shares its cores: wall time runs ahead of CPU
    extract_memory_mb: int = 2048  # address space of the child: the interpreter and lxml included
    extract_workers: int = 2  # children at once per server process; more uploads wait their turn
    smtp_url: str | None = None  # smtp://host:port; unset: reminders stay in the app
    smtp_from: str = "nghiquyet@localhost"
    base_url: str = "http://127.0.0.1:8000"  # links in emails and the calendar feed
    reminders: str = "off"  # "on": `serve` runs the reminder job on a schedule
    reminders_interval_s: int = 600
    llm_url: str | None = None  # OpenAI-compatible endpoint that may rephrase the assistant's answers
    llm_model: str = "default"
    cookie_secure: bool = False  # 1: the session cookie is Secure even when the request looks like http
    trusted_proxies: str = "127.0.0.1"  # peers whose X-Forwarded-For/-Proto `serve` believes (uvicorn)
    # Database connections each server process keeps open (PostgreSQL). Sized to the requests one
    # process serves at once: a pool smaller than that opened and closed a connection (a PostgreSQL
    # backend fork) for most requests under load. `serve --workers N` lowers it to stay under the
    # server's 100 connections.
    db_pool_size: int = 20

    def __init__(self, **values: Any) -> None:
        fields = {f.name: f for f in dataclasses.fields(self)}
        unknown = sorted(set(values) - set(fields))
        if unknown:
            raise TypeError(f"Settings has no setting {', '.join(unknown)}")
        env = _environment()
        for name, f in fields.items():
            kind, optional = _kind(f.default), f.default is None
            if name in values:
                value = _coerce(kind, optional, values[name], name)
            elif name in env:
                value = _coerce(kind, False, env[name], PREFIX + name.upper())
            else:
                value = f.default
            setattr(self, name, value)

    def model_copy(self, *, update: dict[str, Any]) -> Settings:
        """A copy with some settings changed (pydantic's name for it); the environment is not read again."""
        return Settings(**{**{f.name: getattr(self, f.name) for f in dataclasses.fields(self)}, **update})

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'nghiquyet.db').resolve()}"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)
