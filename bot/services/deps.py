"""What every use case needs, passed in: sessions, the clock, defaults, the renderer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.render import Renderer
from storage.models import Channel, Workspace
from storage.session import SessionFactory


@dataclass(frozen=True)
class Scope:
    """A workspace and a channel: every query is limited to one."""

    team_id: str
    channel_id: str


@dataclass(frozen=True)
class Prefs:
    language: str
    tz: ZoneInfo

    def today(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()


@dataclass
class Deps:
    sessions: SessionFactory
    clock: Clock
    renderer: Renderer
    default_language: str = "da"
    default_timezone: str = "Europe/Copenhagen"

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)


def ensure_channel(session: Session, scope: Scope, deps: Deps) -> Channel:
    """The channel's row, made (with its workspace) the first time it is seen."""
    channel = session.scalar(
        select(Channel).where(
            Channel.team_id == scope.team_id, Channel.channel_id == scope.channel_id
        )
    )
    if channel is not None:
        return channel
    now = deps.now()
    if session.get(Workspace, scope.team_id) is None:
        session.add(Workspace(team_id=scope.team_id, created_at=now))
        session.flush()
    channel = Channel(
        team_id=scope.team_id,
        channel_id=scope.channel_id,
        digest_enabled=True,
        digest_weekday=0,
        digest_time="08:00",
        created_at=now,
    )
    session.add(channel)
    session.flush()
    return channel


def prefs_for(channel: Channel | None, deps: Deps) -> Prefs:
    language = (channel.language if channel else None) or deps.default_language
    timezone = (channel.timezone if channel else None) or deps.default_timezone
    return Prefs(language=language, tz=ZoneInfo(timezone))


def channel_prefs(session: Session, scope: Scope, deps: Deps) -> Prefs:
    channel = session.scalar(
        select(Channel).where(
            Channel.team_id == scope.team_id, Channel.channel_id == scope.channel_id
        )
    )
    return prefs_for(channel, deps)
