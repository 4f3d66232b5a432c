"""The scheduler's runs (digests, notices, reminders): which are finished, and finishing one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import ScheduledRun

RunKey = tuple[str, str, str, str]  # team, channel, target, period


def finished(session: Session, kind: str, keys: Sequence[RunKey]) -> set[RunKey]:
    """Of these runs of a kind, those posted, empty or skipped (a claim still open is not
    finished: it may be stale and taken over)."""
    found: set[RunKey] = set()
    periods = sorted({key[3] for key in keys})
    teams = sorted({key[0] for key in keys})
    rows = session.execute(
        select(
            ScheduledRun.team_id,
            ScheduledRun.channel_id,
            ScheduledRun.target,
            ScheduledRun.period,
        ).where(
            ScheduledRun.team_id.in_(teams),
            ScheduledRun.kind == kind,
            ScheduledRun.period.in_(periods),
            ScheduledRun.status != "claimed",
        )
    )
    wanted = set(keys)
    for team, channel, target, period in rows:
        key = (str(team), str(channel), str(target), str(period))
        if key in wanted:
            found.add(key)
    return found


def finish(
    session: Session, run_id: int, status: str, ts: str | None, posted_at: datetime | None
) -> None:
    session.execute(
        update(ScheduledRun)
        .where(ScheduledRun.id == run_id)
        .values(status=status, message_ts=ts, posted_at=posted_at)
    )
