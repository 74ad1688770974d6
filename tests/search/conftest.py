"""Fixtures for search tests: an office account and a helper importing a small text document."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import import_document
from tests.api.conftest import api_client, app, make_user  # noqa: F401  (the API fixtures, shared)
from tests.factories import make_user as make_db_user

ImportText = Callable[[str, str], Document]


@pytest.fixture
def office(db: Session) -> User:
    return make_db_user(db, role="office", username="vanphong")


@pytest.fixture
def import_text(db: Session, office: User, settings: Settings) -> ImportText:
    def run(filename: str, text: str) -> Document:
        data = text.encode("utf-8")
        return import_document(db, filename=filename, data=data, actor=office, settings=settings)
    return run
