"""`/referat`: answered in the acknowledgement itself, ephemeral."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import blocks
from bot.parsing.commands import split_command
from bot.services import commands
from bot.services.deps import Deps
from handlers import imports
from handlers.payloads import scope_of


def register(app: App, deps: Deps) -> None:
    @app.command("/referat")
    def referat(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        scope = scope_of(body)
        assert scope is not None
        if split_command(body.get("text") or "")[0] == "import":
            ack()
            imports.open_modal(deps, client, body, scope)  # the trigger id lives 3 s
            return
        reply = commands.run(
            deps, commands.CommandInput(scope, str(body.get("user_id")), body.get("text") or "")
        )
        ack(response_type="ephemeral", **blocks.message(reply))
