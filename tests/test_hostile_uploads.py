"""Hostile uploads to the real server (issue 11, point 2): each is answered within a bound with a
Vietnamese message, nothing is left half-written, and `/api/v1/health` keeps answering meanwhile.

The server is `nghiquyet serve` in a subprocess, as a user runs it. A thread polls the health route
through the whole run. Bound on the health answers: p95 under 100 ms and none over 5 s. The p95,
not every answer, because this test runs on a shared 2-core machine where any request is
sometimes descheduled for a moment; a blocked event loop (the old behaviour) shows as answers of
tens of seconds, or none at all.
"""

from __future__ import annotations

import io
import os
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.serving import CLI, serving

UPLOAD_BOUND_S = 120.0  # each hostile upload answered within this (the wall limit below, plus margin)
HEALTH_P95_S = 0.100
HEALTH_MAX_S = 5.0

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body_chunk: bytes, repeats: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """A .docx whose document.xml is `head + body_chunk * repeats + tail`, written in chunks."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(repeats):
                member.write(body_chunk)
            member.write(tail)
    return out.getvalue()


def zip_bomb() -> bytes:
    """400 MB of one byte, deflated to a few hundred KB: under the declared-size check (10 × 50 MB)."""
    return _docx(b" " * 1_048_576, 400)


def inflating_xml() -> bytes:
    """A well-formed document.xml of 60 MB of paragraphs (the probe's 208 KB file that took 1.3 GB)."""
    para = '<w:p><w:r><w:t>Chỉ tiêu đạt 1234,56%</w:t></w:r></w:p>'.encode()
    chunk = para * (1_048_576 // len(para))
    return _docx(chunk, 60, head=f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode(),
                 tail=b"</w:body></w:document>")


def many_pages_pdf(pages: int = 5000) -> bytes:
    """A valid PDF of `pages` pages, each with a line of text, built by hand (no library needed)."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 12 Tf 72 770 Td (Nghi quyet so 1) Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    first_page = len(objects) + 1
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>")
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(pages))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def numbers_line() -> bytes:
    """1 MB in one line of "1234,56%" separated by spaces and "; " (the probe's 24.6 s freeze at 107 KB)."""
    unit = "1234,56% 7.890,12%; "
    return (unit * (1_048_576 // len(unit)))[:1_000_000].encode()


class HealthPoller(threading.Thread):
    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base, self.times, self.failures = base, [], []
        self.stop = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=HEALTH_MAX_S * 5) as client:
            while not self.stop.is_set():
                t0 = time.perf_counter()
                try:
                    ok = client.get(f"{self.base}/health").status_code == 200
                except httpx.HTTPError as exc:
                    ok = False
                    self.failures.append(repr(exc))
                self.times.append(time.perf_counter() - t0)
                if not ok and not self.failures:
                    self.failures.append("not 200")
                self.stop.wait(0.05)

    def finish(self) -> None:
        self.stop.set()
        self.join(30)

    def assert_kept_answering(self, min_answers: int, *, beside: str) -> None:
        """Every health check answered 200, within the bounds; the figures are printed first, beside
        what the test did, so a failing run still shows them."""
        times = sorted(self.times)
        p95 = times[int(len(times) * 0.95)]
        figures = (f"health: {len(times)} answers, p50 {times[len(times) // 2] * 1000:.0f} ms, "
                   f"p95 {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")
        print(f"{beside}; {figures}")
        assert not self.failures, self.failures[:3]
        assert len(times) > min_answers
        assert p95 < HEALTH_P95_S and times[-1] < HEALTH_MAX_S, (p95, times[-1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(tmp_path),
           "NGHIQUYET_DATABASE_URL": f"sqlite:///{tmp_path / 'nghiquyet.db'}",
           "NGHIQUYET_EXTRACT_CPU_SECONDS": "30", "NGHIQUYET_EXTRACT_WALL_SECONDS": "90"}
    add = subprocess.run([*CLI, "user", "add", "vanphong", "--role", "office", "--password", "vanphong123"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert add.returncode == 0, add.stderr
    with serving(env, tmp_path / "serve.log") as running:
        yield running.api, tmp_path


def test_hostile_uploads_are_answered_while_health_keeps_answering(server: tuple[str, Path]) -> None:
    base, data_dir = server
    token = httpx.post(f"{base}/auth/login", json={"username": "vanphong", "password": "vanphong123"},
                       timeout=30).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    hostile = [
        ("bom-nen.docx", zip_bomb(), {413}, "giải nén"),
        ("xml-phinh.docx", inflating_xml(), {413}, "giải nén"),
        ("5000-trang.pdf", many_pages_pdf(), {413}, "5.000 trang"),
        ("mot-dong-so.txt", numbers_line(), {200, 422}, ""),
    ]
    poller = HealthPoller(base)
    poller.start()
    answers = []
    try:
        time.sleep(0.5)  # a few answers from the idle server first
        with httpx.Client(timeout=UPLOAD_BOUND_S * 2, headers=headers) as client:
            for name, data, statuses, words in hostile:
                t0 = time.perf_counter()
                response = client.post(f"{base}/documents", files={"file": (name, data)})
                took = time.perf_counter() - t0
                answers.append((name, response.status_code, round(took, 1)))
                assert response.status_code in statuses, (name, response.status_code, response.text[:300])
                assert took < UPLOAD_BOUND_S, (name, took)
                if response.status_code != 200:
                    detail = response.json()["detail"]
                    # What is wrong, then what to do
                    assert name in detail and words in detail and "—" in detail, detail
    finally:
        poller.finish()
    poller.assert_kept_answering(min_answers=20, beside=f"uploads {answers}")
    # Nothing half-written: only an accepted upload has a row and a stored file, no temporary file left.
    listed = httpx.get(f"{base}/documents", headers=headers, timeout=30).json()
    accepted = [n for n, status, _ in answers if status == 200]
    assert sorted(d["filename"] for d in listed) == sorted(accepted)
    files = data_dir / "files"
    stored = [p for p in files.rglob("*") if p.is_file()] if files.exists() else []
    assert len(stored) == len(accepted), stored
