"""`/referat`: answered in the acknowledgement itself, ephemeral."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot import blocks
from bot.services import commands
from bot.services.deps import Deps
from handlers.payloads import scope_of


def register(app: App, deps: Deps) -> None:
    @app.command("/referat")
    def referat(ack: Ack, body: dict[str, Any]) -> None:
        scope = scope_of(body)
        assert scope is not None
        reply = commands.run(
            deps, commands.CommandInput(scope, str(body.get("user_id")), body.get("text") or "")
        )
        ack(response_type="ephemeral", **blocks.message(reply))
