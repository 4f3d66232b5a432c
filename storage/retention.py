"""Keeping and forgetting data: `referat purge` and `referat forget-user`.

`purge` removes what is no longer needed:

- the text of a message deleted in Slack (and of the bot's reply to it), at once;
- import previews: cancelled ones after a day; the minutes' text of stored ones after a
  day (the records hold what was stored);
- Slack event ids after a day (retries come within the hour) and expired OAuth states;
- with a retention period (`REFERAT_RETENTION_DAYS`): copies of messages older than
  that (the records keep their own text), retracted decisions and actions with their
  history, finished scheduler runs and stopped processes' heartbeats.

`forget_user` removes one person's Slack id and names from every record, its history,
the messages kept, the settings and the OAuth installations the person made (the
workspace's bot token stays), and keeps the decisions and actions themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import String, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session

from storage.base import Base
from storage.models import (
    Action,
    ActionOwner,
    AgendaItem,
    ChannelMember,
    Heartbeat,
    Meeting,
    OwnerAlias,
    PendingImport,
    Person,
    ProcessedEvent,
    Record,
    RecordChange,
    ScheduledRun,
    SourceMessage,
    UserGroup,
)

PREVIEW_DAYS = 1
EVENT_DAYS = 1
FORGOTTEN = "(anonymiseret)"


@dataclass
class Counts:
    """How many rows each step touched, by name (printed by the command line)."""

    rows: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, count: int) -> None:
        self.rows[name] = self.rows.get(name, 0) + int(count or 0)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def purge(session: Session, now: datetime, retention_days: int | None) -> Counts:
    counts = Counts()
    counts.add(
        "texts of deleted messages",
        _rowcount(
            session.execute(
                update(SourceMessage)
                .where(
                    SourceMessage.deleted.is_(True),
                    or_(SourceMessage.text != "", SourceMessage.reply_text.is_not(None)),
                )
                .values(text="", reply_text=None)
                .execution_options(synchronize_session=False)
            )
        ),
    )
    day_old = now - timedelta(days=PREVIEW_DAYS)
    counts.add(
        "cancelled import previews",
        _rowcount(
            session.execute(
                delete(PendingImport).where(
                    PendingImport.status == "cancelled", PendingImport.created_at < day_old
                )
            )
        ),
    )
    counts.add(
        "texts of stored import previews",
        _rowcount(
            session.execute(
                update(PendingImport)
                .where(
                    PendingImport.status == "stored",
                    PendingImport.created_at < day_old,
                    PendingImport.text != "",
                )
                .values(text="")
                .execution_options(synchronize_session=False)
            )
        ),
    )
    counts.add(
        "processed events",
        _rowcount(
            session.execute(
                delete(ProcessedEvent).where(
                    ProcessedEvent.received_at < now - timedelta(days=EVENT_DAYS)
                )
            )
        ),
    )
    counts.add("expired OAuth states", expired_oauth_states(session, now))
    if retention_days is not None:
        _past_retention(session, now - timedelta(days=retention_days), counts)
    return counts


def _past_retention(session: Session, cutoff: datetime, counts: Counts) -> None:
    counts.add(
        "message copies past retention",
        _rowcount(
            session.execute(
                update(SourceMessage)
                .where(SourceMessage.updated_at < cutoff, SourceMessage.text != "")
                .where(SourceMessage.ts.not_like("import:%"))  # a fingerprint, no text
                .values(text="")
                .execution_options(synchronize_session=False)
            )
        ),
    )
    retracted = select(Record.id).where(Record.status == "retracted", Record.updated_at < cutoff)
    ids = list(session.scalars(retracted))
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        session.execute(delete(RecordChange).where(RecordChange.record_id.in_(batch)))
        session.execute(delete(ActionOwner).where(ActionOwner.record_id.in_(batch)))
        session.execute(delete(Record).where(Record.id.in_(batch)))
    counts.add("retracted records past retention", len(ids))
    counts.add(
        "scheduler runs past retention",
        _rowcount(
            session.execute(
                delete(ScheduledRun).where(
                    ScheduledRun.claimed_at < cutoff, ScheduledRun.status != "claimed"
                )
            )
        ),
    )
    counts.add(
        "heartbeats of stopped processes",
        _rowcount(session.execute(delete(Heartbeat).where(Heartbeat.beat_at < cutoff))),
    )


# -- forgetting a person -----------------------------------------------------------------


def person_names(session: Session, user_id: str) -> set[str]:
    """The plain names this person is known by: as an owner (not a mention, not a group)
    and as Slack's display name, cached."""
    names = set(
        session.scalars(select(ActionOwner.name).where(ActionOwner.user_id == user_id).distinct())
    )
    names |= set(session.scalars(select(Person.display_name).where(Person.user_id == user_id)))
    return {n for n in names if n and not n.startswith("<")}


