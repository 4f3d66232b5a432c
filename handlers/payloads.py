"""Pulling primitives out of Slack payloads, and the one way a listener's slow half runs.

The fast half of every listener puts one typed outcome under `OUTCOME` in Bolt's
context; the slow half (a lazy listener, after Slack has its answer) is
`follow_up(deps)`, which delivers it through the Slack port. No decisions here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot import directory
from bot.deps import Deps, Scope
from bot.services.recording import Incoming
from bot.slack_port import SlackPort

OUTCOME = "referat"


class FollowUp(Protocol):
    def deliver(self, deps: Deps, port: SlackPort) -> None: ...


def follow_up(deps: Deps) -> Callable[..., None]:
    def deliver(context: BoltContext, client: WebClient, respond: Any = None) -> None:
        outcome: FollowUp | None = context.get(OUTCOME)
        if outcome is not None:
            if context.bot_token and not client.token:
                client.token = context.bot_token
            outcome.deliver(deps, directory.port_for(deps, client, context.team_id, respond))

    return deliver


def team_of(body: dict[str, Any]) -> str:
    team = body.get("team_id") or (body.get("team") or {}).get("id")
    if not team:
        team = (body.get("user") or {}).get("team_id") or body.get("enterprise_id") or "T0"
    return str(team)


def channel_of(body: dict[str, Any]) -> str | None:
    if body.get("channel_id"):
        return str(body["channel_id"])
    channel = body.get("channel")
    if isinstance(channel, dict):
        return channel.get("id")
    container = body.get("container") or {}
    if container.get("channel_id"):
        return str(container["channel_id"])
    event = body.get("event") or {}
    return event.get("channel")


def scope_of(body: dict[str, Any]) -> Scope | None:
    channel = channel_of(body)
    return Scope(team_of(body), channel) if channel else None


def user_of(body: dict[str, Any]) -> str:
    user = body.get("user")
    if isinstance(user, dict):
        return str(user.get("id"))
    return str(body.get("user_id") or user)


def thread_of(body: dict[str, Any]) -> str | None:
    """The thread a button was pressed in (or the message it sits on)."""
    message = body.get("message") or {}
    container = body.get("container") or {}
    return message.get("thread_ts") or container.get("thread_ts") or container.get("message_ts")


def is_from_bot(message: dict[str, Any]) -> bool:
    return bool(message.get("bot_id") or message.get("subtype") == "bot_message")


def incoming(body: dict[str, Any], message: dict[str, Any], channel: str) -> Incoming:
    return Incoming(
        team_id=team_of(body),
        channel_id=channel,
        ts=str(message["ts"]),
        user_id=message.get("user"),
        text=str(message.get("text") or ""),
        thread_ts=message.get("thread_ts"),
    )
