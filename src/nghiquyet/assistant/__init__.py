"""The assistant: questions over the imported documents and the tracking data, answered with sources.

Importing the package installs the flush hook that keeps its stored facts current (hooks.py).
"""

from nghiquyet.assistant import hooks as _hooks  # noqa: F401  (installs the flush hook)
