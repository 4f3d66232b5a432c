"""The App Home tab: the person's open actions (with Done buttons) and next meetings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.blocks import chunks
from bot.deps import Deps
from bot.domain import owners
from bot.domain.names import Names, cached_names, quiet
from bot.domain.shown import meeting_view, view
from bot.parsing.normalize import escape
from bot.render import days_to, long_date, more_count, time_range
from bot.services import membership
from bot.slack_port import SlackPort
from storage import channels, lists, members

MAX_HOME_ACTIONS = 40  # a Home tab holds 100 blocks; two per action plus headings
# channels whose member list an opened Home tab reads from Slack after it is published
# (the worker reads the rest); the tab is published again when any were read
READ_AFTER_OPENING = 20


def unread_channels_of(deps: Deps, team_id: str, user_id: str, limit: int) -> list[str]:
    """Channels the Home tab may draw on (where the person has open actions or wrote) whose
    member list was never read, or not lately: the first `limit` by id."""
    with deps.unit() as unit:
        stale = members.stale_among(team_id, unit.now - membership.REFRESH_AFTER)
        mine = owners.person(team_id, user_id)
        interest = lists.channels_of_interest(team_id, user_id, mine.bound(), stale)
        return lists.first_ids(unit.session, interest, limit)


def home_view(
    deps: Deps, team_id: str, user_id: str, names_of: Callable[[str], Names] | None = None
) -> dict[str, Any]:
    """The person's open actions and next meetings, from channels they are a member of.
    People and groups are shown by name (`names_of`, else the cache), never pinged."""
    with deps.unit() as unit:
        session, language, today = unit.session, unit.language, unit.today
        strings = deps.renderer.strings[language]
        mine = owners.person(team_id, user_id)
        trusted = membership.trusted_since(unit.now)
        member = members.in_channels_of(team_id, user_id, trusted)
        ordered, total = lists.open_actions_anywhere(
            session, team_id, [mine, member], MAX_HOME_ACTIONS
        )
        shown = [(view(a), a.channel_id) for a in ordered]
        mentioning = "\n".join(r.text for r, _ in shown)
        names = cached_names(session, team_id, mentioning)
        # only as many meetings as the tab has room for (100 blocks) are read
        room = 100 - (3 + len(shown) + (0 if shown else 1) + (total > MAX_HOME_ACTIONS))
        member_of = members.channels_of_member(team_id, user_id, trusted)
        present = lists.channels_of_interest(team_id, user_id, mine.bound(), member_of)
        upcoming = lists.next_meetings(
            session, team_id, present, today, with_agenda=True, limit=max(room, 0)
        )
        rows = channels.channels_named(session, team_id, set(upcoming))
        meetings = []
        for channel in rows:
            found = upcoming.get(channel.channel_id)
            if found is None:
                continue
            prefs = deps.prefs_for(channel)
            m = meeting_view(found, prefs)
            separator = " " if language == "da" else ", "
            clock = time_range(m.start, m.end, language)
            when = long_date(m.date, language) + (separator + clock if clock else "")
            meetings.append(
                (channel.channel_id, when.strip(), m.place, days_to(m.date, today, language))
            )
    if names_of is not None:  # after the answer: names not cached yet are fetched
        names = names_of(mentioning)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": strings["home_actions"][:150]}}
    ]
    if not shown:
        blocks.append(_section(strings["home_no_actions"]))
    for record, channel_id in shown:
        text = deps.renderer.render(
            language, "home_action", r=record, channel=channel_id, today=today
        )
        block = _section(quiet(text, names))
        block["accessory"] = {
            "type": "button",
            "action_id": f"done_{record.id}",
            "value": str(record.id),
            "style": "primary",
            "text": {
                "type": "plain_text",
                "text": deps.renderer.string(language, "done_button", id=record.id)[:75],
            },
        }
        blocks.append(block)
    if total > MAX_HOME_ACTIONS:
        more = more_count(total - MAX_HOME_ACTIONS, language, lists.ANYWHERE_COUNT_BEYOND)
        blocks.append(_section(strings["home_more"].format(n=more)))
    blocks.append({"type": "divider"})
    blocks.append(
        {"type": "header", "text": {"type": "plain_text", "text": strings["home_meetings"][:150]}}
    )
    if not meetings:
        blocks.append(_section(strings["home_no_meetings"]))
    for channel_id, when, place, days in meetings:
        blocks.append(
            _section(
                f"<#{channel_id}>: {when}" + (f", {escape(place)}" if place else "") + f" ({days})"
            )
        )
    return {"type": "home", "blocks": blocks[:100]}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": chunks(text)[0]}}


def publish(deps: Deps, port: SlackPort, team_id: str, user_id: str) -> None:
    """The tab as the membership cache allows (never asking Slack who is in a channel);
    people are shown by name (fetched after the answer when not cached)."""
    port.publish_home(user_id, home_view(deps, team_id, user_id, port.names_of))


def publish_opened(deps: Deps, port: SlackPort, team_id: str, user_id: str) -> None:
    """A tab just opened: published from the cache first; then the member lists of a few
    of the person's channels that were never read (or not lately) are read, and the tab
    is published again if any were."""
    publish(deps, port, team_id, user_id)
    wanted = unread_channels_of(deps, team_id, user_id, READ_AFTER_OPENING)
    if membership.refresh(deps, port, team_id, wanted):
        publish(deps, port, team_id, user_id)


def refresh_for_action(
    deps: Deps, port: SlackPort, team_id: str, record_id: int, also: str | None = None
) -> None:
    """After an action changed: the Home tabs of whom it concerns (and of who changed it)."""
    with deps.unit() as unit:
        people = set(owners.people_to_tell(unit.session, team_id, record_id))
    for person in sorted(people | ({also} if also else set())):
        publish(deps, port, team_id, person)


class HomeRequest:
    """Someone opened the Home tab: it is built and published after Slack's answer."""

    def __init__(self, team_id: str, user_id: str) -> None:
        self.team_id, self.user_id = team_id, user_id

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        publish_opened(deps, port, self.team_id, self.user_id)
