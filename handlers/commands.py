"""`/referat`: answered in the acknowledgement itself; files and refreshes follow."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import blocks, directory
from bot.deps import Deps
from bot.parsing.commands import split_command
from bot.services import commands, importing
from bot.services.answers import CommandInput
from bot.slack_port import SlackPort
from handlers.payloads import OUTCOME, scope_of, then_follow_up


def register(app: App, deps: Deps) -> None:
    def referat(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        scope = scope_of(body)
        assert scope is not None
        text = str(body.get("text") or "")
        if split_command(text)[0] == "import":
            ack()  # the trigger id lives 3 seconds: the modal opens now
            SlackPort(client).open_view(str(body.get("trigger_id")), importing.modal(deps, scope))
            return
        invocation = str(body.get("trigger_id") or "") or None
        outcome = commands.run(
            deps, CommandInput(scope, str(body.get("user_id")), text, invocation)
        )
        # a digest posted with `/referat overblik nu` is the one answer shown to everyone
        kind = "ephemeral" if outcome.reply.ephemeral else "in_channel"
        if outcome.reply.ephemeral:
            ack(response_type=kind, **blocks.message(outcome.reply, ephemeral=True))
        else:  # seen by everyone: people by name (the few not cached yet are looked up)
            names = directory.names_or_none(deps, client, scope.team_id, outcome.reply.text)
            ack(response_type=kind, **blocks.message(outcome.reply, names))
        context[OUTCOME] = outcome

    app.command("/referat")(then_follow_up(app, deps, referat))
