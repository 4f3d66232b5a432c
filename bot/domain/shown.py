"""How records and meetings are shown: plain views for templates, and the Done button."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from bot.deps import Prefs
from bot.parsing.normalize import escape
from bot.render import Renderer, local_times
from bot.replies import Button
from storage.lists import ListedAction, ListedOwner
from storage.models import Action, ActionOwner, Meeting, Record
from storage.queries import ShownMeeting
from storage.records import NewRecord


@dataclass
class RecordView:
    id: int
    kind: str  # decision | action
    text: str  # as typed; templates escape it
    owners: list[str]  # already safe for mrkdwn (mentions kept, names escaped)
    owner_names: list[str]
    due: date | None
    due_next_meeting: bool
    status: str
    item: str | None


@dataclass
class MeetingView:
    id: int
    date: date
    start: time | None
    end: time | None
    place: str | None
    body: str | None
    agenda: list[str] = field(default_factory=list)


def done_button(renderer: Renderer, lang: str, record_id: int) -> Button:
    return Button(
        renderer.string(lang, "done_button", id=record_id),
        f"done_{record_id}",
        str(record_id),
        "primary",
    )


def reopen_button(renderer: Renderer, lang: str, record_id: int) -> Button:
    return Button(
        renderer.string(lang, "reopen_button", id=record_id), f"reopen_{record_id}", str(record_id)
    )


def owner_label(owner: ActionOwner | ListedOwner) -> str:
    if owner.user_id:
        return f"<@{owner.user_id}>"
    if owner.group_id:
        return f"<!subteam^{owner.group_id}>"
    return escape(owner.name)


def view(record: Record | ListedAction | NewRecord) -> RecordView:
    action = (
        record
        if isinstance(record, Action | ListedAction)
        or (isinstance(record, NewRecord) and record.kind == "action")
        else None
    )
    owners: list[ActionOwner | ListedOwner] = [*action.owners] if action else []
    return RecordView(
        id=record.id,
        kind=record.kind,
        text=record.text,
        owners=[owner_label(o) for o in owners],
        owner_names=[o.user_id and f"<@{o.user_id}>" or o.name for o in owners],
        due=action.due if action else None,
        due_next_meeting=bool(action.due_next_meeting) if action else False,
        status=record.status,
        item=record.item,
    )


def meeting_view(meeting: Meeting | ShownMeeting, prefs: Prefs) -> MeetingView:
    start, end = local_times(meeting.starts_at, meeting.ends_at, prefs.tz)
    return MeetingView(
        id=meeting.id,
        date=meeting.date,
        start=start,
        end=end,
        place=meeting.place,
        body=meeting.body,
        agenda=(
            list(meeting.titles)
            if isinstance(meeting, ShownMeeting)
            else [item.title for item in meeting.agenda]
        ),
    )
