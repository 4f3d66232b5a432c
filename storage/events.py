"""Slack event ids seen before: a retried delivery of a question is answered once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import ProcessedEvent


def claim(session: Session, event_id: str, team_id: str | None, now: datetime) -> bool:
    """Note an event id; False when it was noted before (a retry or a replay)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    inserted = session.execute(
        insert(ProcessedEvent)
        .values(event_id=event_id, team_id=team_id, received_at=now)
        .on_conflict_do_nothing()
        # a returned row says it was inserted: `rowcount` of INSERT … ON CONFLICT is -1
        # through psycopg 3, which made every event look new on PostgreSQL
        .returning(ProcessedEvent.event_id)
    )
    return inserted.first() is not None
