"""The assistant: questions over the imported documents and the tracking data, answered with sources.

Importing the package installs the flush hook that keeps its stored facts current (see store.py).
"""

from nghiquyet.assistant import store as _store  # noqa: F401  (installs the flush hook)
