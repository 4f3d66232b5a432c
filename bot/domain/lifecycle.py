"""The life of a decision or action: the only code that creates records, changes their
status, and writes their history (`record_changes`).

Every function works inside the caller's unit of work and takes the moment and
the actor, so history says who did what and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.parsing import messages as parsed
from storage import queries, records, search
from storage.lists import ListedOwner
from storage.models import (
    Action,
    ActionOwner,
    Meeting,
    Record,
    RecordChange,
    SourceMessage,
)
from storage.records import NewRecord

LIVE = {"decision": "active", "action": "open"}


@dataclass(frozen=True)
class Placement:
    """Where new records go: their channel, source and the meeting they were decided at."""

    team_id: str
    channel_id: str
    source_id: int
    actor: str | None
    now: datetime
    today: date
    decided_on: date | None  # the meeting's date for minutes, today for messages


@dataclass
class SyncResult:
    added: int = 0
    changed: int = 0
    retracted: int = 0

    @property
    def nothing(self) -> bool:
        return not (self.added or self.changed or self.retracted)


def snapshot(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"text": record.text, "status": record.status, "item": record.item}
    if isinstance(record, Action):
        data["due"] = record.due.isoformat() if record.due else None
        data["owners"] = [o.name for o in record.owners]
    return data


def _log(
    session: Session,
    record: Record,
    change: str,
    actor: str | None,
    at: datetime,
    before: dict[str, Any] | None,
) -> None:
    session.add(
        RecordChange(
            record_id=record.id,
            change=change,
            actor_id=actor,
            at=at,
            before=before,
            after=snapshot(record),
        )
    )


def _owners(item: parsed.Action) -> list[ActionOwner]:
    return [
        ActionOwner(
            name=o.name,
            name_key=o.name.casefold(),
            user_id=o.user_id,
            group_id=o.group_id,
            position=i,
        )
        for i, o in enumerate(item.owners)
    ]


def create(
    session: Session, where: Placement, item: parsed.Decision | parsed.Action, position: int
) -> NewRecord:
    """A new decision or action from a message, minutes or the shortcut's form."""
    return create_all(session, where, [(item, position)])[0]


def create_all(
    session: Session,
    where: Placement,
    items: list[tuple[parsed.Decision | parsed.Action, int]],
) -> list[NewRecord]:
    """New decisions and actions (with their positions) from one source, written together
    as Core statements: one lookup of the meeting they were decided at, then one INSERT of
    the records (ids returned), one of their owners, one of their history, and on SQLite
    one of the search index. No ORM object is made; what was written is returned."""
    if not items:
        return []
    session.flush()  # what the rows refer to (their source, a meeting) is written first
    # the meeting it was decided at: the one held on the day it was decided, if any (never
    # a guess from the day it is stored; the referat of a meeting is chosen by this)
    meeting_id = (
        queries.meeting_id_on(session, where.team_id, where.channel_id, where.decided_on)
        if where.decided_on is not None
        else None
    )
    made: list[NewRecord] = []
    rows: list[dict[str, Any]] = []
    upcoming: list[date | None] = []  # the next meeting's day, looked up once if needed
    for item, position in items:
        made.append(_new(session, where, item, upcoming))
        rows.append(
            {
                "team_id": where.team_id,
                "channel_id": where.channel_id,
                "kind": made[-1].kind,
                "text": item.text,
                "item": item.item,
                "decided_on": where.decided_on,
                "meeting_id": meeting_id,
                "status": made[-1].status,
                "source_id": where.source_id,
                "position": position,
                "author_id": where.actor,
                "created_at": where.now,
                "updated_at": where.now,
                "due": made[-1].due,
                "due_next_meeting": made[-1].due_next_meeting,
            }
        )
    for record, record_id in zip(made, records.insert_records(session, rows), strict=True):
        record.id = record_id
    records.insert_owners(
        session,
        [
            {
                "record_id": r.id,
                "name": o.name,
                "name_key": o.name.casefold(),
                "user_id": o.user_id,
                "group_id": o.group_id,
                "position": i,
            }
            for r in made
            for i, o in enumerate(r.owners)
        ],
    )
    records.insert_changes(
        session,
        [
            {
                "record_id": r.id,
                "change": "created",
                "actor_id": where.actor,
                "at": where.now,
                "before": None,
                "after": _new_snapshot(r),
            }
            for r in made
        ],
    )
    search.index_new(
        session,
        [
            (r.id, where.team_id, where.channel_id, r.text, None)
            for r in made
            if r.kind == "decision"
        ],
    )
    return made


def _new(
    session: Session,
    where: Placement,
    item: parsed.Decision | parsed.Action,
    upcoming: list[date | None],
) -> NewRecord:
    """A record about to be written (its id still 0), with what `create_all` would store."""
    if isinstance(item, parsed.Decision):
        return NewRecord(0, "decision", item.text, item.item, LIVE["decision"])
    due = item.due
    if item.due_next_meeting and due is None:  # "til næste møde": that meeting's day, if set
        if not upcoming:
            upcoming.append(
                queries.next_meeting_date(session, where.team_id, where.channel_id, where.today)
            )
        due = upcoming[0]
    owners = [ListedOwner(o.name, o.user_id, o.group_id) for o in item.owners]
    return NewRecord(
        0, "action", item.text, item.item, LIVE["action"], due, item.due_next_meeting, owners
    )


def _new_snapshot(record: NewRecord) -> dict[str, Any]:
    """`snapshot` of a record just written."""
    data: dict[str, Any] = {"text": record.text, "status": record.status, "item": record.item}
    if record.kind == "action":
        data["due"] = record.due.isoformat() if record.due else None
        data["owners"] = [o.name for o in record.owners]
    return data


