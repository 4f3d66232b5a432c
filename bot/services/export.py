"""A channel's records in the JSON shape of PRODUCT.md section 10."""

from __future__ import annotations

from typing import Any

from bot.render import local_times
from bot.services.deps import Deps, Scope, channel_prefs
from bot.services.records import view
from storage import queries


def _clock(value: Any) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def channel_json(deps: Deps, scope: Scope) -> dict[str, Any]:
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
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
