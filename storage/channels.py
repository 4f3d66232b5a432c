"""Workspaces, channels and people: found, or made on first contact.

Making a row is an INSERT … ON CONFLICT DO NOTHING, so two requests that meet
a new channel at the same moment both succeed (no check-then-insert race).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage import prepared
from storage.models import Channel, Person, Workspace


def insert_ignoring_twins(session: Session, table: Any, values: dict[str, Any]) -> None:
    """INSERT that does nothing when a row with the same unique key exists already."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(table).values(**values).on_conflict_do_nothing())


def find(session: Session, team_id: str, channel_id: str) -> Channel | None:
    """The channel's row (every request reads it: a statement built once)."""
    query = prepared.statement("channels.find", _find)
    return session.scalar(query, {"team_id": team_id, "channel_id": channel_id})


@dataclass(frozen=True, slots=True)
class Settings:
    """What an answer needs of its channel: the language and time zone set (or None)."""

    language: str | None
    timezone: str | None


def settings(session: Session, team_id: str, channel_id: str) -> Settings | None:
    """The channel's settings as plain values, for answers that only read."""
    values = {"team_id": team_id, "channel_id": channel_id}
    row = prepared.run(session, "channels.settings", _settings, values).first()
    return Settings(row.language, row.timezone) if row is not None else None


def _settings() -> Any:
    return select(Channel.language, Channel.timezone).where(
        Channel.team_id == bindparam("team_id"), Channel.channel_id == bindparam("channel_id")
    )


def _find() -> Any:
    return select(Channel).where(
        Channel.team_id == bindparam("team_id"), Channel.channel_id == bindparam("channel_id")
    )


def ensure(session: Session, team_id: str, channel_id: str, now: datetime) -> Channel:
    """The channel's row (with its workspace), made the first time it is seen."""
    channel = find(session, team_id, channel_id)
    if channel is not None:
        return channel
    ensure_workspace(session, team_id, now)
    insert_ignoring_twins(
        session,
        Channel,
        {
            "team_id": team_id,
            "channel_id": channel_id,
            "digest_enabled": True,
            "digest_weekday": 0,
            "digest_time": "08:00",
            "created_at": now,
        },
    )
    made = find(session, team_id, channel_id)
    assert made is not None
    return made


def ensure_workspace(session: Session, team_id: str, now: datetime) -> None:
    insert_ignoring_twins(session, Workspace, {"team_id": team_id, "created_at": now})


def all_channels(session: Session) -> Sequence[Channel]:
    return session.scalars(select(Channel).order_by(Channel.id)).all()


def team_ids(session: Session) -> list[str]:
    return list(session.scalars(select(Workspace.team_id).order_by(Workspace.team_id)))


def installed_teams(session: Session) -> list[str]:
    """Workspaces the bot is in: installed by OAuth, or met through a bot token."""
    from storage.models import Base

    bots = Base.metadata.tables["slack_bots"]
    query = (
        select(Workspace.team_id)
        .union(select(bots.c.team_id).where(bots.c.team_id.is_not(None)))
        .order_by("team_id")
    )
    return [str(team) for team in session.scalars(query)]


def teams_of_channel(session: Session, channel_id: str) -> list[str]:
    return list(session.scalars(select(Channel.team_id).where(Channel.channel_id == channel_id)))


def channels_named(session: Session, team_id: str, channel_ids: set[str]) -> Sequence[Channel]:
    if not channel_ids:
        return []
    return session.scalars(
        select(Channel)
        .where(Channel.team_id == team_id, Channel.channel_id.in_(channel_ids))
        .order_by(Channel.channel_id)
    ).all()


def set_reminders(
    session: Session, team_id: str, user_id: str, enabled: bool, now: datetime
) -> None:
    """A person's reminders on or off; the person's row is made if needed."""
    ensure_workspace(session, team_id, now)
    insert_ignoring_twins(
        session, Person, {"team_id": team_id, "user_id": user_id, "reminders_enabled": enabled}
    )
    person = session.scalar(
        select(Person).where(Person.team_id == team_id, Person.user_id == user_id)
    )
    assert person is not None
    person.reminders_enabled = enabled


def muted_people(session: Session, team_id: str) -> set[str]:
    return set(
        session.scalars(
            select(Person.user_id).where(
                Person.team_id == team_id, Person.reminders_enabled.is_(False)
            )
        )
    )
