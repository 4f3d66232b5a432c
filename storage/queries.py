"""Queries, each limited to one workspace and channel. `select()` style throughout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, bindparam, func, select, update
from sqlalchemy.orm import Session, selectinload

from storage import prepared
from storage.models import (
    Action,
    ActionOwner,
    AgendaItem,
    CalendarEntry,
    Decision,
    Meeting,
    OwnerAlias,
    Record,
    RecordChange,
    SourceMessage,
)


def source_message(
    session: Session, team_id: str, channel_id: str, ts: str
) -> SourceMessage | None:
    return session.scalar(
        select(SourceMessage).where(
            SourceMessage.team_id == team_id,
            SourceMessage.channel_id == channel_id,
            SourceMessage.ts == ts,
        )
    )


def records_of_source(session: Session, source_id: int) -> Sequence[Record]:
    return session.scalars(
        select(Record)
        .where(Record.source_id == source_id)
        .options(selectinload(Action.owners))
        .order_by(Record.position, Record.id)
    ).all()


def meetings_of_source(session: Session, source_id: int) -> Sequence[Meeting]:
    return session.scalars(
        select(Meeting).where(Meeting.source_id == source_id).order_by(Meeting.id)
    ).all()


def agenda_of_source(session: Session, source_id: int) -> Sequence[AgendaItem]:
    return session.scalars(
        select(AgendaItem).where(AgendaItem.source_id == source_id).order_by(AgendaItem.id)
    ).all()


def next_meeting(session: Session, team_id: str, channel_id: str, today: date) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id == channel_id,
            Meeting.status == "active",
            Meeting.date >= today,
        )
        .options(selectinload(Meeting.agenda))
        .order_by(Meeting.date, Meeting.starts_at, Meeting.id)
        .limit(1)
    )


@dataclass(slots=True)
class ShownMeeting:
    """A meeting as an answer shows it: plain values and its agenda's titles in order."""

    id: int
    date: date
    starts_at: datetime | None
    ends_at: datetime | None
    place: str | None
    body: str | None
    titles: list[str]


def next_meeting_shown(
    session: Session, team_id: str, channel_id: str, today: date
) -> ShownMeeting | None:
    """`next_meeting`, read as plain values with its agenda joined (one round trip, no
    tracked objects, a statement built once)."""
    values = {"team_id": team_id, "channel_id": channel_id, "today": today}
    rows = prepared.run(session, "queries.next_meeting_shown", _next_meeting_shown, values).all()
    if not rows:
        return None
    first = rows[0]
    titles = [row.title for row in rows if row.title is not None]
    return ShownMeeting(
        first.id, first.date, first.starts_at, first.ends_at, first.place, first.body, titles
    )


def _next_meeting_shown() -> Any:
    chosen = (
        select(Meeting.id)
        .where(
            Meeting.team_id == bindparam("team_id"),
            Meeting.channel_id == bindparam("channel_id"),
            Meeting.status == "active",
            Meeting.date >= bindparam("today", type_=Date),
        )
        .order_by(Meeting.date, Meeting.starts_at, Meeting.id)
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(
            Meeting.id,
            Meeting.date,
            Meeting.starts_at,
            Meeting.ends_at,
            Meeting.place,
            Meeting.body,
            AgendaItem.title,
        )
        .outerjoin(AgendaItem, AgendaItem.meeting_id == Meeting.id)
        .where(Meeting.id == chosen)
        .order_by(AgendaItem.position, AgendaItem.id)
    )


def last_meeting(session: Session, team_id: str, channel_id: str, today: date) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id == channel_id,
            Meeting.status == "active",
            Meeting.date < today,
        )
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(1)
    )


def meeting_on(session: Session, team_id: str, channel_id: str, day: date) -> Meeting | None:
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.channel_id == channel_id,
            Meeting.status == "active",
            Meeting.date == day,
        )
        .order_by(Meeting.id)
        .limit(1)
    )


