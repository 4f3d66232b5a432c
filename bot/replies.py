"""What the bot says, as data: text plus buttons. `bot.blocks` turns it into Block Kit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Button:
    label: str
    action_id: str
    value: str
    style: str | None = None  # "primary" | "danger"
    confirm: tuple[str, str, str, str] | None = None  # title, text, yes, no: Slack asks first


@dataclass(frozen=True)
class DatePicker:
    action_id: str
    value: str  # what the action carries back (e.g. the pending import's id)
    placeholder: str
    initial: date | None = None


@dataclass
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    ephemeral: bool = True
    ok: bool = True  # False for answers to bad input
    attachment: object | None = None  # a file to upload after the answer (exports)
    cut_note: str = "…"  # ends a reply cut to fit Slack (in the channel's language)
    date_picker: DatePicker | None = None  # a date the person picks (above the buttons)
