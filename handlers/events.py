"""Mentions, direct messages, App Home, and every other event the app is sent."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot import blocks
from bot.services import commands
from bot.services.deliveries import first_delivery
from bot.services.deps import Deps, Scope
from bot.services.home import publish_home
from handlers.payloads import is_from_bot, team_of


def register(app: App, deps: Deps) -> None:
    def answer(body: dict[str, Any], event: dict[str, Any], client: WebClient) -> None:
        scope = Scope(team_of(body), str(event["channel"]))
        reply = commands.ask(
            deps, commands.CommandInput(scope, str(event.get("user")), str(event.get("text") or ""))
        )
        client.chat_postMessage(
            channel=scope.channel_id,
            thread_ts=event.get("thread_ts") or event.get("ts"),
            **blocks.message(reply),
        )

    def claim(body: dict[str, Any], context: BoltContext) -> None:
        """Before the answer to Slack: note the event id, so a retry is not answered twice."""
        context["referat_duplicate_event"] = not first_delivery(
            deps, body.get("event_id"), team_of(body)
        )

    def noop(context: BoltContext) -> None:
        """Acknowledged, nothing to do; the work runs lazily after the answer."""

    def mention(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        if context.get("referat_duplicate_event"):
            return
        answer(body, event, client)

    app.event("app_mention")(ack=claim, lazy=[mention])

    def home(event: dict[str, Any], client: WebClient, body: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home"):
            return
        publish_home(deps, client, team_of(body), str(event["user"]))

    app.event("app_home_opened")(ack=noop, lazy=[home])


def register_direct_messages(app: App, deps: Deps) -> None:
    """Direct messages are questions; they come as `message` events with channel_type im."""

    def dm(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        if context.get("referat_duplicate_event") or is_from_bot(event) or event.get("subtype"):
            return
        scope = Scope(team_of(body), str(event["channel"]))
        reply = commands.ask(
            deps, commands.CommandInput(scope, str(event.get("user")), str(event.get("text") or ""))
        )
        client.chat_postMessage(channel=scope.channel_id, **blocks.message(reply))

    def im_only(event: dict[str, Any]) -> bool:
        return event.get("channel_type") == "im"

    def claim(body: dict[str, Any], context: BoltContext) -> None:
        context["referat_duplicate_event"] = not first_delivery(
            deps, body.get("event_id"), team_of(body)
        )

    app.event("message", matchers=[im_only])(ack=claim, lazy=[dm])


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
        "member_joined_channel",
        "member_left_channel",
        "app_rate_limited",
        "channel_rename",
    ):
        app.event(event_type)(ignore)
