"""Issue 11 point 1: no server signs tokens with a key anyone can guess."""

from __future__ import annotations

import hashlib
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from nghiquyet.accounts.signing_key import KEY_FILE, WeakSecretKey
from nghiquyet.cli import app as cli_app
from nghiquyet.config import Settings
from nghiquyet.web.app import create_app

from .conftest import MakeUser, login

OLD_DEFAULT = "doi-khoa-bi-mat-khi-trien-khai"  # the string that shipped in config.py


def _forged(key: str, user_id: int) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "role": "admin", "iat": int(now.timestamp()),
              "exp": int((now + timedelta(hours=1)).timestamp())}
    return jwt.encode(claims, hashlib.sha256(key.encode()).digest(), algorithm="HS256")


def test_token_forged_with_the_shipped_default_is_refused(settings: Settings, make_user: MakeUser,
                                                           tmp_path: Path) -> None:
    admin = make_user("quantri", "admin")
    unset = settings.model_copy(update={"secret_key": None, "data_dir": tmp_path / "unset"})
    app = create_app(unset)
    with TestClient(app) as client:
        bearer = {"Authorization": f"Bearer {_forged(OLD_DEFAULT, admin.id)}"}
        forged = client.get("/api/v1/auth/me", headers=bearer)
        assert forged.status_code == 401
        real = login(client, "quantri")
        assert client.get("/api/v1/auth/me", headers=real).json()["username"] == "quantri"
    app.state.engine.dispose()


def test_generated_key_is_private_random_and_survives_a_restart(settings: Settings, make_user: MakeUser,
                                                                 tmp_path: Path) -> None:
    make_user("vanphong", "office")
    unset = settings.model_copy(update={"secret_key": None, "data_dir": tmp_path / "data"})
    first = create_app(unset)
    with TestClient(first) as client:
        headers = login(client, "vanphong")
    first.state.engine.dispose()
    key_file = tmp_path / "data" / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(key_file.read_text().strip()) >= 32
    # A restarted server reads the same key: the session is still valid.
    second = create_app(unset)
    with TestClient(second) as client:
        assert client.get("/api/v1/auth/me", headers=headers).status_code == 200
    second.state.engine.dispose()
    # Another data directory gets another key.
    other = create_app(unset.model_copy(update={"data_dir": tmp_path / "other"}))
    assert (tmp_path / "other" / KEY_FILE).read_text() != key_file.read_text()
    other.state.engine.dispose()


@pytest.mark.parametrize("weak", [OLD_DEFAULT, "secret", "ngan-qua", "a" * 40])
def test_weak_explicit_key_refuses_to_start(weak: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(WeakSecretKey):
        create_app(Settings(data_dir=tmp_path, database_url="sqlite://", secret_key=weak))
    monkeypatch.setenv("NGHIQUYET_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NGHIQUYET_SECRET_KEY", weak)
    result = CliRunner().invoke(cli_app, ["serve", "--port", "1"])
    assert result.exit_code != 0
    assert "NGHIQUYET_SECRET_KEY" in result.output
    assert not (tmp_path / "nghiquyet.db").exists()  # refused before touching the database
