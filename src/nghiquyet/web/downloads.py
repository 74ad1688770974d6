"""Uploaded evidence goes back as a download, never as a page the browser renders."""

from __future__ import annotations

from pathlib import Path

from fastapi.responses import FileResponse

from nghiquyet.web.headers import DOWNLOAD_POLICY


def evidence_response(path: Path, filename: str) -> FileResponse:
    """`path` as an attachment named `filename`, whatever its extension.

    A unit may upload `bao-cao.html` or an SVG with a script inside: a guessed type would let the
    browser run it on this site. A generic type, `attachment`, nosniff and a sandboxing CSP together
    make every browser save it instead.
    """
    return FileResponse(
        path,
        filename=filename,
        media_type="application/octet-stream",
        content_disposition_type="attachment",
        headers={"Content-Security-Policy": DOWNLOAD_POLICY, "X-Content-Type-Options": "nosniff"},
    )
