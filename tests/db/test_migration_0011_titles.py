"""Migration 0011: a plan that was titled with its document's file name loses that title."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from nghiquyet.db import make_engine
from nghiquyet.db.migrate import alembic_config
from nghiquyet.documents.naming import UNTITLED


def test_plans_named_by_file_name_get_the_neutral_title(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    try:
        command.upgrade(alembic_config(engine), "0010")
        with engine.begin() as conn:
            for i, name in ((1, "h04_nq-57-tw-2024-khcn-dmst-cds.docx"), (2, "nq-15.docx")):
                conn.execute(text(
                    "INSERT INTO documents (id, filename, sha256, size, kind, stored_path, doc_type, number, "
                    "extraction, created_at) VALUES (:i, :f, :s, 1, 'docx', 'x', 'nghi_quyet', '57-NQ/TW', "
                    "'{}', '2026-01-01')"), {"i": i, "f": name, "s": str(i) * 64})
            conn.execute(text(
                "INSERT INTO plans (id, document_id, title, doc_type, number, status, created_at) VALUES "
                "(1, 1, 'h04_nq-57-tw-2024-khcn-dmst-cds.docx', 'nghi_quyet', '57-NQ/TW', 'active', "
                "'2026-01-01'),"
                "(2, 2, 'về đột phá khoa học, công nghệ', 'nghi_quyet', '57-NQ/TW', 'active', '2026-01-01')"))
        command.upgrade(alembic_config(engine), "head")
        with engine.connect() as conn:
            titles = dict(conn.execute(text("SELECT id, title FROM plans")).all())
        assert titles == {1: UNTITLED, 2: "về đột phá khoa học, công nghệ"}
    finally:
        engine.dispose()
