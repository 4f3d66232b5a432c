"""Source messages (a Slack message or imported minutes that records come from), and
the claim on the one thread reply each gets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import SourceMessage

PENDING = "pending"  # reply_ts while the one delivery that claimed the reply posts it

_TABLE = cast(Table, SourceMessage.__table__)
# a new message with its reply claimed, or nothing when (team, channel, ts) is stored already
_CREATE_CLAIMED = {
    "postgresql": postgresql.insert(_TABLE).on_conflict_do_nothing().returning(_TABLE.c.id),
    "sqlite": sqlite.insert(_TABLE).on_conflict_do_nothing().returning(_TABLE.c.id),
}


@dataclass(frozen=True, slots=True)
class Claimed:
    """A source message just written with its thread reply claimed, as plain values."""

    id: int
    team_id: str
    channel_id: str
    ts: str
    thread_ts: str | None
    permalink: str | None
    warnings: list[dict[str, str]]


def create(
    session: Session,
    team_id: str,
    channel_id: str,
    ts: str,
    text: str,
    author: str | None,
    now: datetime,
    *,
    thread_ts: str | None = None,
    warnings: list[dict[str, str]] | None = None,
    permalink: str | None = None,
    version: str | None = None,
    reply_claimed: bool = False,
) -> SourceMessage:
    """A new source message; `reply_claimed`: its thread reply is claimed in the same
    insert (the unit that makes the row is the one that replies)."""
    source = SourceMessage(
        team_id=team_id,
        channel_id=channel_id,
        ts=ts,
        thread_ts=thread_ts,
        author_id=author,
        text=text,
        warnings=warnings or [],
        deleted=False,
        permalink=permalink,
        version=version,
        reply_ts=PENDING if reply_claimed else None,
        reply_claimed_at=now if reply_claimed else None,
        created_at=now,
        updated_at=now,
    )
    session.add(source)
    session.flush()
    return source


def create_claimed(
    session: Session,
    team_id: str,
    channel_id: str,
    ts: str,
    text: str,
    author: str | None,
    now: datetime,
    *,
    thread_ts: str | None,
    warnings: list[dict[str, str]],
    permalink: str | None,
    version: str | None,
) -> Claimed | None:
    """`create(…, reply_claimed=True)` in one prebuilt INSERT … ON CONFLICT DO NOTHING
    RETURNING id, no ORM object made; None (nothing written) when the message is stored
    already: a retry, a replay or a twin delivery, which the caller then reads as before."""
    connection = session.connection()
    row = connection.execute(
        _CREATE_CLAIMED[connection.dialect.name],
        {
            "team_id": team_id,
            "channel_id": channel_id,
            "ts": ts,
            "thread_ts": thread_ts,
            "author_id": author,
            "text": text,
            "warnings": warnings,
            "deleted": False,
            "permalink": permalink,
            "version": version,
            "reply_ts": PENDING,
            "reply_claimed_at": now,
            "created_at": now,
            "updated_at": now,
        },
    ).first()
    if row is None:
        return None
    return Claimed(int(row[0]), team_id, channel_id, ts, thread_ts, permalink, warnings)


def claim_reply(session: Session, source_id: int, now: datetime) -> bool:
    """Only one delivery posts the first reply for a message."""
    claimed = session.execute(
        update(SourceMessage)
        .where(SourceMessage.id == source_id, SourceMessage.reply_ts.is_(None))
        .values(reply_ts=PENDING, reply_claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(claimed.rowcount)  # type: ignore[attr-defined]


def stale_claims(
    session: Session, team_id: str, claimed_before: datetime, limit: int
) -> list[tuple[int, str, datetime]]:
    """Replies claimed before `claimed_before` and never posted: (id, channel, claimed at),
    oldest first, at most `limit`."""
    rows = session.execute(
        select(SourceMessage.id, SourceMessage.channel_id, SourceMessage.reply_claimed_at)
        .where(
            SourceMessage.reply_ts == PENDING,
            SourceMessage.reply_claimed_at < claimed_before,
            SourceMessage.team_id == team_id,
        )
        .order_by(SourceMessage.reply_claimed_at)
        .limit(limit)
    )
    return [(int(i), str(c), at) for i, c, at in rows if at is not None]


def reclaim_reply(session: Session, source_id: int, claimed_at: datetime, now: datetime) -> bool:
    """Take over an abandoned claim; False when another retry took it first."""
    taken = session.execute(
        update(SourceMessage)
        .where(
            SourceMessage.id == source_id,
            SourceMessage.reply_ts == PENDING,
            SourceMessage.reply_claimed_at == claimed_at,
        )
        .values(reply_claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(taken.rowcount)  # type: ignore[attr-defined]


def save_reply(
    session: Session,
    source_id: int,
    reply_ts: str | None,
    text: str | None,
    permalink: str | None,
) -> None:
    values: dict[str, object] = {"reply_ts": reply_ts, "reply_text": text}
    if permalink:
        values["permalink"] = permalink[:500]
    session.execute(update(SourceMessage).where(SourceMessage.id == source_id).values(**values))
