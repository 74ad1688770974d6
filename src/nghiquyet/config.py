"""Settings from the environment (prefix NGHIQUYET_), built by a function, never at import."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    return Path.cwd() / "nghiquyet-data"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NGHIQUYET_", extra="ignore")

    data_dir: Path = Path("nghiquyet-data")
    database_url: str | None = None  # default: SQLite file inside data_dir
    secret_key: str | None = None  # unset: a random key kept in data_dir (accounts/signing_key.py)
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

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'nghiquyet.db').resolve()}"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
