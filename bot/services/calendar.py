"""The channel's meetings as iCalendar, and its subscribable feed.

Times carry TZID Europe/Copenhagen (the channel's zone) with its VTIMEZONE; each meeting
keeps one UID, its SEQUENCE is raised and DTSTAMP set whenever it changes, and a
withdrawn meeting stays in the feed as cancelled, so subscribed calendars follow moves
and cancellations. The meeting calendar of every body (Styregruppen, K17, KKR) comes
along as all-day events. `/referat kalender` gives a secret feed URL; `kalender ny`
makes a new secret, and the old URL answers 404.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from bot.deps import Deps, Scope, Unit
from bot.parsing.lexicon import words
from bot.render import long_date
from bot.replies import Reply
from bot.services.answers import CommandInput
from storage import documents, queries
from storage.models import CalendarEntry, Meeting

NEW = set(words("CALENDAR_NEW"))
FEED_PATH = "/calendar/"


def _stamp(meeting: Meeting) -> datetime:
    return meeting.changed_at or meeting.created_at


def _meeting_event(scope: Scope, meeting: Meeting, body: str, unit: Unit) -> Event:
    prefs = unit.prefs
    event = Event()
    event.add("uid", f"referat-{scope.team_id}-{scope.channel_id}-{meeting.id}@referat")
    event.add("summary", meeting.body or body)
    if meeting.starts_at:
        start = meeting.starts_at.astimezone(prefs.tz)
        end = (meeting.ends_at or meeting.starts_at + timedelta(hours=2)).astimezone(prefs.tz)
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    agenda = [f"{item.number or i + 1}. {item.title}" for i, item in enumerate(meeting.agenda)]
    if agenda:
        event.add("description", unit.string("agenda") + ":\n" + "\n".join(agenda))
    event.add("sequence", meeting.sequence or 0)
    event.add("dtstamp", _stamp(meeting).astimezone(UTC))
    event.add("last-modified", _stamp(meeting).astimezone(UTC))
    event.add("status", "CANCELLED" if meeting.status == "retracted" else "CONFIRMED")
    return event


def _entry_event(scope: Scope, entry: CalendarEntry, stamp: datetime, unit: Unit) -> Event:
    event = Event()
    event.add("uid", f"referat-{scope.team_id}-{scope.channel_id}-cal-{entry.id}@referat")
    event.add("summary", unit.string("calendar_summary", body=entry.body))
    event.add("dtstart", entry.date)
    event.add("dtend", entry.date + timedelta(days=1))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("sequence", 0)
    event.add("transp", "TRANSPARENT")
    return event


def ics(unit: Unit, scope: Scope) -> str:
    """The channel's meetings and meeting calendar as one VCALENDAR."""
    calendar = Calendar()
    calendar.add("prodid", "-//referat//Rammeaftale Sjælland//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", unit.string("calendar_name"))
    calendar.add("x-wr-timezone", str(unit.prefs.tz))
    meetings = documents.calendar_meetings(unit.session, scope.team_id, scope.channel_id)
    held = {(m.body or "", m.date) for m in meetings if m.status == "active"}
    # a meeting set with `/referat møde` has no body: it is the channel's body's meeting
    bodies = [m.body for m in meetings if m.body]
    body = bodies[-1] if bodies else (unit.channel.name if unit.channel else None)
    for meeting in meetings:
        calendar.add_component(_meeting_event(scope, meeting, body or unit.string("meeting"), unit))
    stamp = unit.channel.created_at if unit.channel is not None else unit.now
    for entry in queries.channel_calendar(unit.session, scope.team_id, scope.channel_id):
        if (entry.body, entry.date) not in held:
            calendar.add_component(_entry_event(scope, entry, stamp, unit))
    calendar.add_missing_timezones()
    return str(calendar.to_ical().decode("utf-8"))


def export_file(unit: Unit) -> tuple[str, str, str]:
    """(filename, content, title) of `/referat eksport ics`."""
    scope = unit.where
    title = unit.string("export_ics_title", when=long_date(unit.today, unit.language))
    return f"moeder-{scope.channel_id}.ics", ics(unit, scope), title


# --- the feed ----------------------------------------------------------------------------


def feed_url(deps: Deps, secret: str) -> str:
    return f"{deps.public_url.rstrip('/')}{FEED_PATH}{secret}.ics"


def command(unit: Unit, command: CommandInput, rest: str) -> Reply:
    """`/referat kalender [ny]`: the channel's secret feed URL (a new one revokes the old)."""
    renew = rest.strip().lower() in NEW
    if rest.strip() and not renew:
        return unit.reply("calendar_usage", ok=False)
    channel = unit.ensure_channel()
    if renew or not channel.calendar_secret:
        channel.calendar_secret = secrets.token_urlsafe(24)
    return unit.reply(
        "calendar_feed", url=feed_url(unit.deps, channel.calendar_secret), renewed=renew
    )


def feed(deps: Deps, path: str) -> str | None:
    """The feed behind `/calendar/<secret>.ics`, or None (unknown or revoked secret)."""
    if not path.startswith(FEED_PATH) or not path.endswith(".ics"):
        return None
    secret = path[len(FEED_PATH) : -len(".ics")]
    if not secret or "/" in secret:
        return None
    with deps.unit() as unit:
        channel = documents.channel_of_secret(unit.session, secret)
        if channel is None:
            return None
        scope = Scope(channel.team_id, channel.channel_id)
        prefs = deps.prefs_for(channel)
        here = replace(
            unit, scope=scope, row=channel, exists=True, prefs=prefs, today=prefs.today(unit.now)
        )
        return ics(here, scope)
