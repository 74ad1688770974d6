"""`user password`: an administrator's reset on the server; every old token of the account stops."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from nghiquyet.accounts.models import User
from nghiquyet.accounts.service import (
    TokenError,
    authenticate,
    hash_password,
    issue_token,
    user_from_token,
)
from nghiquyet.cli import app
from nghiquyet.config import Settings
from nghiquyet.errors import InputError


@pytest.fixture
def cli(settings: Settings, session_factory: sessionmaker[Session]) -> CliRunner:
    return CliRunner(env={"NGHIQUYET_DATA_DIR": str(settings.data_dir),
                          "NGHIQUYET_DATABASE_URL": settings.resolved_database_url,
                          "NGHIQUYET_SECRET_KEY": settings.secret_key or ""})


def test_user_password_resets_and_revokes(cli: CliRunner, session_factory: sessionmaker[Session],
                                          settings: Settings) -> None:
    with session_factory() as session:
        session.add(User(username="kiemtra", password_hash=hash_password("cu-cu-cu"), role="inspector"))
        session.commit()
        user = session.query(User).filter_by(username="kiemtra").one()
        token = issue_token(user, settings)
    result = cli.invoke(app, ["user", "password", "kiemtra", "--password", "moi-moi-moi"])
    assert result.exit_code == 0, result.output
    assert "các phiên đăng nhập cũ đã bị hủy" in result.output
    with session_factory() as session:
        with pytest.raises(TokenError):
            user_from_token(session, token=token, settings=settings)
        assert authenticate(session, username="kiemtra", password="moi-moi-moi").username == "kiemtra"
        with pytest.raises(InputError):
            authenticate(session, username="kiemtra", password="cu-cu-cu")


def test_user_password_names_an_unknown_account(cli: CliRunner) -> None:
    result = cli.invoke(app, ["user", "password", "khong-co", "--password", "moi-moi-moi"])
    assert result.exit_code == 1 and "không có tài khoản 'khong-co'" in result.output
