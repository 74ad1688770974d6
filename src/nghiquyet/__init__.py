"""nghiquyet — theo dõi thực hiện nghị quyết (tracking Vietnamese resolutions from document to result).

`nghiquyet.extract(path)` returns the typed `Extraction` of one document (EXTRACTION.md).
"""

from nghiquyet import extract

__all__ = ["extract"]
__version__ = "0.1.0"
