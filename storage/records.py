"""New decisions and actions written as Core statements, prebuilt once: the records in one
INSERT … RETURNING, their owners and their history in one executemany each. No ORM
object is made or flushed; what was written comes back as plain values (`NewRecord`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from storage.lists import ListedOwner
from storage.models import ActionOwner, Record, RecordChange

RECORDS = cast(Table, Record.__table__)
OWNERS = cast(Table, ActionOwner.__table__)
CHANGES = cast(Table, RecordChange.__table__)

# one statement for all rows (insertmanyvalues); rows come back in no promised order, so
# each with its position, which is unique among the rows written together
_INSERT_RECORDS = insert(RECORDS).returning(RECORDS.c.id, RECORDS.c.position)
# RETURNING (the ids, unused) makes SQLAlchemy write all rows in one INSERT … VALUES
# (insertmanyvalues): without it, psycopg's executemany runs a pipeline, which costs more
# CPU than the statement for the few rows a message writes
_INSERT_OWNERS = insert(OWNERS).returning(OWNERS.c.id)
_INSERT_CHANGES = insert(CHANGES).returning(CHANGES.c.id)


@dataclass(slots=True)
class NewRecord:
    """A decision or action just written, as its reply shows it (never a tracked object)."""

    id: int
    kind: str  # decision | action
    text: str
    item: str | None
    status: str
    due: date | None = None
    due_next_meeting: bool | None = False
    owners: list[ListedOwner] = field(default_factory=list)


def insert_records(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Rows of `records` (every row with the same keys, each its own `position`); their
    ids, in the order of the rows."""
    if not rows:
        return []
    ids = {
        position: record_id
        for record_id, position in session.connection().execute(_INSERT_RECORDS, rows)
    }
    if len(ids) != len(rows):
        raise ValueError("records written together need positions of their own")
    return [int(ids[row["position"]]) for row in rows]


def insert_owners(session: Session, rows: list[dict[str, Any]]) -> None:
    """Rows of `action_owners`: record_id, name, name_key, user_id, group_id, position."""
    if rows:
        session.connection().execute(_INSERT_OWNERS, rows)


def insert_changes(session: Session, rows: list[dict[str, Any]]) -> None:
    """Rows of `record_changes` (history): record_id, change, actor_id, at, before, after."""
    if rows:
        session.connection().execute(_INSERT_CHANGES, rows)
