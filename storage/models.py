"""The tables. Every row belongs to a workspace (`team_id`) and, below it, a channel.

Decisions and actions share one table and one id sequence (single-table
inheritance), so `/referat retract 12` needs no kind and an id is never
ambiguous. Child rows (owners, agenda items, history) hang off a scoped parent.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.base import Base, UTCDateTime

ID = 32  # Slack ids (team, channel, user) and message ts fit in this


class Workspace(Base):
    __tablename__ = "workspaces"
    team_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Channel(Base):
    __tablename__ = "channels"
    __table_args__ = (UniqueConstraint("team_id", "channel_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id", ondelete="CASCADE"))
    channel_id: Mapped[str] = mapped_column(String(ID))
    name: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    digest_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    digest_weekday: Mapped[int] = mapped_column(Integer, default=0)  # Monday
    digest_time: Mapped[str] = mapped_column(String(5), default="08:00")
    # the secret in the channel's calendar feed URL; a new one revokes the old URL
    calendar_secret: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # when the channel's members were last read from Slack (channel_members holds them)
    members_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ChannelMember(Base):
    """A person in a channel, as Slack said (a cache): who may see the channel's records
    outside it (App Home, reminders)."""

    __tablename__ = "channel_members"
    __table_args__ = (Index("ix_channel_members_person", "team_id", "user_id"),)
    team_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(ID), primary_key=True)


class Person(Base):
    """Per-person settings (reminders on or off) and the Slack display name, cached."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("workspaces.team_id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(ID))
    reminders_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    display_name: Mapped[str | None] = mapped_column(String(200))
    name_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class UserGroup(Base):
    """A Slack user group (`@styregruppen`): its handle and members, cached."""

    __tablename__ = "user_groups"
    __table_args__ = (UniqueConstraint("team_id", "group_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    group_id: Mapped[str] = mapped_column(String(ID))
    handle: Mapped[str | None] = mapped_column(String(200))
    members: Mapped[list[str] | None] = mapped_column(JSON)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    members_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SourceMessage(Base):
    """A Slack message the bot recorded from; its ts is the deduplication key."""

    __tablename__ = "source_messages"
    __table_args__ = (
        UniqueConstraint("team_id", "channel_id", "ts"),
        Index("ix_source_messages_author", "team_id", "author_id", "channel_id"),
        # confirmations claimed but not posted (a crash, a database blip): found and retried
        Index("ix_source_messages_pending_reply", "reply_ts", "reply_claimed_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    ts: Mapped[str] = mapped_column(String(ID))
    thread_ts: Mapped[str | None] = mapped_column(String(ID))
    author_id: Mapped[str | None] = mapped_column(String(ID))
    text: Mapped[str] = mapped_column(Text)
    permalink: Mapped[str | None] = mapped_column(String(500))
    reply_ts: Mapped[str | None] = mapped_column(String(ID))
    reply_text: Mapped[str | None] = mapped_column(Text)
    # when a delivery claimed the first reply (reply_ts "pending"); an old claim is retried
    reply_claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Slack's timestamp of the version stored (the message's ts, or its edited.ts): an
    # older version arriving late changes nothing
    version: Mapped[str | None] = mapped_column(String(ID))
    warnings: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_scope_date", "team_id", "channel_id", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    body: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    place: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | retracted
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_messages.id", ondelete="SET NULL"), index=True
    )
    created_by: Mapped[str | None] = mapped_column(String(ID))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # iCalendar: SEQUENCE raised and DTSTAMP (changed_at) set on every change that shows
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )


class AgendaItem(Base):
    """An item on a meeting's agenda; without a meeting it waits for the next one set."""

    __tablename__ = "agenda_items"
    __table_args__ = (Index("ix_agenda_items_scope", "team_id", "channel_id", "meeting_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_messages.id", ondelete="SET NULL"), index=True
    )
    meeting: Mapped[Meeting | None] = relationship(back_populates="agenda")


class Record(Base):
    """A decision or an action item; `kind` tells which."""

    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_scope", "team_id", "channel_id", "kind", "status"),
        Index("ix_records_source", "source_id"),
        # lists: open actions by deadline, decisions newest first (ORDER BY … LIMIT from these)
        Index("ix_records_decided", "team_id", "channel_id", "kind", "status", "decided_on", "id"),
        Index("ix_records_meeting_id", "meeting_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    item: Mapped[str | None] = mapped_column(String(16))
    item_title: Mapped[str | None] = mapped_column(Text)  # the agenda item's title, if known
    # the day it was decided: the meeting's date for minutes, the day written for messages;
    # None for minutes that do not say when the meeting was held
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    meeting: Mapped[Meeting | None] = relationship()
    # decision: active | retracted; action: open | done | retracted
    status: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source_messages.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    author_id: Mapped[str | None] = mapped_column(String(ID))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    source: Mapped[SourceMessage | None] = relationship()
    history: Mapped[list[RecordChange]] = relationship(
        back_populates="record", order_by="RecordChange.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_abstract": True}


class Decision(Record):
    __mapper_args__ = {"polymorphic_identity": "decision"}


class Action(Record):
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_next_meeting: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    done_by: Mapped[str | None] = mapped_column(String(ID), nullable=True)
    owners: Mapped[list[ActionOwner]] = relationship(
        back_populates="action", order_by="ActionOwner.position", cascade="all, delete-orphan"
    )
    __mapper_args__ = {"polymorphic_identity": "action"}


# open actions by deadline (`due` is Action's column, so the index is declared after it)
Index(
    "ix_records_due",
    Record.team_id,
    Record.channel_id,
    Record.kind,
    Record.status,
    Action.due,
    Record.id,
)
# … and across a workspace's channels (App Home)
Index("ix_records_team_due", Record.team_id, Record.kind, Record.status, Action.due, Record.id)


def _name_key(context: Any) -> str:
    """An owner's name as matched: casefolded (SQLite's lower() knows only ASCII)."""
    return str(context.get_current_parameters()["name"]).casefold()


class ActionOwner(Base):
    """One owner of an action: a name, with a Slack user or user-group id when known."""

    __tablename__ = "action_owners"
    # an action's owners, and "is this action the person's?" from the index alone (App
    # Home, `åbne mig`)
    __table_args__ = (Index("ix_action_owners_owner", "record_id", "user_id", "name_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True, default=_name_key)
    user_id: Mapped[str | None] = mapped_column(String(ID), index=True)
    group_id: Mapped[str | None] = mapped_column(String(ID))
    position: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[Action] = relationship(back_populates="owners")


class OwnerAlias(Base):
    """`/referat owner Lolland = @anne`: Lolland's items count as Anne's."""

    __tablename__ = "owner_aliases"
    __table_args__ = (
        UniqueConstraint("team_id", "name_key"),
        Index("ix_owner_aliases_person", "team_id", "user_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[str] = mapped_column(String(ID))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RecordChange(Base):
    """History: every change to a decision or action, never deleted."""

    __tablename__ = "record_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    change: Mapped[str] = mapped_column(String(16))  # created|edited|done|reopened|retracted
    actor_id: Mapped[str | None] = mapped_column(String(ID))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    record: Mapped[Record] = relationship(back_populates="history")


class CalendarEntry(Base):
    """A date from a meeting calendar ("Mødekalender"): one body, one day."""

    __tablename__ = "calendar_entries"
    __table_args__ = (UniqueConstraint("team_id", "channel_id", "body", "date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    body: Mapped[str] = mapped_column(String(200))
    date: Mapped[date] = mapped_column(Date)


class ProcessedEvent(Base):
    """Delivery log of Slack event ids (records themselves dedupe on channel + ts)."""

    __tablename__ = "processed_events"
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str | None] = mapped_column(String(ID))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ScheduledRun(Base):
    """A digest, reminder or meeting notice claimed for one target and period.

    The unique key is what makes posting exactly-once across processes.
    """

    __tablename__ = "scheduled_runs"
    __table_args__ = (UniqueConstraint("team_id", "channel_id", "kind", "target", "period"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    kind: Mapped[str] = mapped_column(String(16))  # digest | reminder | notice
    target: Mapped[str] = mapped_column(String(ID))  # channel or user id
    period: Mapped[str] = mapped_column(String(32))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    message_ts: Mapped[str | None] = mapped_column(String(ID))
    status: Mapped[str] = mapped_column(String(16), default="claimed")  # claimed|posted|skipped


def add_oauth_tables() -> None:
    """Slack's OAuth stores, on our metadata so Alembic manages them too."""
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    metadata = Base.metadata
    if "slack_installations" not in metadata.tables:
        SQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
        SQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
        SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")


class PendingImport(Base):
    """Minutes read in Slack and shown as a preview; stored only on Confirm."""

    __tablename__ = "pending_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(ID))
    channel_id: Mapped[str] = mapped_column(String(ID))
    user_id: Mapped[str] = mapped_column(String(ID))
    filename: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|stored|cancelled
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the meeting's date as the person gave it on the preview (minutes that do not say)
    meeting_date: Mapped[date | None] = mapped_column(Date, nullable=True)


add_oauth_tables()


class Heartbeat(Base):
    """A running scheduler (`referat worker` or `referat socket`): when it last finished a pass."""

    __tablename__ = "heartbeats"
    process: Mapped[str] = mapped_column(String(200), primary_key=True)  # mode@host:pid
    mode: Mapped[str] = mapped_column(String(16))  # worker | socket
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime())
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_pass: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # counts of the last pass
