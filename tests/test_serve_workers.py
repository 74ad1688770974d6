"""`nghiquyet serve --workers N`: N processes on one database, one signing key, every request served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
    cli = [str(Path(sys.executable).parent / "nghiquyet")]  # the installed entry point, as a user runs it
    add = subprocess.run([*cli, "user", "add", "vanphong", "--role", "office", "--password", "vanphong123"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert add.returncode == 0, add.stderr
    port = _free_port()
    server = subprocess.Popen([*cli, "serve", "--port", str(port), "--workers", "2"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        deadline = time.monotonic() + 240  # two fresh interpreters importing the app: slow on a loaded CI box
        while True:
            try:
                up = httpx.get(f"{base}/health", timeout=2).status_code == 200
                if up and len(_children(server.pid)) >= 2:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            assert time.monotonic() < deadline, "serve --workers 2 did not start within 240 s"
            time.sleep(0.3)
        # Two processes serve the port (the supervisor keeps one child per worker).
        assert len(_children(server.pid)) >= 2
        token = httpx.post(f"{base}/auth/login", json={"username": "vanphong", "password": "vanphong123"},
                           timeout=10).json()["token"]
        # Fresh connections spread over both workers: a token signed by one is honoured by the other.
        for _ in range(20):
            me = httpx.get(f"{base}/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
            assert me.status_code == 200 and me.json()["username"] == "vanphong"
    finally:
        server.terminate()
        server.wait(timeout=30)
