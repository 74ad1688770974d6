"""Importing documents: idempotent by content, bad files leave nothing, review kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nghiquyet.accounts.models import User
from nghiquyet.config import Settings
from nghiquyet.documents.models import Document
from nghiquyet.documents.service import import_document, reextract, save_review
from nghiquyet.errors import InputError, PermissionDenied
from tests.factories import corpus_available, seed_gold, seed_text_path

TEXT = "NGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n1. Thu ngân sách đạt 100 tỷ đồng.\n".encode()


def _files(settings: Settings) -> list[Path]:
    root = settings.files_dir
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _count(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(Document)) or 0)


def test_same_bytes_give_the_same_document(db: Session, office: User, settings: Settings) -> None:
    first = import_document(db, filename="nq.txt", data=TEXT, actor=office, settings=settings)
    again = import_document(db, filename="ban-sao.txt", data=TEXT, actor=office, settings=settings)
    assert again.id == first.id
    assert _count(db) == 1
    assert len(_files(settings)) == 1
    assert first.sha256 and first.size == len(TEXT) and first.kind == "txt"
    assert first.extraction["schema"] == "nghiquyet.extraction/v1"
    assert (settings.files_dir / first.stored_path).read_bytes() == TEXT


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("rong.txt", b""),
        ("nhi-phan.txt", bytes(range(256)) * 40),
        ("chuong-trinh.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("hong.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_bad_file_stores_nothing(
    db: Session, office: User, settings: Settings, filename: str, data: bytes
) -> None:
    with pytest.raises(InputError):
        import_document(db, filename=filename, data=data, actor=office, settings=settings)
    assert _count(db) == 0
    assert _files(settings) == []


def test_file_over_the_limit_is_refused(db: Session, office: User, settings: Settings) -> None:
    small = settings.model_copy(update={"max_upload_mb": 1})
    with pytest.raises(InputError, match="quá lớn"):
        import_document(db, filename="lon.txt", data=b"a" * (1_048_576 + 1), actor=office, settings=small)
    assert _count(db) == 0


def test_uploaded_name_cannot_choose_the_folder(db: Session, office: User, settings: Settings) -> None:
    doc = import_document(db, filename="../../etc/nq.txt", data=TEXT, actor=office, settings=settings)
    assert doc.filename == "nq.txt"
    assert (settings.files_dir / doc.stored_path).resolve().is_relative_to(settings.files_dir.resolve())


def test_unit_account_cannot_import(db: Session, org: object, settings: Settings) -> None:
    from tests.services.conftest import Org

    assert isinstance(org, Org)
    with pytest.raises(PermissionDenied):
        import_document(db, filename="nq.txt", data=TEXT, actor=org.finance_user, settings=settings)


@pytest.mark.skipif(not corpus_available(), reason="seed gold missing (tests/golden/seeds)")
def test_review_is_kept_apart_from_the_machine_output(db: Session, office: User, settings: Settings) -> None:
    path = seed_text_path("002")
    doc = import_document(db, filename=path.name, data=path.read_bytes(), actor=office, settings=settings)
    machine = dict(doc.extraction)
    gold = seed_gold("002")
    save_review(db, document_id=doc.id, extraction=gold, actor=office)
    assert doc.extraction == machine
    assert doc.review is not None
    assert len(doc.review["indicators"]) == len(gold["indicators"])
    assert doc.effective_extraction is doc.review
    assert doc.year_start == 2026 and doc.doc_type == "nghi_quyet"


def test_save_review_rejects_a_malformed_extraction(db: Session, office: User, settings: Settings) -> None:
    doc = import_document(db, filename="nq.txt", data=TEXT, actor=office, settings=settings)
    with pytest.raises(InputError):
        save_review(db, document_id=doc.id, extraction={"indicators": [{"bogus": 1}]}, actor=office)
    assert doc.review is None


def test_reextract_reports_what_changed(db: Session, office: User, settings: Settings) -> None:
    doc = import_document(db, filename="nq.txt", data=TEXT, actor=office, settings=settings)
    # Pretend an older extractor found an indicator the current one does not.
    doc.extraction = {
        **doc.extraction,
        "indicators": [
            *doc.extraction["indicators"],
            {"label": "(99)", "group": "other", "text": "Chỉ tiêu cũ", "line": 1, "targets": []},
        ],
    }
    db.flush()
    result = reextract(db, document_id=doc.id, actor=office, settings=settings)
    assert result.changes.changed
    assert any("(99)" in key for key in result.changes.indicators.removed)
    assert all(i.get("label") != "(99)" for i in doc.extraction["indicators"])
    again = reextract(db, document_id=doc.id, actor=office, settings=settings)
    assert not again.changes.changed
