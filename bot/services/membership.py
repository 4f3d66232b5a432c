"""Who may see a channel's records outside it (App Home, reminders): its members, as Slack
says, cached for an hour and kept current by member_joined_channel / member_left_channel."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from bot.deps import Deps
from bot.slack_port import SlackPort
from storage import members

MAX_AGE = timedelta(hours=1)


def refresh(deps: Deps, port: SlackPort, team_id: str, channel_ids: Iterable[str]) -> None:
    """Read from Slack the members of the channels whose list is missing or old."""
    with deps.unit() as unit:
        stale = members.stale_channels(unit.session, team_id, channel_ids, unit.now - MAX_AGE)
    if not stale:
        return
    found = {channel: port.channel_members(channel) for channel in stale}
    with deps.unit() as unit:
        for channel, users in found.items():
            members.replace_members(unit.session, team_id, channel, users, unit.now)


class MemberChange:
    """member_joined_channel / member_left_channel, noted after Slack's answer."""

    def __init__(self, team_id: str, channel_id: str, user_id: str, joined: bool) -> None:
        self.team_id, self.channel_id, self.user_id = team_id, channel_id, user_id
        self.joined = joined

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        with deps.unit() as unit:
            change = members.joined if self.joined else members.left
            change(unit.session, self.team_id, self.channel_id, self.user_id)
