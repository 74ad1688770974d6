"""Shared parameter types: ids fit the database's 32-bit integer keys (a larger one is a 422, not a 500)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

MAX_ID = 2_147_483_647  # PostgreSQL `integer`; SQLite would take more, but ids never get there

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
