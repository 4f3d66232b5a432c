"""Pulling primitives out of Slack payloads, and the one way a listener's slow half runs.

The fast half of every listener puts one typed outcome under `OUTCOME` in Bolt's
context; the slow half (after Slack has its answer, on the app's executor) is
`then_follow_up(app, deps, listener)`, which delivers it through the Slack port. No
decisions here.
"""

from __future__ import annotations

import inspect
import json
import logging
import re
from collections.abc import Callable
from typing import Any, Protocol

from slack_bolt import App, Args, BoltContext
from slack_sdk import WebClient

from bot import directory, follow_ups
from bot.deps import Deps, Scope
from bot.services.recording import Incoming
from bot.slack_port import SlackPort

OUTCOME = "referat"
log = logging.getLogger("referat.handlers")


class FollowUp(Protocol):
    def deliver(self, deps: Deps, port: SlackPort) -> None: ...


def then_follow_up(app: App, deps: Deps, listener: Callable[..., None]) -> Callable[..., None]:
    """A listener (the fast half, before Slack's answer), then the slow half: the outcome it
    left under `OUTCOME` is delivered after the answer (`bot/follow_ups.py`: on the same
    thread under gunicorn, else on the app's executor), handed over as it is (Bolt copies
    the whole request for a lazy listener and parses its body again)."""
    names = list(inspect.signature(listener).parameters)
    executor = app.listener_runner.listener_executor

    def fast_then_slow(args: Args) -> None:
        listener(**{name: getattr(args, name) for name in names})
        outcome: FollowUp | None = args.context.get(OUTCOME)
        if outcome is not None:
            follow_ups.hand_over(
                executor, _deliver, deps, outcome, args.context, args.client, args.respond
            )

    return fast_then_slow


def _deliver(
    deps: Deps, outcome: FollowUp, context: BoltContext, client: WebClient, respond: Any
) -> None:
    try:
        if context.bot_token and not client.token:
            client.token = context.bot_token
        outcome.deliver(deps, directory.port_for(deps, client, context.team_id, respond))
    except Exception:  # logged as Bolt logs a failed lazy listener; Slack has its answer
        log.exception("the follow-up of %s failed", type(outcome).__name__)


class BadPayload(ValueError):
    """A payload without what a listener needs, or with it of the wrong type. Slack never
    sends one; it is answered (or, for an event, ignored) with a logged reason, never
    retried, and nothing is written."""


SLACK_TS = re.compile(r"\d{1,12}(\.\d{1,9})?")
SLACK_ID = re.compile(r"[A-Za-z0-9._-]{1,32}")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def slack_id(value: Any) -> str | None:
    """A Slack id (team, channel, user, event) as text, or None when it is not one."""
    return value if isinstance(value, str) and SLACK_ID.fullmatch(value) else None


def slack_ts(value: Any) -> str | None:
    """A message timestamp ("1700000000.000100"), or None when it is not one."""
    return value if isinstance(value, str) and SLACK_TS.fullmatch(value) else None


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def team_of(body: dict[str, Any]) -> str:
    team = slack_id(body.get("team_id")) or slack_id(_dict(body.get("team")).get("id"))
    if not team:
        team = slack_id(_dict(body.get("user")).get("team_id")) or slack_id(
            body.get("enterprise_id")
        )
    return team or "T0"


def channel_of(body: dict[str, Any]) -> str | None:
    return (
        slack_id(body.get("channel_id"))
        or slack_id(_dict(body.get("channel")).get("id"))
        or slack_id(_dict(body.get("container")).get("channel_id"))
        or slack_id(_dict(body.get("event")).get("channel"))
    )


def scope_of(body: dict[str, Any]) -> Scope | None:
    channel = channel_of(body)
    return Scope(team_of(body), channel) if channel else None


def scope_needed(body: dict[str, Any]) -> Scope:
    scope = scope_of(body)
    if scope is None:
        raise BadPayload("no channel")
    return scope


def user_of(body: dict[str, Any]) -> str:
    user = slack_id(_dict(body.get("user")).get("id")) or slack_id(body.get("user_id"))
    user = user or slack_id(body.get("user"))
    if user is None:
        raise BadPayload("no user")
    return user


def event_id_of(body: dict[str, Any]) -> str | None:
    return slack_id(body.get("event_id"))


def thread_of(body: dict[str, Any]) -> str | None:
    """The thread a button was pressed in (or the message it sits on)."""
    message, container = _dict(body.get("message")), _dict(body.get("container"))
    return (
        slack_ts(message.get("thread_ts"))
        or slack_ts(container.get("thread_ts"))
        or slack_ts(container.get("message_ts"))
    )


def metadata_of(view: Any) -> tuple[Scope, dict[str, Any]]:
    """The channel a dialog was opened for, and the rest of what the bot put in it."""
    raw = view.get("private_metadata") if isinstance(view, dict) else None
    try:
        meta = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        meta = None
    team = slack_id(meta.get("team")) if isinstance(meta, dict) else None
    channel = slack_id(meta.get("channel")) if isinstance(meta, dict) else None
    if not isinstance(meta, dict) or team is None or channel is None:
        raise BadPayload("a dialog without the channel it was opened for")
    return Scope(team, channel), meta


def number_of(value: Any) -> int:
    """A record's number as a button carries it ("12")."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > 18:
        raise BadPayload("not a number")
    return int(value)


def is_from_bot(message: dict[str, Any]) -> bool:
    return bool(message.get("bot_id") or message.get("subtype") == "bot_message")


def incoming(body: dict[str, Any], message: dict[str, Any], channel: str) -> Incoming:
    ts = slack_ts(message.get("ts"))
    if ts is None:
        raise BadPayload("a message without a valid ts")
    return Incoming(
        team_id=team_of(body),
        channel_id=channel,
        ts=ts,
        user_id=slack_id(message.get("user")),
        text=text_of(message.get("text")),
        thread_ts=slack_ts(message.get("thread_ts")),
    )