def _pattern(user_id: str, names: Iterable[str]) -> re.Pattern[str]:
    parts = [rf"<@{re.escape(user_id)}(?:\|[^>]*)?>", rf"\b{re.escape(user_id)}\b"]
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        parts.append(rf"(?<!\w){re.escape(name)}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE)


def _scrub(value: Any, pattern: re.Pattern[str], placeholder: str) -> Any:
    if isinstance(value, str):
        return pattern.sub(placeholder, value)
    if isinstance(value, list):
        return [_scrub(v, pattern, placeholder) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, pattern, placeholder) for k, v in value.items()}
    return value


def _json_needles(needles: list[str]) -> list[str]:
    """JSON columns hold "Søren" as "S\\u00f8ren": look for both spellings."""
    return sorted({*needles, *(json.dumps(n)[1:-1] for n in needles)})


def _mentions(column: Any, needles: list[str]) -> Any:
    lowered = func.lower(cast(column, String))
    return or_(*[lowered.contains(n.lower(), autoescape=True) for n in needles])


def forget_user(
    session: Session,
    user_id: str,
    names: Iterable[str] = (),
    placeholder: str = FORGOTTEN,
) -> Counts:
    """Remove `user_id` and the person's names (known as owner, plus `names`) everywhere."""
    counts = Counts()
    all_names = person_names(session, user_id) | {n.strip() for n in names if n.strip()}
    pattern = _pattern(user_id, all_names)
    needles = [user_id, *sorted(all_names)]
    in_json = _json_needles(needles)

    def scrub(value: Any) -> Any:
        return _scrub(value, pattern, placeholder)

    owners = session.scalars(
        select(ActionOwner).where(
            or_(ActionOwner.user_id == user_id, _mentions(ActionOwner.name, needles))
        )
    ).all()
    for owner in owners:
        owner.user_id = None if owner.user_id == user_id else owner.user_id
        owner.name = scrub(owner.name)
        owner.name_key = owner.name.casefold()
    counts.add("owners", len(owners))

    records = session.scalars(
        select(Record).where(
            or_(
                Record.author_id == user_id,
                _mentions(Record.text, needles),
                _mentions(Record.item_title, needles),
                # the column itself: Action.done_by would limit the whole query to actions
                Record.__table__.c.done_by == user_id,
            )
        )
    ).all()
    for record in records:
        record.text = scrub(record.text)
        record.item_title = scrub(record.item_title) if record.item_title else None
        if record.author_id == user_id:
            record.author_id = None
        if isinstance(record, Action) and record.done_by == user_id:
            record.done_by = None
    counts.add("decisions and actions", len(records))

    changes = session.scalars(
        select(RecordChange).where(
            or_(
                RecordChange.actor_id == user_id,
                _mentions(RecordChange.before, in_json),
                _mentions(RecordChange.after, in_json),
            )
        )
    ).all()
    for change in changes:
        if change.actor_id == user_id:
            change.actor_id = None
        change.before = scrub(change.before)
        change.after = scrub(change.after)
    counts.add("history entries", len(changes))

    messages = session.scalars(
        select(SourceMessage).where(
            or_(
                SourceMessage.author_id == user_id,
                _mentions(SourceMessage.text, needles),
                _mentions(SourceMessage.reply_text, needles),
                _mentions(SourceMessage.warnings, in_json),
            )
        )
    ).all()
    for message in messages:
        if message.author_id == user_id:
            message.author_id = None
        message.text = scrub(message.text)
        message.reply_text = scrub(message.reply_text) if message.reply_text else None
        message.warnings = scrub(message.warnings) if message.warnings else message.warnings
    counts.add("messages kept", len(messages))

    meetings = session.scalars(
        select(Meeting).where(or_(Meeting.created_by == user_id, _mentions(Meeting.place, needles)))
    ).all()
    for meeting in meetings:
        if meeting.created_by == user_id:
            meeting.created_by = None
        meeting.place = scrub(meeting.place) if meeting.place else None
    counts.add("meetings", len(meetings))

    agenda = session.scalars(select(AgendaItem).where(_mentions(AgendaItem.title, needles))).all()
    for agenda_item in agenda:
        agenda_item.title = scrub(agenda_item.title)
    counts.add("agenda items", len(agenda))

    counts.add(
        "channel memberships",
        _rowcount(session.execute(delete(ChannelMember).where(ChannelMember.user_id == user_id))),
    )
    groups = session.scalars(select(UserGroup).where(_mentions(UserGroup.members, in_json))).all()
    for group in groups:
        group.members = [m for m in group.members or [] if m != user_id]
    counts.add("user group memberships", len(groups))

    counts.add(
        "import previews",
        _rowcount(
            session.execute(
                delete(PendingImport).where(
                    or_(PendingImport.user_id == user_id, _mentions(PendingImport.text, needles))
                )
            )
        ),
    )
    counts.add(
        "owner names mapped to the person",
        _rowcount(session.execute(delete(OwnerAlias).where(OwnerAlias.user_id == user_id))),
    )
    counts.add(
        "personal settings",
        _rowcount(session.execute(delete(Person).where(Person.user_id == user_id))),
    )
    installations = Base.metadata.tables["slack_installations"]
    counts.add(
        "installations made by the person",
        _rowcount(
            session.execute(
                update(installations)
                .where(installations.c.user_id == user_id)
                .values(  # the workspace's bot token stays; the person's own token goes
                    user_id="-",
                    user_token=None,
                    user_scopes=None,
                    user_refresh_token=None,
                    user_token_expires_at=None,
                )
            )
        ),
    )
    runs = session.scalars(select(ScheduledRun).where(ScheduledRun.target == user_id)).all()
    for run in runs:
        run.target = f"-{run.id}"  # keeps the key unique, names no one
    counts.add("reminders sent", len(runs))
    session.flush()
    return counts