def _due_next_meeting(session: Session, where: Placement, action: Action) -> None:
    if action.due_next_meeting and action.due is None:
        upcoming = queries.next_meeting(session, where.team_id, where.channel_id, where.today)
        if upcoming is not None:
            action.due = upcoming.date


def sync(
    session: Session, where: Placement, items: list[parsed.Decision | parsed.Action]
) -> SyncResult:
    """Make a source's decisions and actions match a new reading of it (an edit, a
    corrected import). Records are matched by kind and position, so ids survive; what
    changed is updated with history, what is gone is retracted."""
    outcome = SyncResult()
    old = {(r.kind, r.position): r for r in queries.records_of_source(session, where.source_id)}
    kept: set[int] = set()
    for position, item in enumerate(items):
        record = old.get((item.kind, position))
        if record is None:
            kept.add(create(session, where, item, position).id)
            outcome.added += 1
            continue
        if _update(session, where, record, item):
            outcome.changed += 1
        kept.add(record.id)
    for record in old.values():
        if record.id not in kept and record.status != "retracted":
            set_status(session, record, "retracted", "retracted", where.actor, where.now)
            outcome.retracted += 1
    session.flush()
    return outcome


def _update(
    session: Session, where: Placement, record: Record, item: parsed.Decision | parsed.Action
) -> bool:
    before = snapshot(record)
    record.text, record.item = item.text, item.item
    if record.status == "retracted":
        record.status = LIVE[record.kind]
    if isinstance(record, Action) and isinstance(item, parsed.Action):
        record.due, record.due_next_meeting = item.due, item.due_next_meeting
        _due_next_meeting(session, where, record)
        wanted = [(o.name, o.user_id, o.group_id) for o in item.owners]
        if [(o.name, o.user_id, o.group_id) for o in record.owners] != wanted:
            record.owners = _owners(item)
    if snapshot(record) == before:
        return False
    record.updated_at = where.now
    _log(session, record, "edited", where.actor, where.now, before)
    return True


def set_status(
    session: Session,
    record: Record,
    status: str,
    change: str,
    actor: str | None,
    now: datetime,
) -> None:
    """done | open | retracted, with the change (done, reopened, retracted, undone) logged."""
    before = snapshot(record)
    record.status, record.updated_at = status, now
    if isinstance(record, Action):
        record.done_at, record.done_by = (now, actor) if status == "done" else (None, None)
    _log(session, record, change, actor, now, before)


# --- meetings a message set, moved, changed or cancelled ----------------------------------


def meeting_snapshot(meeting: Meeting) -> dict[str, Any]:
    return {
        "meeting": meeting.id,
        "date": meeting.date.isoformat(),
        "starts_at": meeting.starts_at.isoformat() if meeting.starts_at else None,
        "ends_at": meeting.ends_at.isoformat() if meeting.ends_at else None,
        "place": meeting.place,
        "status": meeting.status,
        "source_id": meeting.source_id,
    }


def restore_meeting(meeting: Meeting, before: dict[str, Any]) -> None:
    """Undo a move, change or cancellation: the meeting as it was."""
    meeting.date = date.fromisoformat(before["date"])
    meeting.starts_at = datetime.fromisoformat(before["starts_at"]) if before["starts_at"] else None
    meeting.ends_at = datetime.fromisoformat(before["ends_at"]) if before["ends_at"] else None
    meeting.place, meeting.status = before["place"], before["status"]
    meeting.source_id = before["source_id"]


def meeting_before(source: SourceMessage, meeting_id: int) -> dict[str, Any] | None:
    """How a meeting was before this message moved, changed or cancelled it."""
    for note in source.warnings or []:
        before = note.get("before") if isinstance(note, dict) else None
        if isinstance(before, dict) and before.get("meeting") == meeting_id:
            return before
    return None


def withdraw_meetings(
    session: Session, source: SourceMessage, *, now: datetime, keep: bool = False
) -> int:
    """A message's word about meetings is taken back: a moved, changed or cancelled meeting
    goes back to how it was; one the message set is retracted (or, with `keep`, left
    for a new reading of the message to move)."""
    count = 0
    for meeting in queries.meetings_of_source(session, source.id):
        before = meeting_before(source, meeting.id)
        if before is not None:
            moved_from = meeting.date
            restore_meeting(meeting, before)
            meeting_changed(meeting, now)
            if meeting.date != moved_from:  # deadlines "til næste møde" follow it back
                queries.set_next_meeting_deadlines(
                    session, meeting.team_id, meeting.channel_id, meeting.date, old=moved_from
                )
            count += 1
        elif not keep and retract_meeting(meeting, now):
            count += 1
    return count


def meeting_changed(meeting: Meeting, now: datetime) -> None:
    """A meeting's time, place or status changed: calendars must update (SEQUENCE, DTSTAMP)."""
    meeting.sequence = (meeting.sequence or 0) + 1
    meeting.changed_at = now


def retract_meeting(meeting: Meeting, now: datetime) -> bool:
    """A meeting withdrawn (its message edited or deleted); calendars show it cancelled."""
    if meeting.status == "retracted":
        return False
    meeting.status = "retracted"
    meeting_changed(meeting, now)
    return True


def retract_source(
    session: Session, source: SourceMessage, actor: str | None, change: str, now: datetime
) -> int:
    """Everything one message recorded is withdrawn (history keeps it)."""
    count = 0
    for record in queries.records_of_source(session, source.id):
        if record.status != "retracted":
            set_status(session, record, "retracted", change, actor, now)
            count += 1
    count += withdraw_meetings(session, source, now=now)
    for agenda_item in queries.agenda_of_source(session, source.id):
        session.delete(agenda_item)
        count += 1
    return count
