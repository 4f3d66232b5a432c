"""What list answers show, filtered, ordered and cut by the database.

Each list query returns (the rows shown, the total), the total from a COUNT,
so "… og N mere" never loads the N. What a row shows (owners, the source's
permalink) is loaded in the same round trip.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from storage.models import Action, Decision, Meeting, SourceMessage

Page = tuple[list[Action], int]


def open_actions(
    session: Session, team_id: str, conditions: Sequence[ColumnElement[bool]], limit: int
) -> Page:
    """Open actions, most overdue first, then by deadline, then those without one."""
    where = [Action.team_id == team_id, Action.status == "open", *conditions]
    total = int(session.scalar(select(func.count(Action.id)).where(*where)) or 0)
    dated = _shown(
        select(Action).where(*where, Action.due.is_not(None)).order_by(Action.due, Action.id)
    )
    rows: list[Action] = list(session.scalars(dated.limit(limit)))
    if len(rows) < limit:
        undated = _shown(select(Action).where(*where, Action.due.is_(None)).order_by(Action.id))
        rows += session.scalars(undated.limit(limit - len(rows)))
    return rows, total


def _shown(query: Select[Any]) -> Select[Any]:
    return query.options(selectinload(Action.owners), joinedload(Action.source))


def in_channel(channel_id: str) -> ColumnElement[bool]:
    return Action.channel_id == channel_id


def due_by(day: date) -> ColumnElement[bool]:
    return Action.due <= day


def overdue(today: date) -> ColumnElement[bool]:
    return Action.due < today


def active_decisions(team_id: str, channel_id: str) -> list[ColumnElement[bool]]:
    return [
        Decision.team_id == team_id,
        Decision.channel_id == channel_id,
        Decision.kind == "decision",
        Decision.status == "active",
    ]


def decisions(
    session: Session, team_id: str, channel_id: str, since: date | None, limit: int
) -> tuple[list[Decision], int]:
    """Active decisions, newest first (by the day decided, then as stored)."""
    where = active_decisions(team_id, channel_id)
    if since is not None:
        where.append(Decision.decided_on >= since)
    total = int(session.scalar(select(func.count(Decision.id)).where(*where)) or 0)
    rows = session.scalars(
        select(Decision)
        .where(*where)
        .order_by(Decision.decided_on.desc().nulls_last(), Decision.id.desc())
        .options(joinedload(Decision.source))
        .limit(limit)
    ).all()
    return list(rows), total


def channels_of_person(session: Session, team_id: str, user_id: str) -> set[str]:
    """Channels a person wrote recorded messages in."""
    return set(
        session.scalars(
            select(SourceMessage.channel_id)
            .where(SourceMessage.team_id == team_id, SourceMessage.author_id == user_id)
            .distinct()
        )
    )


def channels_with_actions(
    session: Session, team_id: str, condition: ColumnElement[bool]
) -> set[str]:
    return set(
        session.scalars(
            select(Action.channel_id)
            .where(Action.team_id == team_id, Action.status == "open", condition)
            .distinct()
        )
    )


def next_meetings(
    session: Session, team_id: str, channel_ids: set[str], today: date
) -> dict[str, Meeting]:
    """The next meeting of each of these channels, in one query."""
    if not channel_ids:
        return {}
    first = (
        select(Meeting.channel_id, func.min(Meeting.date).label("day"))
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id.in_(channel_ids),
            Meeting.status == "active",
            Meeting.date >= today,
        )
        .group_by(Meeting.channel_id)
        .subquery()
    )
    rows = session.scalars(
        select(Meeting)
        .join(first, (Meeting.channel_id == first.c.channel_id) & (Meeting.date == first.c.day))
        .where(Meeting.team_id == team_id, Meeting.status == "active")
        .order_by(Meeting.channel_id, Meeting.starts_at, Meeting.id)
    ).all()
    found: dict[str, Meeting] = {}
    for meeting in rows:
        found.setdefault(meeting.channel_id, meeting)
    return found


def new_since(moment: datetime, first_day: date) -> ColumnElement[bool]:
    """Recorded since a moment, and decided (for minutes: held) on or after a day."""
    return (Action.created_at >= moment) & (Action.decided_on >= first_day)


def not_due_by(day: date) -> ColumnElement[bool]:
    return Action.due.is_(None) | (Action.due > day)


def count_open(session: Session, team_id: str, channel_id: str) -> int:
    return int(
        session.scalar(
            select(func.count(Action.id)).where(
                Action.team_id == team_id,
                Action.channel_id == channel_id,
                Action.kind == "action",
                Action.status == "open",
            )
        )
        or 0
    )


def recent_decisions(
    session: Session,
    team_id: str,
    channel_id: str,
    moment: datetime,
    first_day: date,
    limit: int,
) -> tuple[list[Decision], int]:
    """Decisions recorded in the last week that were also made in it (the digest)."""
    where = [
        *active_decisions(team_id, channel_id),
        Decision.created_at >= moment,
        Decision.decided_on >= first_day,
    ]
    total = int(session.scalar(select(func.count(Decision.id)).where(*where)) or 0)
    rows = session.scalars(
        select(Decision)
        .where(*where)
        .order_by(Decision.id.desc())
        .options(joinedload(Decision.source))
        .limit(limit)
    ).all()
    return sorted(rows, key=lambda d: d.id), total
