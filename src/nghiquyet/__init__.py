"""nghiquyet — theo dõi thực hiện nghị quyết (tracking Vietnamese resolutions from document to result).

`nghiquyet.extract(path)` returns the typed `Extraction` of one document (EXTRACTION.md).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["extract"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The extractor loads on first use, not with the package: every command (a report, `serve`)
    # imports `nghiquyet`, and the extractor's vocabularies cost about 0.2 s to import.
    if name == "extract":
        return importlib.import_module("nghiquyet.extract")
    raise AttributeError(f"module 'nghiquyet' has no attribute {name!r}")
