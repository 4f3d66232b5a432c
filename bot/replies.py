"""What the bot says, as data: text plus buttons. `bot.blocks` turns it into Block Kit."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    label: str
    action_id: str
    value: str
    style: str | None = None  # "primary" | "danger"
    confirm: tuple[str, str, str, str] | None = None  # title, text, yes, no: Slack asks first


@dataclass
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    ephemeral: bool = True
    ok: bool = True  # False for answers to bad input
    attachment: object | None = None  # a file to upload after the answer (exports)
    cut_note: str = "…"  # ends a reply cut to fit Slack (in the channel's language)
