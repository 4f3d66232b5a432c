"""What every `/referat` subcommand shares: its input, its signature, the share button."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.deps import Scope, Unit
from bot.replies import Button, Reply

MAX_LINES = 30  # list answers stop here and say how many more there are


@dataclass(frozen=True)
class CommandInput:
    scope: Scope
    user_id: str
    text: str
    invocation: str | None = None  # Slack's trigger_id: one per time a person ran it


MAX_ID = 2**31 - 1  # record ids are 32-bit integers


def record_id(raw: str) -> int | None:
    """`12` or `#12` as an id; None for anything else (`²`, `99999999999`, `x`)."""
    raw = raw.lstrip("#").strip()
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_ID:
        return None
    return int(raw)


Subcommand = Callable[[Unit, CommandInput, str], Reply]


def share_button(unit: Unit, command_text: str) -> Button:
    """Shares an ephemeral answer in the channel by running the same command again."""
    return Button(unit.string("share"), "share", command_text[:2000])
