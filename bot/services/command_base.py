"""What every `/referat` subcommand shares: its input, and replies rendered from templates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.replies import Button, Reply
from bot.services.deps import Deps, Prefs, Scope

MAX_LINES = 30  # list answers stop here and say how many more there are


@dataclass(frozen=True)
class CommandInput:
    scope: Scope
    user_id: str
    text: str


Handler = Callable[[Deps, CommandInput, str, Prefs], Reply]


def text_reply(
    deps: Deps, prefs: Prefs, template: str, *, ok: bool = True, **context: object
) -> Reply:
    return Reply(text=deps.renderer.render(prefs.language, template, **context), ok=ok)


def share_button(deps: Deps, prefs: Prefs, command_text: str) -> Button:
    """Shares an ephemeral answer in the channel by running the same command again."""
    return Button(deps.renderer.string(prefs.language, "share"), "share", command_text[:2000])
