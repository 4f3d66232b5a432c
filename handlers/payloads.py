"""Pulling primitives out of Slack payloads, and the one way a listener's slow half runs.

The fast half of every listener puts one typed outcome under `OUTCOME` in Bolt's
context; the slow half (after Slack has its answer, on the app's executor) is
`then_follow_up(app, deps, listener)`, which delivers it through the Slack port. No
decisions here.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any, Protocol

from slack_bolt import App, Args, BoltContext
from slack_sdk import WebClient

from bot.deps import Deps, Scope
from bot.services.recording import Incoming
from bot.slack_port import SlackPort

OUTCOME = "referat"
log = logging.getLogger("referat.handlers")


class FollowUp(Protocol):
    def deliver(self, deps: Deps, port: SlackPort) -> None: ...


def then_follow_up(app: App, deps: Deps, listener: Callable[..., None]) -> Callable[..., None]:
    """A listener (the fast half, before Slack's answer), then the slow half: the outcome it
    left under `OUTCOME` is delivered on the app's executor once the listener returns, as
    Bolt's lazy listeners are, but handed over as it is (Bolt copies the whole request for
    a lazy listener and parses its body again)."""
    names = list(inspect.signature(listener).parameters)
    executor = app.listener_runner.listener_executor

    def fast_then_slow(args: Args) -> None:
        listener(**{name: getattr(args, name) for name in names})
        outcome: FollowUp | None = args.context.get(OUTCOME)
        if outcome is not None:
            executor.submit(_deliver, deps, outcome, args.context, args.client, args.respond)

    return fast_then_slow


def _deliver(
    deps: Deps, outcome: FollowUp, context: BoltContext, client: WebClient, respond: Any
) -> None:
    try:
        if context.bot_token and not client.token:
            client.token = context.bot_token
        outcome.deliver(deps, SlackPort(client, respond))
    except Exception:  # logged as Bolt logs a failed lazy listener; Slack has its answer
        log.exception("the follow-up of %s failed", type(outcome).__name__)


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
