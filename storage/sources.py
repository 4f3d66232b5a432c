"""Source messages (a Slack message or imported minutes that records come from), and
the claim on the one thread reply each gets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
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


def _save_reply_statement(with_link: bool) -> Any:
    """The UPDATE that notes a posted reply, as a Core statement built once with named
    parameters (an ORM UPDATE built and cache-keyed per message was 17 % of a worker's
    time in a py-spy profile of messages at 10 clients)."""
    values: dict[str, Any] = {
        "reply_ts": bindparam("b_reply_ts"),
        "reply_text": bindparam("b_text"),
    }
    if with_link:
        values["permalink"] = bindparam("b_permalink")
    return update(_TABLE).where(_TABLE.c.id == bindparam("b_id")).values(**values)


# with and without the message's permalink
_SAVE_REPLY = {with_link: _save_reply_statement(with_link) for with_link in (False, True)}


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


@dataclass(frozen=True, slots=True)
class NewSource:
    """What a new source message is made of (a Slack message, imported minutes, or the
    placeholder of one not seen yet)."""

    team_id: str
    channel_id: str
    ts: str
    text: str
    author: str | None
    thread_ts: str | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)
    permalink: str | None = None
    version: str | None = None

    def row(self, now: datetime, *, reply_claimed: bool) -> dict[str, Any]:
        """The row's columns; `reply_claimed`: its thread reply claimed in the same insert
        (the unit that makes the row is the one that replies)."""
        return {
            "team_id": self.team_id,
            "channel_id": self.channel_id,
            "ts": self.ts,
            "thread_ts": self.thread_ts,
            "author_id": self.author,
            "text": self.text,
            "warnings": list(self.warnings),
            "deleted": False,
            "permalink": self.permalink,
            "version": self.version,
            "reply_ts": PENDING if reply_claimed else None,
            "reply_claimed_at": now if reply_claimed else None,
            "created_at": now,
            "updated_at": now,
        }


def create(
    session: Session, new: NewSource, now: datetime, *, reply_claimed: bool = False
) -> SourceMessage:
    """A new source message, as a tracked row."""
    source = SourceMessage(**new.row(now, reply_claimed=reply_claimed))
    session.add(source)
    session.flush()
    return source


def create_claimed(session: Session, new: NewSource, now: datetime) -> Claimed | None:
    """`create(…, reply_claimed=True)` in one prebuilt INSERT … ON CONFLICT DO NOTHING
    RETURNING id, no ORM object made; None (nothing written) when the message is stored
    already: a retry, a replay or a twin delivery, which the caller then reads as before."""
    connection = session.connection()
    row = connection.execute(
        _CREATE_CLAIMED[connection.dialect.name], new.row(now, reply_claimed=True)
    ).first()
    if row is None:
        return None
    return Claimed(
        int(row[0]),
        new.team_id,
        new.channel_id,
        new.ts,
        new.thread_ts,
        new.permalink,
        list(new.warnings),
    )


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
    values: dict[str, object] = {"b_id": source_id, "b_reply_ts": reply_ts, "b_text": text}
    if permalink:
        values["b_permalink"] = permalink[:500]
    session.connection().execute(_SAVE_REPLY[bool(permalink)], values)