def pending_agenda(session: Session, team_id: str, channel_id: str) -> Sequence[AgendaItem]:
    return session.scalars(
        select(AgendaItem)
        .where(
            AgendaItem.team_id == team_id,
            AgendaItem.channel_id == channel_id,
            AgendaItem.meeting_id.is_(None),
        )
        .order_by(AgendaItem.id)
    ).all()


def channel_meetings(session: Session, team_id: str, channel_id: str) -> Sequence[Meeting]:
    return session.scalars(
        select(Meeting)
        .where(
            Meeting.team_id == team_id, Meeting.channel_id == channel_id, Meeting.status == "active"
        )
        .options(selectinload(Meeting.agenda))
        .order_by(Meeting.date, Meeting.id)
    ).all()


Page = tuple[list[Action], int]


def channel_decisions(session: Session, team_id: str, channel_id: str) -> Sequence[Decision]:
    return session.scalars(
        select(Decision)
        .where(Decision.team_id == team_id, Decision.channel_id == channel_id)
        .order_by(Decision.id)
    ).all()


def channel_actions(session: Session, team_id: str, channel_id: str) -> Sequence[Action]:
    return session.scalars(
        select(Action)
        .where(Action.team_id == team_id, Action.channel_id == channel_id)
        .options(selectinload(Action.owners))
        .order_by(Action.id)
    ).all()


def channel_calendar(session: Session, team_id: str, channel_id: str) -> Sequence[CalendarEntry]:
    return session.scalars(
        select(CalendarEntry)
        .where(CalendarEntry.team_id == team_id, CalendarEntry.channel_id == channel_id)
        .order_by(CalendarEntry.body, CalendarEntry.date)
    ).all()


def known_owner_names(session: Session, team_id: str) -> list[str]:
    return list(session.scalars(select(OwnerAlias.name).where(OwnerAlias.team_id == team_id)).all())


def record_in_scope(
    session: Session, record_id: int, team_id: str, channel_id: str
) -> Record | None:
    return session.scalar(
        select(Record).where(
            Record.id == record_id, Record.team_id == team_id, Record.channel_id == channel_id
        )
    )


def count_records(session: Session, team_id: str, channel_id: str) -> int:
    return int(
        session.scalar(
            select(func.count(Record.id)).where(
                Record.team_id == team_id, Record.channel_id == channel_id
            )
        )
        or 0
    )


def set_next_meeting_deadlines(
    session: Session, team_id: str, channel_id: str, new: date, *, old: date | None = None
) -> None:
    """Actions due "til næste møde" get the next meeting's date once it is known
    (`old=None`), and follow the meeting when it moves (`old=` its date before)."""
    session.execute(
        update(Action)
        .where(
            Action.team_id == team_id,
            Action.channel_id == channel_id,
            Action.kind == "action",
            Action.due_next_meeting.is_(True),
            Action.due.is_(None) if old is None else Action.due == old,
            Action.status == "open",
        )
        .values(due=new)
        .execution_options(synchronize_session="fetch")
    )


def calendar_days(session: Session, team_id: str, channel_id: str) -> set[tuple[str, date]]:
    """(body, day) of the channel's meeting calendar, in one query."""
    rows = session.execute(
        select(CalendarEntry.body, CalendarEntry.date).where(
            CalendarEntry.team_id == team_id, CalendarEntry.channel_id == channel_id
        )
    )
    return {(body, day) for body, day in rows}


def actions_by_ids(session: Session, ids: set[int], limit: int) -> Sequence[Action]:
    """These actions, soonest deadline first, at most `limit`, with their owners."""
    return session.scalars(
        select(Action)
        .where(Action.id.in_(ids))
        .options(selectinload(Action.owners))
        .order_by(Action.due, Action.id)
        .limit(limit)
    ).all()


