"""A channel's records as files (CSV, a draft referat in Markdown, iCalendar) and as the
JSON shape of `referat export`. An export is the whole channel by nature: it is built
after Slack has its answer (or on the command line), never inside a request."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from icalendar import Calendar, Event

from bot.deps import Deps, Scope, Unit
from bot.domain.shown import meeting_view, view
from bot.render import local_times, long_date, time_range
from bot.replies import Reply
from bot.services.answers import CommandInput
from storage import queries


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content: str
    title: str


FORMATS = ("csv", "md", "ics")


def format_of(rest: str) -> str:
    return (rest.strip().lower() or "csv").lstrip(".")


def command(unit: Unit, command: CommandInput, rest: str) -> Reply:
    """`/referat eksport [csv | md | ics]`: the file follows once Slack has the answer."""
    fmt = format_of(rest)
    if fmt not in FORMATS:
        return unit.reply("export_usage", ok=False)
    return unit.reply("export_started", name=filename(unit.where, fmt, unit.today))


def filename(scope: Scope, fmt: str, today: Any) -> str:
    return {
        "csv": f"referat-{scope.channel_id}.csv",
        "md": f"referat-udkast-{today.isoformat()}.md",
        "ics": f"moeder-{scope.channel_id}.ics",
    }[fmt]


def export(deps: Deps, scope: Scope, fmt: str) -> ExportFile:
    builder = {"csv": _csv, "md": _markdown, "ics": _ics}[fmt]
    with deps.unit(scope) as unit:
        return builder(unit)


def _csv(unit: Unit) -> ExportFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "kind", "item", "text", "owners", "due", "status", "created", "link"])
    session, scope, prefs = unit.session, unit.where, unit.prefs
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
    return ExportFile(
        filename(scope, "csv", unit.today), out.getvalue(), unit.string("export_csv_title")
    )


def _markdown(unit: Unit) -> ExportFile:
    """A draft referat in the Danish layout, from what was recorded since the last meeting."""
    session, scope, prefs, deps, today = unit.session, unit.where, unit.prefs, unit.deps, unit.today
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
    meeting = meeting_view(upcoming, prefs) if upcoming is not None else None
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
    return ExportFile(filename(scope, "md", today), text + "\n", unit.string("export_md_title"))


def _item_key(item: str) -> tuple[int, str]:
    digits = "".join(ch for ch in item if ch.isdigit())
    return (int(digits) if digits else 10_000, item)


def _ics(unit: Unit) -> ExportFile:
    calendar = Calendar()
    calendar.add("prodid", "-//referat//DA")
    calendar.add("version", "2.0")
    session, scope = unit.session, unit.where
    for meeting in queries.channel_meetings(session, scope.team_id, scope.channel_id):
        event = Event()
        event.add("uid", f"referat-{scope.team_id}-{scope.channel_id}-{meeting.id}@referat")
        title = meeting.body or unit.string("meeting")
        event.add("summary", title)
        if meeting.starts_at:
            event.add("dtstart", meeting.starts_at)
            event.add("dtend", meeting.ends_at or meeting.starts_at + timedelta(hours=2))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + timedelta(days=1))
        if meeting.place:
            event.add("location", meeting.place)
        agenda = [f"{item.number or i + 1}. {item.title}" for i, item in enumerate(meeting.agenda)]
        if agenda:
            event.add("description", unit.string("agenda") + ":\n" + "\n".join(agenda))
        event.add("dtstamp", unit.now)
        calendar.add_component(event)
    when = long_date(unit.today, unit.language)
    return ExportFile(
        filename(scope, "ics", unit.today),
        calendar.to_ical().decode("utf-8"),
        unit.string("export_ics_title", when=when),
    )


# --- JSON (`referat export --format json`) ------------------------------------


def _clock(value: Any) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def channel_json(deps: Deps, scope: Scope) -> dict[str, Any]:
    """A channel's records in the JSON shape of PRODUCT.md section 10."""
    with deps.unit(scope) as unit:
        session, prefs = unit.session, unit.prefs
        meetings = []
        for meeting in queries.channel_meetings(session, scope.team_id, scope.channel_id):
            start, end = local_times(meeting.starts_at, meeting.ends_at, prefs.tz)
            meetings.append(
                {
                    "id": meeting.id,
                    "body": meeting.body,
                    "date": meeting.date.isoformat(),
                    "start": _clock(start),
                    "end": _clock(end),
                    "place": meeting.place,
                    "agenda": [
                        {"number": item.number or str(i + 1), "title": item.title}
                        for i, item in enumerate(meeting.agenda)
                    ],
                }
            )
        decisions = [
            {
                "id": d.id,
                "text": d.text,
                "item": d.item,
                "status": d.status,
                "permalink": d.source.permalink if d.source else None,
            }
            for d in queries.channel_decisions(session, scope.team_id, scope.channel_id)
        ]
        actions = []
        for action in queries.channel_actions(session, scope.team_id, scope.channel_id):
            shown = view(action)
            actions.append(
                {
                    "id": action.id,
                    "text": action.text,
                    "owners": shown.owner_names,
                    "due": action.due.isoformat() if action.due else None,
                    "item": action.item,
                    "status": action.status,
                }
            )
        calendar: dict[str, list[str]] = {}
        for entry in queries.channel_calendar(session, scope.team_id, scope.channel_id):
            calendar.setdefault(entry.body, []).append(entry.date.isoformat())
    return {
        "channel": scope.channel_id,
        "meetings": meetings,
        "decisions": decisions,
        "actions": actions,
        "calendar": calendar,
    }
