"""A channel's records as files: CSV, a draft referat in Markdown, iCalendar."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import timedelta

from icalendar import Calendar, Event

from bot.render import long_date, time_range
from bot.services.deps import Deps, Scope, channel_prefs
from bot.services.records import view
from storage import queries


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content: str
    title: str


FORMATS = ("csv", "md", "ics")


def export(deps: Deps, scope: Scope, fmt: str) -> ExportFile:
    builder = {"csv": _csv, "md": _markdown, "ics": _ics}[fmt]
    return builder(deps, scope)


def _csv(deps: Deps, scope: Scope) -> ExportFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "kind", "item", "text", "owners", "due", "status", "created", "link"])
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
        records = [
            *queries.channel_decisions(session, scope.team_id, scope.channel_id),
            *queries.channel_actions(session, scope.team_id, scope.channel_id),
        ]
        for record in sorted(records, key=lambda r: r.id):
            shown = view(record)
            writer.writerow(
                [
                    record.id,
                    record.kind,
                    record.item or "",
                    record.text,
                    "; ".join(shown.owner_names),
                    shown.due.isoformat() if shown.due else "",
                    record.status,
                    record.created_at.astimezone(prefs.tz).date().isoformat(),
                    record.source.permalink if record.source and record.source.permalink else "",
                ]
            )
    title = "Beslutninger og handlinger" if prefs.language == "da" else "Decisions and actions"
    return ExportFile(f"referat-{scope.channel_id}.csv", out.getvalue(), title)


def _markdown(deps: Deps, scope: Scope) -> ExportFile:
    """A draft referat in the Danish layout, from what was recorded since the last meeting."""
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
        today = prefs.today(deps.now())
        last = queries.last_meeting(session, scope.team_id, scope.channel_id, today)
        upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
        since = last.date if last else None
        records = [
            r
            for r in [
                *queries.channel_decisions(session, scope.team_id, scope.channel_id),
                *queries.channel_actions(session, scope.team_id, scope.channel_id),
            ]
            if r.status != "retracted"
            and (since is None or r.created_at.astimezone(prefs.tz).date() >= since)
        ]
        views = [view(r) for r in sorted(records, key=lambda r: r.id)]
        meeting = None
        if upcoming is not None:
            from bot.services.meetings import view as meeting_view

            meeting = meeting_view(upcoming, prefs)
        text = deps.renderer.render(
            prefs.language,
            "draft_referat",
            records=views,
            since=since,
            today=today,
            meeting=meeting,
            meeting_time=time_range(meeting.start, meeting.end, prefs.language) if meeting else "",
            items=sorted({r.item or "" for r in views}, key=_item_key),
        )
    return ExportFile(
        f"referat-udkast-{today.isoformat()}.md",
        text + "\n",
        "Udkast til referat" if prefs.language == "da" else "Draft minutes",
    )


def _item_key(item: str) -> tuple[int, str]:
    digits = "".join(ch for ch in item if ch.isdigit())
    return (int(digits) if digits else 10_000, item)


def _ics(deps: Deps, scope: Scope) -> ExportFile:
    calendar = Calendar()
    calendar.add("prodid", "-//referat//DA")
    calendar.add("version", "2.0")
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
        for meeting in queries.channel_meetings(session, scope.team_id, scope.channel_id):
            event = Event()
            event.add("uid", f"referat-{scope.team_id}-{scope.channel_id}-{meeting.id}@referat")
            title = meeting.body or ("Møde" if prefs.language == "da" else "Meeting")
            event.add("summary", title)
            if meeting.starts_at:
                event.add("dtstart", meeting.starts_at)
                event.add("dtend", meeting.ends_at or meeting.starts_at + timedelta(hours=2))
            else:
                event.add("dtstart", meeting.date)
                event.add("dtend", meeting.date + timedelta(days=1))
            if meeting.place:
                event.add("location", meeting.place)
            agenda = [
                f"{item.number or i + 1}. {item.title}" for i, item in enumerate(meeting.agenda)
            ]
            if agenda:
                heading = "Dagsorden" if prefs.language == "da" else "Agenda"
                event.add("description", heading + ":\n" + "\n".join(agenda))
            event.add("dtstamp", deps.now())
            calendar.add_component(event)
    when = long_date(prefs.today(deps.now()), prefs.language)
    return ExportFile(
        f"moeder-{scope.channel_id}.ics",
        calendar.to_ical().decode("utf-8"),
        f"Møder ({when})" if prefs.language == "da" else f"Meetings ({when})",
    )
