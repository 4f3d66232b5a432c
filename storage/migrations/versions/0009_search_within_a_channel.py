"""search within a channel

SQLite's FTS5 table gets a `scope` column (one token per workspace and channel), so a
search matches inside its channel instead of across every channel and filtering after.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _create(scoped: bool) -> None:
    columns = "body_da, body_en, scope" if scoped else "body_da, body_en"
    op.execute(
        f"CREATE VIRTUAL TABLE records_fts USING fts5({columns}, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS records_fts")
    _create(scoped=True)
    from storage.search import stems

    rows = connection.execute(
        sa.text(
            "SELECT id, team_id, channel_id, text, item_title FROM records WHERE kind = 'decision'"
        )
    ).all()
    if rows:
        connection.execute(
            sa.text(
                "INSERT INTO records_fts (rowid, body_da, body_en, scope) "
                "VALUES (:id, :da, :en, :scope)"
            ),
            [
                {
                    "id": row.id,
                    "da": " ".join(stems(f"{row.text} {row.item_title or ''}", "da")),
                    "en": " ".join(stems(f"{row.text} {row.item_title or ''}", "en")),
                    "scope": f"{row.team_id}{row.channel_id}".lower(),
                }
                for row in rows
            ],
        )


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS records_fts")
    _create(scoped=False)
