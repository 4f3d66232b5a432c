"""The scheduler's heartbeat, and what `referat status` reads: last beat, last digest per
channel, thread replies not yet posted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.models import Channel, Heartbeat, PendingImport, ScheduledRun, SourceMessage


def beat(
    session: Session,
    process: str,
    mode: str,
    now: datetime,
    last_pass: dict[str, Any] | None = None,
) -> None:
    """Note that `process` is alive and finished a pass at `now`."""
    row = session.get(Heartbeat, process)
    if row is None:
        session.add(
            Heartbeat(process=process, mode=mode, started_at=now, beat_at=now, last_pass=last_pass)
        )
        return
    row.beat_at, row.stopped_at = now, None
    if last_pass is not None:
        row.last_pass = last_pass


def stopped(session: Session, process: str, now: datetime) -> None:
    row = session.get(Heartbeat, process)
    if row is not None:
        row.stopped_at = now


def heartbeats(session: Session, limit: int = 10) -> list[Heartbeat]:
    """The most recent beats first."""
    return list(session.scalars(select(Heartbeat).order_by(Heartbeat.beat_at.desc()).limit(limit)))


@dataclass(frozen=True)
class LastDigest:
    team_id: str
    channel_id: str
    name: str | None
    enabled: bool
    posted_at: datetime | None


def last_digests(session: Session) -> list[LastDigest]:
    """Every channel with the time its last digest was posted (None: never)."""
    last = (
        select(
            ScheduledRun.team_id,
            ScheduledRun.channel_id,
            func.max(ScheduledRun.posted_at).label("posted_at"),
        )
        .where(ScheduledRun.kind == "digest", ScheduledRun.status == "posted")
        .group_by(ScheduledRun.team_id, ScheduledRun.channel_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Channel.team_id,
            Channel.channel_id,
            Channel.name,
            Channel.digest_enabled,
            last.c.posted_at,
        )
        .outerjoin(
            last,
            (last.c.team_id == Channel.team_id) & (last.c.channel_id == Channel.channel_id),
        )
        .order_by(Channel.team_id, Channel.channel_id)
    )
    return [
        LastDigest(team, channel, name, bool(enabled), _aware(posted))
        for team, channel, name, enabled, posted in rows
    ]


@dataclass(frozen=True)
class PendingReply:
    team_id: str
    channel_id: str
    ts: str
    since: datetime
    claimed: bool  # a delivery is posting it (or died doing so)


def pending_replies(session: Session, limit: int = 20) -> tuple[int, list[PendingReply]]:
    """Recorded messages whose thread reply is not posted yet: (count, the oldest few)."""
    where = (
        SourceMessage.deleted.is_(False),
        SourceMessage.ts.not_like("import:%"),  # imported minutes get no thread reply
        or_(SourceMessage.reply_ts.is_(None), SourceMessage.reply_ts == "pending"),
    )
    count = session.scalar(select(func.count()).select_from(SourceMessage).where(*where)) or 0
    rows = session.execute(
        select(
            SourceMessage.team_id,
            SourceMessage.channel_id,
            SourceMessage.ts,
            SourceMessage.created_at,
            SourceMessage.reply_ts,
        )
        .where(*where)
        .order_by(SourceMessage.created_at)
        .limit(limit)
    )
    return count, [
        PendingReply(team, channel, ts, created, reply_ts == "pending")
        for team, channel, ts, created, reply_ts in rows
    ]


def pending_previews(session: Session) -> int:
    """Import previews shown in Slack and waiting for Confirm or Cancel."""
    query = select(func.count()).select_from(PendingImport).where(PendingImport.status == "pending")
    return session.scalar(query) or 0


def _aware(value: datetime | None) -> datetime | None:
    # max() over a UTCDateTime column skips the type's result processing on SQLite
    if value is None or isinstance(value, datetime) and value.tzinfo is not None:
        return value
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    from datetime import UTC

    return value.replace(tzinfo=UTC)
