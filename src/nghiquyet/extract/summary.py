"""A readable Vietnamese summary of an extraction (the CLI's --format text)."""

from __future__ import annotations

from nghiquyet.extract.model import Extraction


def render_text(extraction: Extraction) -> str:
    return f"{extraction.source}: {len(extraction.indicators)} chỉ tiêu, {len(extraction.tasks)} nhiệm vụ"
