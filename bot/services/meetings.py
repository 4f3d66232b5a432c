"""The next meeting and its agenda: `/referat næste-møde`, `møde`, `dagsorden`, and the
meetings that messages and minutes record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from bot.deps import Prefs, Unit
from bot.domain import lifecycle
from bot.domain.lifecycle import meeting_snapshot
from bot.domain.shown import meeting_view, view
from bot.parsing.arguments import ADD
from bot.parsing.messages import Meeting as ParsedMeeting
from bot.parsing.messages import parse_meeting_text
from bot.render import local_times
from bot.replies import Reply
from bot.services.answers import MAX_LINES, CommandInput, share_button
from storage import lists, queries
from storage.models import AgendaItem, Meeting


def to_utc(day: date, at: time | None, prefs: Prefs) -> datetime | None:
    if at is None:
        return None
    return datetime.combine(day, at, tzinfo=prefs.tz).astimezone(UTC)


def set_meeting(
    unit: Unit,
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
    session, scope = unit.session, unit.where
    meeting = queries.meeting_on(session, scope.team_id, scope.channel_id, day)
    if meeting is None:
        meeting = Meeting(
            team_id=scope.team_id,
            channel_id=scope.channel_id,
            date=day,
            status="active",
            created_by=actor,
            created_at=unit.now,
            source_id=source_id,
            body=body,
        )
        session.add(meeting)
        meeting.changed_at = unit.now
    shown = (meeting.starts_at, meeting.ends_at, meeting.place, meeting.body)
    if start is not None:
        meeting.starts_at = to_utc(day, start, unit.prefs)
        meeting.ends_at = to_utc(day, end, unit.prefs)
    if place:
        meeting.place = place
    if body and not meeting.body:
        meeting.body = body
    if meeting.id is not None and shown != (
        meeting.starts_at,
        meeting.ends_at,
        meeting.place,
        meeting.body,
    ):
        lifecycle.meeting_changed(meeting, unit.now)
    session.flush()
    if day >= unit.today:
        for item in queries.pending_agenda(session, scope.team_id, scope.channel_id):
            item.meeting_id = meeting.id
        upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, unit.today)
        if upcoming is not None:
            queries.set_next_meeting_deadlines(
                session, scope.team_id, scope.channel_id, upcoming.date
            )
    return meeting


@dataclass(frozen=True)
class MeetingNews:
    """What a word about the next meeting did: set | moved | changed | same | cancelled |
    none_to_cancel; `before` is how the meeting was (to say so, and to undo it)."""

    kind: str
    meeting: Meeting | None
    before: dict[str, Any] | None = None

    def note(self) -> dict[str, Any] | None:
        """A note for the message's reply (kept with the message, so Undo can go back)."""
        if self.kind not in ("moved", "changed", "cancelled", "none_to_cancel"):
            return None
        detail = self.before["date"] if self.before else ""
        note: dict[str, Any] = {"code": f"meeting_{self.kind}", "detail": detail, "kind": "meeting"}
        if self.before is not None:
            note["before"] = self.before
        if self.kind == "moved" and self.meeting is not None:
            note["to"] = self.meeting.date.isoformat()
        return note


def announce(
    unit: Unit,
    said: ParsedMeeting,
    *,
    source_id: int | None = None,
    actor: str | None = None,
    body: str | None = None,
) -> MeetingNews:
    """A word about the next meeting: the latest word wins. The channel's next meeting is
    moved (earlier or later), its time or place changed, or it is cancelled; a date in the
    past only records that meeting (minutes of earlier meetings)."""
    session, scope = unit.session, unit.where
    upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, unit.today)
    if said.cancelled:
        if upcoming is None or (said.date is not None and said.date != upcoming.date):
            return MeetingNews("none_to_cancel", None)
        before = meeting_snapshot(upcoming)
        upcoming.status = "cancelled"
        upcoming.source_id = source_id or upcoming.source_id
        lifecycle.meeting_changed(upcoming, unit.now)  # calendars show it cancelled
        return MeetingNews("cancelled", upcoming, before)
    assert said.date is not None
    if said.date < unit.today or upcoming is None:
        meeting = set_meeting(
            unit,
            day=said.date,
            start=said.start,
            end=said.end,
            place=said.place,
            body=body,
            source_id=source_id,
            actor=actor,
        )
        return MeetingNews("set", meeting)
    before = meeting_snapshot(upcoming)
    old_day = upcoming.date
    if said.date != upcoming.date:
        start, end = said.start, said.end
        if start is None:  # moved without a time: the same time of day on the new date
            start, end = local_times(upcoming.starts_at, upcoming.ends_at, unit.prefs.tz)
        upcoming.date = said.date
        upcoming.starts_at = to_utc(said.date, start, unit.prefs)
        upcoming.ends_at = to_utc(said.date, end, unit.prefs)
    elif said.start is not None:
        upcoming.starts_at = to_utc(said.date, said.start, unit.prefs)
        upcoming.ends_at = to_utc(said.date, said.end, unit.prefs)
    if said.place:
        upcoming.place = said.place
    if body and not upcoming.body:
        upcoming.body = body
    if source_id is not None:
        upcoming.source_id = source_id
    session.flush()
    if upcoming.date != old_day:
        lifecycle.meeting_changed(upcoming, unit.now)  # calendars move it (SEQUENCE)
        queries.set_next_meeting_deadlines(
            session, scope.team_id, scope.channel_id, upcoming.date, old=old_day
        )
        return MeetingNews("moved", upcoming, before)
    after = meeting_snapshot(upcoming)
    changed = any(after[k] != before[k] for k in ("starts_at", "ends_at", "place"))
    if changed:
        lifecycle.meeting_changed(upcoming, unit.now)
    return MeetingNews("changed" if changed else "same", upcoming, before)


