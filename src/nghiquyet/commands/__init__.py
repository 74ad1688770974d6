"""Tracking commands (serve, user, plans, import, demo), registered on the main Typer app by cli.py."""

from __future__ import annotations

import typer

from nghiquyet.commands import ask, backup, chain, data, levels, remind, search, server, users


def register(app: typer.Typer) -> None:
    app.command("serve")(server.serve)
    app.command("demo")(server.demo)
    app.add_typer(users.app, name="user")
    app.command("plans")(data.plans)
    app.command("import")(data.import_files)
    app.command("confirm")(chain.confirm)
    app.command("assign")(chain.assign)
    app.add_typer(chain.units_app, name="units")
    app.command("remind")(remind.remind)
    app.command("search")(search.search)
    app.command("ask")(ask.ask)
    app.command("tally")(levels.tally)
    app.command("backup")(backup.backup)
    app.command("restore")(backup.restore)


__all__ = ["register"]
