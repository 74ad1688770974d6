"""`nghiquyet serve --workers N`: N processes on one database, one signing key, every request served."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import httpx

from tests.serving import CLI, serving


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_two_workers_share_the_database_and_the_signing_key(tmp_path: Path) -> None:
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(tmp_path),
           "NGHIQUYET_DATABASE_URL": f"sqlite:///{tmp_path / 'nghiquyet.db'}"}
    env.pop("NGHIQUYET_SECRET_KEY", None)
    add = subprocess.run([*CLI, "user", "add", "vanphong", "--role", "office", "--password", "vanphong123"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert add.returncode == 0, add.stderr
    with serving(env, tmp_path / "serve.log", ["--workers", "2"],
                 ready=lambda server: len(_children(server.process.pid)) >= 2) as server:
        base = server.api
        # Two processes serve the port (the supervisor keeps one child per worker).
        assert len(_children(server.process.pid)) >= 2
        token = httpx.post(f"{base}/auth/login", json={"username": "vanphong", "password": "vanphong123"},
                           timeout=10).json()["token"]
        # Fresh connections spread over both workers: a token signed by one is honoured by the other.
        for _ in range(20):
            me = httpx.get(f"{base}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
            assert me.status_code == 200 and me.json()["username"] == "vanphong"