def add_agenda_item(unit: Unit, title: str, *, source_id: int | None = None) -> Meeting | None:
    """An item for the next meeting (or for whichever is set next); returns that meeting."""
    session, scope = unit.session, unit.where
    upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, unit.today)
    session.add(
        AgendaItem(
            team_id=scope.team_id,
            channel_id=scope.channel_id,
            title=title[:1000],
            meeting_id=upcoming.id if upcoming else None,
            source_id=source_id,
            position=len(upcoming.agenda) if upcoming else 0,
        )
    )
    return upcoming


# --- `/referat …` ---------------------------------------------------------------


def next_meeting(unit: Unit, command: CommandInput, rest: str) -> Reply:
    scope, today = unit.where, unit.today
    upcoming = queries.next_meeting_shown(unit.session, scope.team_id, scope.channel_id, today)
    if upcoming is None:
        last = queries.last_meeting(unit.session, scope.team_id, scope.channel_id, today)
        return unit.reply(
            "no_next_meeting", last=meeting_view(last, unit.prefs) if last else None, today=today
        )
    due, total = lists.open_actions(
        unit.session,
        scope.team_id,
        [lists.in_channel(scope.channel_id), lists.due_by(upcoming.date)],
        MAX_LINES,
    )
    reply = unit.reply(
        "next_meeting",
        m=meeting_view(upcoming, unit.prefs),
        today=today,
        actions=[view(a) for a in due],
        more=total - len(due),
    )
    reply.buttons.append(share_button(unit, "next-meeting"))
    return reply


def meeting(unit: Unit, command: CommandInput, rest: str) -> Reply:
    if not rest:
        return unit.reply("meeting_usage", ok=False, problem=None)
    parsed, warnings = parse_meeting_text(rest, today=unit.today)
    if parsed is None:
        bad = next((w.detail for w in warnings if w.code == "bad_date"), None)
        clock = next((w.detail for w in warnings if w.code == "bad_time"), None)
        if clock:
            return unit.reply("meeting_usage", ok=False, problem=None, bad_time=clock)
        return unit.reply("meeting_usage", ok=False, problem=bad or rest)
    if parsed.date is not None and parsed.date < unit.today:
        return unit.reply("meeting_in_past", ok=False, day=parsed.date)
    unit.ensure_channel_row()
    news = announce(unit, parsed, actor=command.user_id)
    shown = meeting_view(news.meeting, unit.prefs) if news.meeting else None
    return unit.reply("meeting_set", m=shown, news=news.note(), today=unit.today)


def agenda(unit: Unit, command: CommandInput, rest: str) -> Reply:
    first, _, text = rest.partition(" ")
    scope = unit.where
    if first.lower() in ADD:
        title = text.strip()
        if not title:
            return unit.reply("agenda_usage", ok=False)
        unit.ensure_channel_row()
        upcoming = add_agenda_item(unit, title)
        shown = meeting_view(upcoming, unit.prefs) if upcoming else None
        return unit.reply("agenda_added", title=title, m=shown)
    if rest.strip():
        return unit.reply("agenda_usage", ok=False)
    ahead = queries.next_meeting_shown(unit.session, scope.team_id, scope.channel_id, unit.today)
    pending = [
        a.title for a in queries.pending_agenda(unit.session, scope.team_id, scope.channel_id)
    ]
    shown = meeting_view(ahead, unit.prefs) if ahead else None
    reply = unit.reply("agenda", m=shown, pending=pending, today=unit.today)
    reply.buttons.append(share_button(unit, "agenda"))
    return reply
