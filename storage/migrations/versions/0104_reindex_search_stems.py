"""index SQLite's search again: stems a shared stemmer may have mixed up

Before fd5f1d1 one Snowball stemmer served every thread of a worker; a stemmer holds the word
it works on, so decisions recorded at the same moment on two threads could be indexed with
each other's stems and then not be found. Each decision is indexed again, in batches, with
the stemmer now kept per thread. PostgreSQL stems in the database: nothing to do there.

Revision ID: 0104_reindex_search_stems
Revises: 0103_records_team_due
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0104_reindex_search_stems"
down_revision = "0103_records_team_due"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        return
    from storage.search import stems

    connection.execute(sa.text("DELETE FROM records_fts"))
    last = 0
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT id, team_id, channel_id, text, item_title FROM records "
                "WHERE kind = 'decision' AND id > :last ORDER BY id LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            return
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
        last = rows[-1].id


def downgrade() -> None:
    """The index as it is serves the schema before too: nothing to undo."""
