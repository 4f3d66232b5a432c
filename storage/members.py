"""Who is in a channel (a cache of what Slack says): the gate for showing a channel's
records outside it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, delete, insert, select, update
from sqlalchemy.orm import Session

from storage.channels import insert_ignoring_twins
from storage.models import Action, Channel, ChannelMember


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


def in_channels_of(team_id: str, user_id: str) -> ColumnElement[bool]:
    """Actions of channels the person is a member of."""
    return Action.channel_id.in_(
        select(ChannelMember.channel_id).where(
            ChannelMember.team_id == team_id, ChannelMember.user_id == user_id
        )
    )


def member_channels(session: Session, team_id: str, user_id: str) -> set[str]:
    return set(
        session.scalars(
            select(ChannelMember.channel_id).where(
                ChannelMember.team_id == team_id, ChannelMember.user_id == user_id
            )
        )
    )


def members_of(session: Session, team_id: str, channel_ids: set[str]) -> set[tuple[str, str]]:
    """(channel, person) pairs for these channels."""
    if not channel_ids:
        return set()
    rows = session.execute(
        select(ChannelMember.channel_id, ChannelMember.user_id).where(
            ChannelMember.team_id == team_id, ChannelMember.channel_id.in_(channel_ids)
        )
    )
    return {(c, u) for c, u in rows}
