"""Pulling primitives out of Slack payloads; no decisions are made here."""

from __future__ import annotations

from typing import Any

from bot.services.deps import Scope
from bot.services.recording import Incoming


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
