"""Search: one index over document lines, plan items, units and update notes (folded Vietnamese).

Importing the package installs the flush hook that keeps the index current (see index.py).
"""

from nghiquyet.search import index as _index  # noqa: F401  (installs the flush hook)
