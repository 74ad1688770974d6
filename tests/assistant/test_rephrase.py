"""The optional rephrasing endpoint, faked by a real HTTP server on 127.0.0.1 (a thread)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy.orm import Session

from nghiquyet.assistant.service import ask
from nghiquyet.commands.common import SYSTEM_ACTOR
from nghiquyet.config import Settings
from nghiquyet.documents.service import import_document

TEXT = """TỈNH ỦY GIA LAI
NGHỊ QUYẾT
về nhiệm vụ năm 2025

1. Các chỉ tiêu chủ yếu năm 2025
- Tỷ lệ che phủ rừng đạt 46%.
"""
QUESTION = "ty le che phu rung nam 2025 la bao nhieu"


class FakeLLM:
    """Answers every POST with `reply`; keeps what it was sent."""

    def __init__(self) -> None:
        self.reply = ""
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                fake.requests.append({"path": self.path, "body": json.loads(self.rfile.read(length))})
                data = json.dumps({"choices": [{"message": {"role": "assistant", "content": fake.reply}}]})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(data.encode())

            def log_message(self, format: str, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@pytest.fixture
def llm() -> Iterator[FakeLLM]:
    fake = FakeLLM()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def _ask(db: Session, settings: Settings, url: str | None) -> str:
    import_document(db, filename="nq.txt", data=TEXT.encode(), actor=SYSTEM_ACTOR, settings=settings)
    db.flush()
    answer = ask(db, settings.model_copy(update={"llm_url": url}), QUESTION)
    assert answer.found and answer.citations[0].line == 6, answer
    return answer.answer


def test_a_grounded_rephrasing_is_used(db: Session, settings: Settings, llm: FakeLLM) -> None:
    llm.reply = "Tỉnh phấn đấu đưa tỷ lệ che phủ rừng lên 46%."
    assert _ask(db, settings, llm.url) == llm.reply
    sent = llm.requests[0]
    assert sent["path"] == "/v1/chat/completions"
    assert "dòng 6: - Tỷ lệ che phủ rừng đạt 46%." in sent["body"]["messages"][1]["content"]


def test_a_rephrasing_with_a_figure_not_in_the_passages_is_rejected(db: Session, settings: Settings,
                                                                     llm: FakeLLM) -> None:
    llm.reply = "Tỷ lệ che phủ rừng đạt 48%, tăng 2% so với năm trước."
    answer = _ask(db, settings, llm.url)
    assert "48" not in answer and "46%" in answer and "[nq.txt, dòng 6]" in answer
    assert len(llm.requests) == 1


def test_an_endpoint_that_is_down_leaves_the_extractive_answer(db: Session, settings: Settings) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert "46%" in _ask(db, settings, f"http://127.0.0.1:{port}")


def test_off_by_default_nothing_is_sent(db: Session, settings: Settings, llm: FakeLLM) -> None:
    assert settings.llm_url is None
    assert "46%" in _ask(db, settings, None)
    assert llm.requests == []
