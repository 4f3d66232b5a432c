"""Who is in a channel (a cache of what Slack says): the gate for showing a channel's
records outside it.

Requests only read the cache, and only a channel whose list was read from Slack since
`trusted_since`: a channel never read, or not read for too long, shows nothing outside
it (fail closed). The worker reads the lists again; membership events keep them current
in between."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from storage.channels import insert_ignoring_twins
from storage.models import Action, Channel, ChannelMember
from storage.prepared import Where


def stale_everywhere(
    session: Session, fetched_before: datetime, limit: int
) -> list[tuple[str, str]]:
    """(team, channel) of channels whose members were never read or not since a moment,
    never read first, then the oldest (the worker's next ones to read)."""
    return [
        (team, channel)
        for team, channel in session.execute(
            select(Channel.team_id, Channel.channel_id)
            .where(
                (Channel.members_fetched_at.is_(None))
                | (Channel.members_fetched_at < fetched_before)
            )
            .order_by(Channel.members_fetched_at.asc().nulls_first(), Channel.id)
            .limit(limit)
        )
    ]


def stale_among(team_id: str, fetched_before: datetime) -> Any:
    """A query of the workspace's channels whose members were never read or not since."""
    return select(Channel.channel_id).where(
        Channel.team_id == team_id,
        Channel.members_fetched_at.is_(None) | (Channel.members_fetched_at < fetched_before),
    )


def stale_channels(
    session: Session, team_id: str, channel_ids: Iterable[str], fetched_before: datetime
) -> list[str]:
    """Of these channels, those whose members were never read or not since a moment."""
    wanted = set(channel_ids)
    if not wanted:
        return []
    return list(
        session.scalars(
            select(Channel.channel_id)
            .where(
                Channel.team_id == team_id,
                Channel.channel_id.in_(wanted),
                (Channel.members_fetched_at.is_(None))
                | (Channel.members_fetched_at < fetched_before),
            )
            .order_by(Channel.channel_id)
        )
    )


def replace_members(
    session: Session, team_id: str, channel_id: str, users: Iterable[str], now: datetime
) -> None:
    session.execute(
        delete(ChannelMember).where(
            ChannelMember.team_id == team_id, ChannelMember.channel_id == channel_id
        )
    )
    rows = [{"team_id": team_id, "channel_id": channel_id, "user_id": u} for u in set(users)]
    if rows:
        session.execute(insert(ChannelMember), rows)
    session.execute(
        update(Channel)
        .where(Channel.team_id == team_id, Channel.channel_id == channel_id)
        .values(members_fetched_at=now)
    )


def joined(session: Session, team_id: str, channel_id: str, user_id: str) -> None:
    insert_ignoring_twins(
        session, ChannelMember, {"team_id": team_id, "channel_id": channel_id, "user_id": user_id}
    )


def left(session: Session, team_id: str, channel_id: str, user_id: str) -> None:
    session.execute(
        delete(ChannelMember).where(
            ChannelMember.team_id == team_id,
            ChannelMember.channel_id == channel_id,
            ChannelMember.user_id == user_id,
        )
    )


def _trusted(query: Any, team_id: Any, trusted_since: Any) -> Any:
    """Rows of channels whose member list is recent enough to be trusted."""
    return query.join(
        Channel,
        (Channel.team_id == ChannelMember.team_id)
        & (Channel.channel_id == ChannelMember.channel_id),
    ).where(ChannelMember.team_id == team_id, Channel.members_fetched_at >= trusted_since)


def channels_of_member(team_id: str, user_id: str, trusted_since: datetime) -> Any:
    """A query of the channels the person is a member of (as last read, recently enough)."""
    mine = select(ChannelMember.channel_id).where(ChannelMember.user_id == user_id)
    return _trusted(mine, team_id, trusted_since)


def in_channels_of(team_id: str, user_id: str, trusted_since: datetime) -> Where:
    """Actions of channels the person is a member of (as last read, recently enough)."""
    values = {"member_team": team_id, "member_user": user_id, "member_trusted": trusted_since}
    return Where("in_channels_of", _in_channels_of, values)


def _in_channels_of() -> ColumnElement[bool]:
    mine = select(ChannelMember.channel_id).where(ChannelMember.user_id == bindparam("member_user"))
    since = bindparam("member_trusted", type_=Channel.members_fetched_at.type)
    return Action.channel_id.in_(_trusted(mine, bindparam("member_team"), since))


def member_channels(
    session: Session, team_id: str, user_id: str, trusted_since: datetime
) -> set[str]:
    mine = select(ChannelMember.channel_id).where(ChannelMember.user_id == user_id)
    return set(session.scalars(_trusted(mine, team_id, trusted_since)))


def members_of(
    session: Session, team_id: str, channel_ids: set[str], trusted_since: datetime
) -> set[tuple[str, str]]:
    """(channel, person) pairs for these channels (those whose list is trusted)."""
    if not channel_ids:
        return set()
    pairs = select(ChannelMember.channel_id, ChannelMember.user_id).where(
        ChannelMember.channel_id.in_(channel_ids)
    )
    return {(c, u) for c, u in session.execute(_trusted(pairs, team_id, trusted_since))}
