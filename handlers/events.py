"""Mentions, direct messages, App Home, and every other event the app is sent."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps, Scope
from bot.services import commands, home, membership
from bot.services.answers import CommandInput
from handlers.payloads import (
    OUTCOME,
    BadPayload,
    event_id_of,
    is_from_bot,
    slack_id,
    slack_ts,
    team_of,
    text_of,
    then_follow_up,
)


def register(app: App, deps: Deps) -> None:
    def mention(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        context[OUTCOME] = commands.question(
            deps,
            _question(body, event),
            event_id_of(body),
            slack_ts(event.get("thread_ts")) or slack_ts(event.get("ts")),
        )

    app.event("app_mention")(then_follow_up(app, deps, mention))

    def home_opened(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        if event.get("tab") in (None, "home"):
            user = slack_id(event.get("user"))
            if user is None:
                raise BadPayload("App Home opened by no user")
            context[OUTCOME] = home.HomeRequest(team_of(body), user)

    app.event("app_home_opened")(then_follow_up(app, deps, home_opened))

    def membership_changed(
        body: dict[str, Any], event: dict[str, Any], context: BoltContext
    ) -> None:
        channel, user = slack_id(event.get("channel")), slack_id(event.get("user"))
        if channel and user:
            context[OUTCOME] = membership.MemberChange(
                team_of(body),
                channel,
                user,
                joined=event.get("type") == "member_joined_channel",
            )

    for change in ("member_joined_channel", "member_left_channel"):
        app.event(change)(then_follow_up(app, deps, membership_changed))


def direct_message(
    deps: Deps, body: dict[str, Any], event: dict[str, Any], context: BoltContext
) -> None:
    """A direct message is a question (a `message` event with channel_type im; the
    message listener in handlers/messages.py hands it here)."""
    if is_from_bot(event) or event.get("subtype"):
        return
    context[OUTCOME] = commands.question(deps, _question(body, event), event_id_of(body), None)


def _question(body: dict[str, Any], event: dict[str, Any]) -> CommandInput:
    channel, user = slack_id(event.get("channel")), slack_id(event.get("user"))
    if channel is None or user is None:
        raise BadPayload("a question without a channel or a person")
    return CommandInput(Scope(team_of(body), channel), user, text_of(event.get("text")))


def register_catch_all(app: App, *, revocation_handled: bool) -> None:
    """Every other event type is answered 200 so Slack does not retry it.

    With OAuth, Bolt's token revocation listeners already take app_uninstalled and
    tokens_revoked; everything else is acknowledged here in both modes.
    """

    def ignore(context: BoltContext) -> None:
        """Nothing to do."""

    revocation = () if revocation_handled else ("app_uninstalled", "tokens_revoked")
    for event_type in (
        *revocation,
        "app_rate_limited",
        "channel_rename",
    ):
        app.event(event_type)(ignore)
