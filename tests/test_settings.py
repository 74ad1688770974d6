"""Settings: read from NGHIQUYET_* variables, a keyword wins, a bad value names its variable."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from nghiquyet import config
from nghiquyet.config import Settings, SettingsError, load_settings


@pytest.fixture(autouse=True)
def _no_outside_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(config.os.environ):
        if name.upper().startswith("NGHIQUYET_"):
            monkeypatch.delenv(name)


def test_defaults_without_environment() -> None:
    s = load_settings()
    assert s.data_dir == Path("nghiquyet-data")
    assert s.database_url is None and s.secret_key is None
    assert (s.token_hours, s.db_pool_size, s.extract_wall_seconds, s.cookie_secure) == (12, 20, 180.0, False)
    assert s.resolved_database_url == f"sqlite:///{Path('nghiquyet-data/nghiquyet.db').resolve()}"


def test_each_type_is_read_from_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NGHIQUYET_DATA_DIR", "/srv/nq")
    monkeypatch.setenv("NGHIQUYET_DATABASE_URL", "postgresql+psycopg://db/nq")
    monkeypatch.setenv("NGHIQUYET_TOKEN_HOURS", " 8 ")
    monkeypatch.setenv("NGHIQUYET_EXTRACT_WALL_SECONDS", "90")
    monkeypatch.setenv("NGHIQUYET_COOKIE_SECURE", "yes")
    s = load_settings()
    assert s.data_dir == Path("/srv/nq") and s.files_dir == Path("/srv/nq/files")
    assert s.resolved_database_url == "postgresql+psycopg://db/nq"
    assert s.token_hours == 8 and s.extract_wall_seconds == 90.0 and s.cookie_secure is True


def test_variable_names_are_matched_without_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("nghiquyet_smtp_url", "smtp://127.0.0.1:2525")
    assert load_settings().smtp_url == "smtp://127.0.0.1:2525"


def test_a_keyword_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NGHIQUYET_DATA_DIR", "/elsewhere")
    monkeypatch.setenv("NGHIQUYET_MAX_UPLOAD_MB", "5")
    s = Settings(data_dir=str(tmp_path), extract_wall_seconds=120)
    assert s.data_dir == tmp_path and s.max_upload_mb == 5
    assert isinstance(s.extract_wall_seconds, float)


@pytest.mark.parametrize(("variable", "value"), [("NGHIQUYET_TOKEN_HOURS", "twelve"),
                                                 ("NGHIQUYET_EXTRACT_WALL_SECONDS", "3 phút"),
                                                 ("NGHIQUYET_COOKIE_SECURE", "maybe"),
                                                 ("NGHIQUYET_DB_POOL_SIZE", "")])
def test_a_value_that_does_not_parse_names_its_variable(monkeypatch: pytest.MonkeyPatch, variable: str,
                                                        value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        load_settings()


def test_a_wrong_keyword_is_refused() -> None:
    with pytest.raises(SettingsError, match="token_hours"):
        Settings(token_hours="many")
    with pytest.raises(TypeError, match="no setting"):
        Settings(tokenhours=3)


def test_model_copy_changes_only_what_it_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings(secret_key="k" * 40, max_upload_mb=3)
    monkeypatch.setenv("NGHIQUYET_TOKEN_HOURS", "1")  # not read again by a copy
    copy = s.model_copy(update={"cookie_secure": True})
    assert copy.cookie_secure is True and copy.max_upload_mb == 3 and copy.token_hours == 12
    assert copy.secret_key == s.secret_key and "k" * 40 not in repr(copy)


def test_each_type_is_told_by_its_default() -> None:
    """A setting's type is read off its default (None: optional text); the annotation must agree."""
    hints = typing.get_type_hints(Settings)
    for f in dataclasses.fields(Settings):
        kind = config._kind(f.default)
        assert hints[f.name] == (kind | None if f.default is None else kind), f.name
