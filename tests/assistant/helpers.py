"""Seeds imported for the assistant's behaviour tests: only the ones a test asks about."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from nghiquyet.commands.common import SYSTEM_ACTOR
from nghiquyet.config import Settings
from nghiquyet.demo import seeds_dir
from nghiquyet.documents.service import import_document


def import_seeds(db: Session, settings: Settings, *prefixes: str) -> list[str]:
    """Import the seeds whose names start with these prefixes ("000", "002"); their file names."""
    names = []
    for prefix in prefixes:
        path = next(Path(seeds_dir()).glob(f"{prefix}_*.txt"))
        import_document(db, filename=path.name, data=path.read_bytes(), actor=SYSTEM_ACTOR, settings=settings)
        names.append(path.name)
    db.flush()
    return names
