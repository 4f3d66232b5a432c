"""The App Home tab: the person's open actions (with Done buttons) and next meetings."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from sqlalchemy import select

from bot.blocks import chunks
from bot.render import days_to, long_date, time_range
from bot.services import records as record_service
from bot.services.asking import belongs_to, names_of, sort_actions
from bot.services.deps import Deps, Scope, channel_prefs, prefs_for
from bot.services.meetings import view as meeting_view
from storage import queries
from storage.models import Action, ActionOwner, Channel, SourceMessage

MAX_HOME_ACTIONS = 40  # a Home tab holds 100 blocks; two per action plus headings


def home_view(deps: Deps, team_id: str, user_id: str) -> dict[str, Any]:
    language = deps.default_language
    strings = deps.renderer.strings[language]
    with deps.sessions() as session:
        names = names_of(session, team_id, user_id)
        candidates = session.scalars(
            select(Action)
            .join(ActionOwner)
            .where(Action.team_id == team_id, Action.status == "open")
            .distinct()
        ).all()
        mine = [a for a in candidates if belongs_to(a, user_id, names)]
        channels = {a.channel_id for a in mine} | set(
            session.scalars(
                select(SourceMessage.channel_id).where(
                    SourceMessage.team_id == team_id, SourceMessage.author_id == user_id
                )
            )
        )
        channel_rows = session.scalars(
            select(Channel).where(Channel.team_id == team_id, Channel.channel_id.in_(channels))
        ).all()
        meetings = []
        for channel in sorted(channel_rows, key=lambda c: c.channel_id):
            prefs = channel_prefs(session, Scope(team_id, channel.channel_id), deps)
            today = prefs.today(deps.now())
            upcoming = queries.next_meeting(session, team_id, channel.channel_id, today)
            if upcoming is not None:
                m = meeting_view(upcoming, prefs)
                separator = " " if language == "da" else ", "
                clock = time_range(m.start, m.end, language)
                when = long_date(m.date, language) + (separator + clock if clock else "")
                meetings.append(
                    (channel.channel_id, when.strip(), m.place, days_to(m.date, today, language))
                )
        today = prefs_for(None, deps).today(deps.now())
        ordered = sort_actions(mine, today)
        shown = [(record_service.view(a), a.channel_id) for a in ordered[:MAX_HOME_ACTIONS]]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": strings["home_actions"][:150]}}
    ]
    if not shown:
        blocks.append(_section(strings["home_no_actions"]))
    for record, channel_id in shown:
        text = deps.renderer.render(
            language, "home_action", r=record, channel=channel_id, today=today
        )
        block = _section(text)
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
    if len(ordered) > MAX_HOME_ACTIONS:
        blocks.append(_section(strings["home_more"].format(n=len(ordered) - MAX_HOME_ACTIONS)))
    blocks.append({"type": "divider"})
    blocks.append(
        {"type": "header", "text": {"type": "plain_text", "text": strings["home_meetings"][:150]}}
    )
    if not meetings:
        blocks.append(_section(strings["home_no_meetings"]))
    for channel_id, when, place, days in meetings:
        blocks.append(
            _section(f"<#{channel_id}>: {when}" + (f", {place}" if place else "") + f" ({days})")
        )
    return {"type": "home", "blocks": blocks[:100]}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": chunks(text)[0]}}


def publish_home(deps: Deps, client: WebClient, team_id: str, user_id: str) -> None:
    client.views_publish(user_id=user_id, view=home_view(deps, team_id, user_id))


def owners_to_refresh(deps: Deps, record_id: int) -> list[str]:
    """People whose Home tab shows this action: Slack users among its owners and aliases."""
    from storage.models import OwnerAlias

    with deps.sessions() as session:
        action = session.get(Action, record_id)
        if action is None:
            return []
        users = {o.user_id for o in action.owners if o.user_id}
        keys = [o.name.casefold() for o in action.owners]
        users |= set(
            session.scalars(
                select(OwnerAlias.user_id).where(
                    OwnerAlias.team_id == action.team_id, OwnerAlias.name_key.in_(keys)
                )
            )
        )
        return sorted(users)
