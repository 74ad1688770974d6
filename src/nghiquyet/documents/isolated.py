"""Read and extract an uploaded file in a child process, within a CPU, wall-clock and memory limit.

The server never runs the extractor in its own process: a hostile file (a page that is slow to
read, an XML that inflates, a PDF of endless pages) costs at most one child's allowance, while
the event loop and every other request go on. Children come from a forkserver that has imported
the extractor once, so a child starts in milliseconds and shares nothing with the server's threads.
At most `extract_workers` children run at once; further uploads wait for a free one.
"""

from __future__ import annotations

import multiprocessing
import resource
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from nghiquyet.config import Settings
from nghiquyet.errors import InputError, LimitExceeded, TooComplex
from nghiquyet.extract import extract_source
from nghiquyet.extract.read import read_document

MB = 1_048_576
_HINT = "tách văn bản thành các tệp nhỏ hơn, hoặc lưu lại bản .docx/.pdf gốc rồi tải lên lại"


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int
    wall_seconds: float
    memory_mb: int
    max_bytes: int

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(cpu_seconds=settings.extract_cpu_seconds, wall_seconds=settings.extract_wall_seconds,
                   memory_mb=settings.extract_memory_mb, max_bytes=settings.max_upload_mb * MB)


Extracted = tuple[dict[str, Any], list[str]]
_lock = threading.Lock()
_slots: dict[int, threading.BoundedSemaphore] = {}
_context: list[Any] = []


def _forkserver() -> Any:
    with _lock:
        if not _context:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload([__name__])
            _context.append(ctx)
        return _context[0]


def _slot(workers: int) -> threading.BoundedSemaphore:
    with _lock:
        return _slots.setdefault(workers, threading.BoundedSemaphore(max(1, workers)))


def extract_file(path: Path, name: str, settings: Settings) -> Extracted:
    """The extraction (as a dict, `source` = `name`) and source lines of the file at `path`.

    Raises the reader's InputError (LimitExceeded for a file too big), or TooComplex when the
    child ran out of time or memory; nothing is stored either way.
    """
    limits = Limits.of(settings)
    slot = _slot(settings.extract_workers)
    if not slot.acquire(timeout=limits.wall_seconds):
        raise TooComplex("máy chủ đang bận đọc các tệp khác (server busy)", path=name,
                         hint="chờ vài phút rồi tải lên lại")
    try:
        return _run(path, name, limits)
    finally:
        slot.release()


def _run(path: Path, name: str, limits: Limits) -> Extracted:
    ctx = _forkserver()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, str(path), name, limits), daemon=True)
    child.start()
    send.close()  # ours: only the child writes, so its death reads as end of file
    message: tuple[Any, ...] | None = None
    try:
        if receive.poll(limits.wall_seconds):
            try:
                message = receive.recv()
            except EOFError:
                message = None  # the child was killed (CPU limit) or died (memory) before answering
        else:
            message = ("wall",)
    finally:
        if child.is_alive():
            child.kill()
        child.join(10)
        receive.close()
    return _answer(message, name, limits)


def _answer(message: tuple[Any, ...] | None, name: str, limits: Limits) -> Extracted:
    kind = message[0] if message else "died"
    if kind == "ok":
        assert message is not None
        return message[1], message[2]
    if kind in ("limit", "input"):
        assert message is not None
        error = LimitExceeded if kind == "limit" else InputError
        raise error(message[1], path=name, hint=message[2])
    if kind == "memory":
        raise TooComplex(f"đọc tệp cần quá {limits.memory_mb} MB bộ nhớ (out of memory)", path=name,
                         hint=_HINT)
    if kind == "crash":
        assert message is not None
        raise RuntimeError(f"extractor failed on {name}: {message[1]}")
    seconds = limits.wall_seconds if kind == "wall" else limits.cpu_seconds
    raise TooComplex(f"đọc tệp mất quá {seconds:g} giây, đã dừng (took too long)", path=name, hint=_HINT)


def _child(conn: Connection, path: str, name: str, limits: Limits) -> None:
    """In the child: set the limits, read and extract, send back the result or the error."""
    # Soft CPU limit: SIGXCPU ends the child; the hard one a second later is the kernel's SIGKILL.
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    memory = limits.memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        source = read_document(path, max_bytes=limits.max_bytes)
        extraction = extract_source(source)
        extraction.source = name
        conn.send(("ok", extraction.to_dict(), source.lines))
    except LimitExceeded as exc:
        conn.send(("limit", exc.message, exc.hint))
    except InputError as exc:
        conn.send(("input", exc.message, exc.hint))
    except MemoryError:
        conn.send(("memory",))
    except Exception as exc:  # a bug in the extractor: the server answers 500, as it would in-process
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()
