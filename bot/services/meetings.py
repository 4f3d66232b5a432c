"""Setting and reading the next meeting."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.render import local_times
from bot.services.deps import Deps, Prefs, Scope
from storage import queries
from storage.models import Action, Meeting


@dataclass
class MeetingView:
    id: int
    date: date
    start: time | None
    end: time | None
    place: str | None
    body: str | None
    agenda: list[str] = field(default_factory=list)


def to_utc(day: date, at: time | None, prefs: Prefs) -> datetime | None:
    if at is None:
        return None
    return datetime.combine(day, at, tzinfo=prefs.tz).astimezone(UTC)


def view(meeting: Meeting, prefs: Prefs) -> MeetingView:
    start, end = local_times(meeting.starts_at, meeting.ends_at, prefs.tz)
    return MeetingView(
        id=meeting.id,
        date=meeting.date,
        start=start,
        end=end,
        place=meeting.place,
        body=meeting.body,
        agenda=[item.title for item in meeting.agenda],
    )


def set_meeting(
    session: Session,
    scope: Scope,
    deps: Deps,
    prefs: Prefs,
    *,
    day: date,
    start: time | None,
    end: time | None,
    place: str | None,
    body: str | None = None,
    source_id: int | None = None,
    actor: str | None = None,
) -> Meeting:
    """Record a meeting; one on the same day is updated, not duplicated."""
    meeting = queries.meeting_on(session, scope.team_id, scope.channel_id, day)
    if meeting is None:
        meeting = Meeting(
            team_id=scope.team_id,
            channel_id=scope.channel_id,
            date=day,
            status="active",
            created_by=actor,
            created_at=deps.now(),
            source_id=source_id,
            body=body,
        )
        session.add(meeting)
    if start is not None:
        meeting.starts_at = to_utc(day, start, prefs)
        meeting.ends_at = to_utc(day, end, prefs)
    if place:
        meeting.place = place
    if body and not meeting.body:
        meeting.body = body
    session.flush()
    today = prefs.today(deps.now())
    if day >= today:
        for item in queries.pending_agenda(session, scope.team_id, scope.channel_id):
            item.meeting_id = meeting.id
        resolve_next_meeting_deadlines(session, scope, today)
    return meeting


def resolve_next_meeting_deadlines(session: Session, scope: Scope, today: date) -> None:
    """Actions due "til næste møde" get the next meeting's date once it is known."""
    upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
    if upcoming is None:
        return
    waiting = session.scalars(
        select(Action).where(
            Action.team_id == scope.team_id,
            Action.channel_id == scope.channel_id,
            Action.due_next_meeting.is_(True),
            Action.due.is_(None),
            Action.status == "open",
        )
    ).all()
    for action in waiting:
        action.due = upcoming.date
