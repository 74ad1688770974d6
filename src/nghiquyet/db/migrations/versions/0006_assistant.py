"""Assistant (issue 12): stored facts per document and passage, word counts; PostgreSQL search vectors.

Revision ID: 0006
Revises: 0005

assistant_documents / assistant_passages / assistant_terms: what each document can answer,
written at import (nghiquyet.assistant.store), so a question reads a few rows instead of every
extraction. Full text over the passages' folded words: FTS5 (external content, kept by triggers)
on SQLite; on PostgreSQL a stored generated tsvector column with GIN. search_entries gets the same
stored column on PostgreSQL: ranking with to_tsvector at query time re-parsed every matching row
(1.5 s p95 at 1,000 documents).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fts5(table: str, fts: str) -> None:
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5(words, content='{table}', content_rowid='id', "
               "tokenize='unicode61 remove_diacritics 0')")
    op.execute(f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {fts}(rowid, words) VALUES (new.id, new.words); END")
    op.execute(f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, words) VALUES ('delete', old.id, old.words); END")
    op.execute(f"CREATE TRIGGER {table}_au AFTER UPDATE OF words ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, words) VALUES ('delete', old.id, old.words); "
               f"INSERT INTO {fts}(rowid, words) VALUES (new.id, new.words); END")


def _tsvector(table: str) -> None:
    op.execute(f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED")
    # Named *_fts so that autogenerate leaves it alone (db.registry.include_object), like 0003's.
    op.execute(f"CREATE INDEX {table}_fts ON {table} USING gin (tsv)")


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "assistant_documents",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("doc_type", sa.String(length=40), nullable=False),
        sa.Column("years", sa.JSON(), nullable=False),
        sa.Column("passage_years", sa.JSON(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("title_words", sa.Text(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_assistant_documents_document_id_documents")),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_assistant_documents")),
    )
    op.create_table(
        "assistant_passages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("years", sa.JSON(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("projects", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_assistant_passages_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistant_passages")),
    )
    op.create_index(op.f("ix_assistant_passages_document_id"), "assistant_passages", ["document_id"],
                    unique=False)
    op.create_table(
        "assistant_terms",
        sa.Column("word", sa.String(length=80), nullable=False),
        sa.Column("passages", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_assistant_terms")),
    )
    if op.get_bind().dialect.name == "sqlite":
        _fts5("assistant_passages", "assistant_fts")
    else:
        op.execute("DROP INDEX IF EXISTS search_entries_fts")
        _tsvector("search_entries")
        _tsvector("assistant_passages")


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("assistant_passages_ai", "assistant_passages_ad", "assistant_passages_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS assistant_fts")
    else:
        op.execute("DROP INDEX IF EXISTS search_entries_fts")
        op.execute("ALTER TABLE search_entries DROP COLUMN IF EXISTS tsv")
        op.execute("CREATE INDEX search_entries_fts ON search_entries "
                   "USING gin (to_tsvector('simple', words))")
    op.drop_table("assistant_terms")
    op.drop_index(op.f("ix_assistant_passages_document_id"), table_name="assistant_passages")
    op.drop_table("assistant_passages")
    op.drop_table("assistant_documents")