def still_named(session: Session, user_id: str, names: Iterable[str] = ()) -> int:
    """How many rows still hold the id or one of the names (0 after `forget_user`)."""
    needles = [user_id, *[n for n in names if n.strip()]]
    in_json = _json_needles(needles)
    checks = [
        select(func.count())
        .select_from(ActionOwner)
        .where(or_(ActionOwner.user_id == user_id, _mentions(ActionOwner.name, needles))),
        select(func.count())
        .select_from(Record)
        .where(or_(Record.author_id == user_id, _mentions(Record.text, needles))),
        select(func.count())
        .select_from(RecordChange)
        .where(
            or_(
                RecordChange.actor_id == user_id,
                _mentions(RecordChange.before, in_json),
                _mentions(RecordChange.after, in_json),
            )
        ),
        select(func.count())
        .select_from(SourceMessage)
        .where(or_(SourceMessage.author_id == user_id, _mentions(SourceMessage.text, needles))),
        select(func.count()).select_from(Person).where(Person.user_id == user_id),
        select(func.count()).select_from(OwnerAlias).where(OwnerAlias.user_id == user_id),
        select(func.count()).select_from(ChannelMember).where(ChannelMember.user_id == user_id),
        select(func.count()).select_from(UserGroup).where(_mentions(UserGroup.members, in_json)),
        select(func.count()).select_from(AgendaItem).where(_mentions(AgendaItem.title, needles)),
        select(func.count()).select_from(ScheduledRun).where(ScheduledRun.target == user_id),
        select(func.count())
        .select_from(Base.metadata.tables["slack_installations"])
        .where(Base.metadata.tables["slack_installations"].c.user_id == user_id),
    ]
    return sum(session.scalar(query) or 0 for query in checks)


def expired_oauth_states(session: Session, now: datetime) -> int:
    """Delete the OAuth states past their expiry (every anonymous visit to the install
    page leaves one); run by every scheduler pass, so they never pile up."""
    states = Base.metadata.tables["slack_oauth_states"]
    naive_now = now.astimezone(UTC).replace(tzinfo=None)  # slack_sdk stores naive UTC
    return _rowcount(session.execute(delete(states).where(states.c.expire_at < naive_now)))
