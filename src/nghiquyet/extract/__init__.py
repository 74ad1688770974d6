"""Pure text core: read a document, normalise it, outline it and extract its plan.

Imports nothing from storage, web or network code.

The public API is `nghiquyet.extract(path)`: this package is itself callable (see `_CallableModule`),
so the short call works while `nghiquyet.extract.pipeline`, `nghiquyet.extract.read`... stay
ordinary submodules (binding a function to the name `nghiquyet.extract` would hide them).
"""

import importlib
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nghiquyet.extract.model import Extraction, Indicator, Target, Task, extraction_from_dict

if TYPE_CHECKING:
    from nghiquyet.extract.pipeline import extract, extract_source, extract_text

__all__ = ["Extraction", "Indicator", "Target", "Task", "extract", "extract_source", "extract_text",
           "extraction_from_dict"]


_PIPELINE = {"extract", "extract_source", "extract_text"}


def __getattr__(name: str) -> Any:
    """The pipeline loads on first use (about 0.1 s of readers and vocabularies): a command that only
    names a document type (`summary.DOC_TYPES`, for a report's title) does not pay for it."""
    if name in _PIPELINE:
        return getattr(importlib.import_module("nghiquyet.extract.pipeline"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _CallableModule(types.ModuleType):
    def __call__(self, path: str | Path) -> Extraction:
        """`nghiquyet.extract(path)`: read a file and extract its plan (same as `extract.extract`)."""
        from nghiquyet.extract.pipeline import extract

        return extract(path)


sys.modules[__name__].__class__ = _CallableModule
