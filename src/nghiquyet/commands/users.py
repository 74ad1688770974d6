"""`user add`: create an account from the command line (the first admin, scripted set-ups)."""

from __future__ import annotations

from typing import Annotated

import typer

from nghiquyet.commands.common import fail, open_database, transaction
from nghiquyet.errors import NghiquyetError

app = typer.Typer(help="Quản lý tài khoản.", no_args_is_help=True)


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Tên đăng nhập")],
    role: Annotated[str, typer.Option(help="admin, office, unit, leader hoặc inspector")],
    password: Annotated[str, typer.Option(prompt="Mật khẩu", hide_input=True, help="Mật khẩu")],
    unit: Annotated[int | None, typer.Option(help="Số của đơn vị (bắt buộc với vai trò unit)")] = None,
    full_name: Annotated[str | None, typer.Option(help="Họ và tên")] = None,
) -> None:
    """Tạo tài khoản mới."""
    from nghiquyet.accounts.service import create_user

    _, engine, factory = open_database()
    try:
        with transaction(factory) as session:
            # actor=None: whoever runs the CLI on the server already controls the database.
            user = create_user(session, username=name, password=password, role=role, unit_id=unit,
                               actor=None, full_name=full_name)
            typer.echo(f"Đã tạo tài khoản '{user.username}' (số {user.id}, vai trò {user.role}).")
    except NghiquyetError as exc:
        raise fail(str(exc)) from exc
    finally:
        engine.dispose()


@app.command("password")
def password(
    name: Annotated[str, typer.Argument(help="Tên đăng nhập")],
    new_password: Annotated[str, typer.Option("--password", prompt="Mật khẩu mới", hide_input=True,
                                              confirmation_prompt=True, help="Mật khẩu mới")],
) -> None:
    """Đặt lại mật khẩu; mọi phiên đăng nhập cũ của tài khoản kết thúc ngay."""
    from nghiquyet.accounts.service import find_user, set_password

    _, engine, factory = open_database()
    try:
        with transaction(factory) as session:
            user = find_user(session, name)
            if user is None:
                raise fail(f"không có tài khoản '{name}'")
            set_password(session, user=user, password=new_password, actor=None)
            typer.echo(f"Đã đặt lại mật khẩu của '{user.username}'; các phiên đăng nhập cũ đã bị hủy.")
    except NghiquyetError as exc:
        raise fail(str(exc)) from exc
    finally:
        engine.dispose()
