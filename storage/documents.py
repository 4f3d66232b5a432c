"""What the documents need: a channel's history, its meetings for a calendar (cancelled
ones too), one meeting's records for its referat, and the channel behind a feed secret."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from storage.models import (
    Action,
    CalendarEntry,
    Channel,
    Decision,
    Meeting,
    Record,
    RecordChange,
)


def channel_history(session: Session, team_id: str, channel_id: str) -> Sequence[RecordChange]:
    """Every change to the channel's decisions and actions, oldest first, with its record."""
    return session.scalars(
        select(RecordChange)
        .join(Record, Record.id == RecordChange.record_id)
        .where(Record.team_id == team_id, Record.channel_id == channel_id)
        .options(selectinload(RecordChange.record))
        .order_by(RecordChange.at, RecordChange.id)
    ).all()


def calendar_meetings(session: Session, team_id: str, channel_id: str) -> Sequence[Meeting]:
    """Every meeting a calendar shows: active ones, and withdrawn ones as cancelled."""
    return session.scalars(
        select(Meeting)
        .where(Meeting.team_id == team_id, Meeting.channel_id == channel_id)
        .options(selectinload(Meeting.agenda))
        .order_by(Meeting.date, Meeting.id)
    ).all()


def channel_of_secret(session: Session, secret: str) -> Channel | None:
    return session.scalar(select(Channel).where(Channel.calendar_secret == secret))


def meeting_held_on(session: Session, team_id: str, channel_id: str, day: date) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id == channel_id,
            Meeting.status == "active",
            Meeting.date == day,
        )
        .options(selectinload(Meeting.agenda))
        .order_by(Meeting.id)
        .limit(1)
    )


def last_meeting_held(
    session: Session, team_id: str, channel_id: str, today: date
) -> Meeting | None:
    """The latest meeting on or before today that has records (the referat to write)."""
    with_records = select(Record.meeting_id).where(
        Record.team_id == team_id,
        Record.channel_id == channel_id,
        Record.meeting_id.is_not(None),
    )
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id == channel_id,
            Meeting.status == "active",
            Meeting.date <= today,
            or_(Meeting.id.in_(with_records), Meeting.date == today),
        )
        .options(selectinload(Meeting.agenda))
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(1)
    )


def records_of_meeting(
    session: Session, team_id: str, channel_id: str, meeting: Meeting
) -> tuple[Sequence[Decision], Sequence[Action]]:
    """The decisions and actions of one meeting: tied to it, or decided on its day."""

    def where(kind: type[Record]) -> list[Any]:
        return [
            kind.team_id == team_id,
            kind.channel_id == channel_id,
            kind.status != "retracted",
            or_(
                kind.meeting_id == meeting.id,
                (kind.meeting_id.is_(None)) & (kind.decided_on == meeting.date),
            ),
        ]

    decisions = session.scalars(
        select(Decision).where(*where(Decision)).order_by(Decision.position, Decision.id)
    ).all()
    actions = session.scalars(
        select(Action)
        .where(*where(Action))
        .options(selectinload(Action.owners))
        .order_by(Action.position, Action.id)
    ).all()
    return decisions, actions


def meeting_after(session: Session, team_id: str, channel_id: str, day: date) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id == channel_id,
            Meeting.status == "active",
            Meeting.date > day,
        )
        .options(selectinload(Meeting.agenda))
        .order_by(Meeting.date, Meeting.id)
        .limit(1)
    )


def calendar_of_year(
    session: Session, team_id: str, channel_id: str, year: int
) -> Sequence[CalendarEntry]:
    return session.scalars(
        select(CalendarEntry)
        .where(
            CalendarEntry.team_id == team_id,
            CalendarEntry.channel_id == channel_id,
            CalendarEntry.date >= date(year, 1, 1),
            CalendarEntry.date <= date(year, 12, 31),
        )
        .order_by(CalendarEntry.body, CalendarEntry.date)
    ).all()
