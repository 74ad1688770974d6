"""The flush hooks that keep the assistant's stored facts current (`store` writes them).

Apart from `store`, which brings the question's vocabulary and the dialects' upserts: every command
loads the models, and with them these hooks, while only a write of a document needs the rest.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

import nghiquyet.search  # noqa: F401  (its hook first: the facts read the lines it indexes in the same flush)
from nghiquyet.documents.models import Document

_WATCHED = ("extraction", "review", "filename")


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    # Deleted documents: their passages go by ON DELETE CASCADE, but the word counts must go down first.
    for obj in session.deleted:
        if isinstance(obj, Document) and obj.id is not None:
            from nghiquyet.assistant.store import forget

            forget(session.connection(), obj.id)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    deleted = set(map(id, session.deleted))
    for obj in [*session.new, *session.dirty]:
        if not isinstance(obj, Document) or id(obj) in deleted:
            continue
        if obj in session.new or _changed(obj):
            from nghiquyet.assistant.store import store_document

            store_document(session.connection(), obj)


def _changed(doc: Document) -> bool:
    state = inspect(doc)
    return any(state.attrs[name].history.has_changes() for name in _WATCHED)
