"""Search (issue 12): the entries table and its full-text index over folded words.

Revision ID: 0003
Revises: 0002

SQLite: an FTS5 table over `words` (external content, kept in step by triggers, so any write to
search_entries, including cascaded deletes, reaches the index). PostgreSQL: a GIN index over
to_tsvector('simple', words). The words are folded in Python (đ → d), so neither database needs
unaccent or remove_diacritics, and both tokenise the same space-separated words.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SOURCES = (
    ("line_document_id", "documents"), ("indicator_id", "indicators"), ("target_id", "targets"),
    ("task_id", "tasks"), ("update_id", "updates"), ("source_unit_id", "units"),
)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=True) for name, _ in _SOURCES],
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("doc", sa.String(length=255), nullable=True),
        sa.Column("doc_type", sa.String(length=40), nullable=True),
        sa.Column("year_start", sa.Integer(), nullable=True),
        sa.Column("year_end", sa.Integer(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        *[sa.ForeignKeyConstraint([name], [f"{table}.id"], name=op.f(f"fk_search_entries_{name}_{table}"),
                                  ondelete="CASCADE") for name, table in _SOURCES],
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
    )
    for name in [n for n, _ in _SOURCES] + ["document_id"]:
        op.create_index(op.f(f"ix_search_entries_{name}"), "search_entries", [name], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(words, content='search_entries', "
                   "content_rowid='id', tokenize='unicode61 remove_diacritics 0')")
        op.execute("CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
                   "INSERT INTO search_fts(rowid, words) VALUES (new.id, new.words); END")
        op.execute("CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
                   "INSERT INTO search_fts(search_fts, rowid, words) "
                   "VALUES ('delete', old.id, old.words); END")
        op.execute("CREATE TRIGGER search_entries_au AFTER UPDATE OF words ON search_entries BEGIN "
                   "INSERT INTO search_fts(search_fts, rowid, words) VALUES ('delete', old.id, old.words); "
                   "INSERT INTO search_fts(rowid, words) VALUES (new.id, new.words); END")
    else:
        op.execute("CREATE INDEX search_entries_fts ON search_entries "
                   "USING gin (to_tsvector('simple', words))")


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("search_entries_ai", "search_entries_ad", "search_entries_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    else:
        op.execute("DROP INDEX IF EXISTS search_entries_fts")
    op.drop_table("search_entries")
