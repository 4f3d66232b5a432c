"""Who may see a channel's records outside it (App Home, reminders): its members, as Slack
says, cached.

Requests read the cache only (never Slack): a channel whose list was not read within
`TRUSTED_FOR` counts as having no members, so nothing of it is shown (fail closed). The
worker reads the lists that are missing or older than `REFRESH_AFTER` (a bounded number
each pass); member_joined_channel / member_left_channel keep them current in between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.deps import Deps
from bot.slack_port import SlackPort
from storage import members

log = logging.getLogger("referat.membership")

REFRESH_AFTER = timedelta(hours=1)  # the worker reads a channel's members again after this
TRUSTED_FOR = timedelta(hours=6)  # older than this, the cache shows nothing of the channel
PER_PASS = 50  # channels read a worker pass (conversations.members is Tier 4: 100+/minute)


def trusted_since(now: datetime) -> datetime:
    return now - TRUSTED_FOR


def refresh(deps: Deps, port: SlackPort, team_id: str, channel_ids: Iterable[str]) -> list[str]:
    """Read from Slack the members of the channels whose list is missing or old; the
    channels read."""
    with deps.unit() as unit:
        stale = members.stale_channels(unit.session, team_id, channel_ids, unit.now - REFRESH_AFTER)
    if not stale:
        return []
    found = {channel: port.channel_members(channel) for channel in stale}
    with deps.unit() as unit:
        for channel, users in found.items():
            members.replace_members(unit.session, team_id, channel, users, unit.now)
    return stale


def refresh_stale(
    deps: Deps, client_for: Callable[[str], WebClient | None], limit: int = PER_PASS
) -> int:
    """The worker's part: the lists never read or oldest, in every workspace; how many."""
    with deps.unit() as unit:
        due = members.stale_everywhere(unit.session, unit.now - REFRESH_AFTER, limit)
    by_team: dict[str, list[str]] = {}
    for team_id, channel_id in due:
        by_team.setdefault(team_id, []).append(channel_id)
    done = 0
    for team_id, channel_ids in by_team.items():
        client = client_for(team_id)
        if client is None:
            continue
        done += len(refresh(deps, SlackPort(client), team_id, channel_ids))
    return done


class MemberChange:
    """member_joined_channel / member_left_channel, noted after Slack's answer."""

    def __init__(self, team_id: str, channel_id: str, user_id: str, joined: bool) -> None:
        self.team_id, self.channel_id, self.user_id = team_id, channel_id, user_id
        self.joined = joined

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        with deps.unit() as unit:
            change = members.joined if self.joined else members.left
            change(unit.session, self.team_id, self.channel_id, self.user_id)
