"""Minutes read in Slack and waiting for Confirm (pending imports)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import PendingImport


def create(
    session: Session,
    team_id: str,
    channel_id: str,
    user_id: str,
    text: str,
    filename: str | None,
    now: datetime,
) -> int:
    pending = PendingImport(
        team_id=team_id,
        channel_id=channel_id,
        user_id=user_id,
        filename=filename,
        text=text,
        status="pending",
        created_at=now,
    )
    session.add(pending)
    session.flush()
    return pending.id


def find(
    session: Session, team_id: str, channel_id: str, pending_id: int, *, for_update: bool = False
) -> PendingImport | None:
    """A pending import of this channel (another channel's id finds nothing)."""
    query = select(PendingImport).where(
        PendingImport.id == pending_id,
        PendingImport.team_id == team_id,
        PendingImport.channel_id == channel_id,
    )
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)