def channels_of_actions(session: Session, ids: set[int]) -> dict[int, str]:
    """Action id -> channel id, without loading the actions."""
    if not ids:
        return {}
    rows = session.execute(select(Action.id, Action.channel_id).where(Action.id.in_(ids)))
    return {action_id: channel for action_id, channel in rows}


def open_owner_pairs(
    session: Session, team_id: str, until: date
) -> Sequence[tuple[str | None, str, int, date | None]]:
    """(owner's user id, owner's name, action id, due) of open actions due by a day."""
    rows = session.execute(
        select(ActionOwner.user_id, ActionOwner.name, Action.id, Action.due)
        .join(Action, ActionOwner.record_id == Action.id)
        .where(
            Action.team_id == team_id,
            Action.status == "open",
            Action.due.is_not(None),
            Action.due <= until,
        )
    ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def record_in_team(session: Session, team_id: str, record_id: int) -> Record | None:
    record = session.get(Record, record_id)
    return record if record is not None and record.team_id == team_id else None


def recent_actions(session: Session, team_id: str, channel_id: str, since: datetime) -> Page:
    """Actions done since a moment (the digest's "closed this week")."""
    where = [
        Action.team_id == team_id,
        Action.channel_id == channel_id,
        Action.kind == "action",
        Action.status == "done",
        Action.done_at >= since,
    ]
    total = int(session.scalar(select(func.count(Action.id)).where(*where)) or 0)
    rows = session.scalars(
        select(Action)
        .where(*where)
        .options(selectinload(Action.owners))
        .order_by(Action.done_at, Action.id)
        .limit(40)
    ).all()
    return list(rows), total


def latest_changes_of_source(
    session: Session, source_id: int, limit: int = 50
) -> Sequence[RecordChange]:
    """The last changes to the records a message recorded, newest first (what Undo reads)."""
    return session.scalars(
        select(RecordChange)
        .join(Record, RecordChange.record_id == Record.id)
        .where(Record.source_id == source_id)
        .order_by(RecordChange.id.desc())
        .limit(limit)
    ).all()


def source_by_id(
    session: Session, team_id: str, channel_id: str, source_id: int
) -> SourceMessage | None:
    return session.scalar(
        select(SourceMessage).where(
            SourceMessage.id == source_id,
            SourceMessage.team_id == team_id,
            SourceMessage.channel_id == channel_id,
        )
    )


# --- lookups of the message path (prebuilt, `storage.prepared`) ------------------------


def meeting_id_on(session: Session, team_id: str, channel_id: str, day: date) -> int | None:
    """The id of the channel's active meeting held on a day (the first stored), if any."""
    values = {"team_id": team_id, "channel_id": channel_id, "day": day}
    found = prepared.run(session, "queries.meeting_id_on", _meeting_id_on, values).scalar()
    return int(found) if found is not None else None


def _meeting_id_on() -> Any:
    return (
        select(Meeting.id)
        .where(
            Meeting.team_id == bindparam("team_id"),
            Meeting.channel_id == bindparam("channel_id"),
            Meeting.status == "active",
            Meeting.date == bindparam("day", type_=Date),
        )
        .order_by(Meeting.id)
        .limit(1)
    )


def next_meeting_date(session: Session, team_id: str, channel_id: str, today: date) -> date | None:
    """The day of `next_meeting` (the soonest active meeting from today), nothing loaded."""
    values = {"team_id": team_id, "channel_id": channel_id, "today": today}
    found: date | None = prepared.run(
        session, "queries.next_meeting_date", _next_meeting_date, values
    ).scalar()
    return found


def _next_meeting_date() -> Any:
    return (
        select(Meeting.date)
        .where(
            Meeting.team_id == bindparam("team_id"),
            Meeting.channel_id == bindparam("channel_id"),
            Meeting.status == "active",
            Meeting.date >= bindparam("today", type_=Date),
        )
        .order_by(Meeting.date)
        .limit(1)
    )
