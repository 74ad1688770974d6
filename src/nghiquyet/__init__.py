"""nghiquyet — theo dõi thực hiện nghị quyết (tracking Vietnamese resolutions from document to result)."""

from nghiquyet.extract import extract

__all__ = ["extract"]
__version__ = "0.1.0"
