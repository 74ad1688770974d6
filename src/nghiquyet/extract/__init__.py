"""Pure text core: read a document, normalise it, outline it and extract its plan.

Imports nothing from storage, web or network code.
"""

from nghiquyet.extract.model import Extraction, Indicator, Target, Task, extraction_from_dict
from nghiquyet.extract.pipeline import extract, extract_source, extract_text

__all__ = ["Extraction", "Indicator", "Target", "Task", "extract", "extract_source", "extract_text",
           "extraction_from_dict"]
