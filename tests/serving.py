"""Start the real `nghiquyet serve` on a free loopback port and wait until it answers.

One helper for every test that drives the server as a user runs it (a subprocess of the installed
entry point) and for `benchmarks/load.py`. The server's output goes to a file, never to a pipe
nobody reads: a pipe fills after 64 KB of access log and then blocks the server mid-request.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

CLI = [str(Path(sys.executable).with_name("nghiquyet"))]  # the venv's console script
START_TIMEOUT_S = 240.0  # fresh interpreters importing the app: slow on a loaded 2-core CI box


class ServerDidNotStart(RuntimeError):
    """`nghiquyet serve` exited or stayed silent; carries the end of what it printed."""


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen[bytes]
    url: str  # http://127.0.0.1:PORT
    log: Path

    @property
    def api(self) -> str:
        return f"{self.url}/api/v1"

    def output(self, last: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-last:] if self.log.exists() else ""


def free_port() -> int:
    """A loopback port nobody listens on now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(server: Server, ready: Callable[[], bool] | None = None,
                  timeout: float = START_TIMEOUT_S) -> None:
    """Poll /api/v1/health until it answers 200 (and `ready()` holds), or raise ServerDidNotStart."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{server.api}/health", timeout=2).status_code == 200 and (ready is None or ready()):
                return
        except httpx.TransportError:
            pass
        if server.process.poll() is not None:
            raise ServerDidNotStart(f"serve exited with {server.process.returncode}:\n{server.output()}")
        if time.monotonic() > deadline:
            raise ServerDidNotStart(f"serve did not answer within {timeout:.0f} s:\n{server.output()}")
        time.sleep(0.3)


@contextmanager
def serving(env: Mapping[str, str], log: Path, args: Sequence[str] = (),
            ready: Callable[[Server], bool] | None = None) -> Iterator[Server]:
    """`nghiquyet serve --port P *args` with `env`, up and answering; stopped (and reaped) on exit."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen([*CLI, "serve", "--port", str(port), *args], env=dict(env),
                                   stdout=out, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        wait_until_up(server, None if ready is None else lambda: ready(server))
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
