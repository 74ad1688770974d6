"""Storage: engine and session factory, declarative Base, Alembic migrations.

Nothing happens at import: call `make_engine(url)`, `make_session_factory(engine)`, `migrate(...)`.
"""

from nghiquyet.db.base import Base, UtcDateTime, utcnow
from nghiquyet.db.engine import make_engine, make_session_factory, transaction
from nghiquyet.db.migrate import migrate
from nghiquyet.db.registry import include_object, load_models

__all__ = ["Base", "UtcDateTime", "include_object", "load_models", "make_engine", "make_session_factory",
           "migrate", "transaction", "utcnow"]
