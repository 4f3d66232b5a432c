"""Plumbing every use case shares: its collaborators (Deps), where it acts (Scope),
the channel's settings (Prefs), and one unit of work per request (Unit).

A service opens exactly one `deps.unit(scope)` per request: one session, one
transaction, the channel's settings read once. Handlers never open sessions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.domain.names import RecentNames
from bot.render import Renderer
from bot.replies import Reply
from bot.slack_port import LinkBases
from storage import channels
from storage.models import Channel
from storage.session import SessionFactory, reading, transaction


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
    public_url: str = "http://localhost:3000"  # where `referat serve` is reached (feeds)
    recent_names: RecentNames = field(default_factory=RecentNames)
    message_links: LinkBases = field(default_factory=LinkBases)

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def prefs_for(self, channel: Channel | channels.Settings | None) -> Prefs:
        language = (channel.language if channel else None) or self.default_language
        timezone = (channel.timezone if channel else None) or self.default_timezone
        return Prefs(language=language, tz=ZoneInfo(timezone))

    @property
    def default_prefs(self) -> Prefs:
        return self.prefs_for(None)

    def language_of(self, scope: Scope | None) -> str:
        """The channel's language, for an answer outside any use case (errors)."""
        if scope is None:
            return self.default_language
        with self.unit(scope) as unit:
            return unit.language

    @contextmanager
    def unit(
        self,
        scope: Scope | None = None,
        *,
        create: bool = False,
        read_only: bool = False,
        one_statement: bool = False,
    ) -> Iterator[Unit]:
        """One session and transaction; the channel's row and settings read once.

        `create=True` makes the workspace and channel rows first (idempotent,
        safe against a concurrent twin), for use cases that write. `read_only=True`, for
        answers that change nothing, opens no transaction on the server (one round trip
        less at each end on PostgreSQL). Every unit reads the channel's settings as plain
        values, and its tracked row only if `unit.channel` is asked for.
        `one_statement=True` does the same as `read_only` for a unit that writes with one
        statement, atomic on its own (a thread reply's ts noted after posting).
        """
        plain = read_only or one_statement
        with (reading if plain else transaction)(self.sessions) as session:
            channel, exists = None, False
            if scope is not None and create:
                channel = channels.ensure(session, scope.team_id, scope.channel_id, self.now())
                prefs, exists = self.prefs_for(channel), True
            elif scope is not None:
                # the settings as plain values (one small statement); the channel's tracked
                # row is loaded only if the use case asks for it (`Unit.channel`)
                found = channels.settings(session, scope.team_id, scope.channel_id)
                prefs, exists = self.prefs_for(found), found is not None
            else:
                prefs = self.prefs_for(None)
            now = self.now()
            yield Unit(session, scope, channel, prefs, now, prefs.today(now), self, exists)


@dataclass
class Unit:
    """What one request works with: its session, channel and settings, and the time."""

    session: Session
    scope: Scope | None
    row: Channel | None  # the channel's tracked row, once loaded
    prefs: Prefs
    now: datetime
    today: date
    deps: Deps
    exists: bool = False  # whether the channel has a row (its settings were read)

    @property
    def channel(self) -> Channel | None:
        """The channel's row (None if it has none yet), loaded the first time it is asked
        for: most requests need only its settings, read already."""
        if self.row is None and self.exists and self.scope is not None:
            self.row = channels.find(self.session, self.scope.team_id, self.scope.channel_id)
        return self.row

    @property
    def where(self) -> Scope:
        assert self.scope is not None, "this use case needs a channel"
        return self.scope

    @property
    def language(self) -> str:
        return self.prefs.language

    def reply(self, template: str, *, ok: bool = True, **context: object) -> Reply:
        """An answer rendered from a template in the channel's language."""
        text = self.deps.renderer.render(self.language, template, **context)
        return Reply(text=text, ok=ok, cut_note=self.string("cut_note"))

    def string(self, key: str, **values: object) -> str:
        return self.deps.renderer.string(self.language, key, **values)

    def ensure_channel(self) -> Channel:
        """The channel's row, made the first time something is stored in it."""
        if self.channel is None:
            scope = self.where
            self.row = channels.ensure(self.session, scope.team_id, scope.channel_id, self.now)
            self.exists = True
        assert self.row is not None
        return self.row

    def ensure_channel_row(self) -> None:
        """That the channel has its row, before something is stored in it: nothing to do
        when its settings were read from that row."""
        if not self.exists:
            self.ensure_channel()
