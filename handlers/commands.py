"""`/referat`: answered in the acknowledgement itself, ephemeral."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import blocks
from bot.parsing.commands import split_command
from bot.services import commands
from bot.services.deps import Deps
from bot.services.exports import ExportFile
from bot.services.home import owners_to_refresh, publish_home
from handlers import imports
from handlers.payloads import scope_of


def register(app: App, deps: Deps) -> None:
    def referat(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        scope = scope_of(body)
        assert scope is not None
        if split_command(body.get("text") or "")[0] == "import":
            ack()
            imports.open_modal(deps, client, body, scope)  # the trigger id lives 3 s
            return
        reply = commands.run(
            deps, commands.CommandInput(scope, str(body.get("user_id")), body.get("text") or "")
        )
        # a digest posted with `/referat overblik nu` is the one answer shown to everyone
        ack(response_type="ephemeral" if reply.ephemeral else "in_channel", **blocks.message(reply))
        if reply.attachment is not None:
            context["referat_export"] = body.get("text") or ""
        key, _, rest = split_command(body.get("text") or "")
        if key in ("done", "reopen", "retract") and reply.ok and rest.lstrip("#").isdigit():
            context["referat_changed"] = int(rest.lstrip("#"))

    def upload(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """After the answer: upload an export, refresh the Home tab of whom an action concerns."""
        if context.get("referat_changed"):
            changed = int(context["referat_changed"])
            for person in {str(body.get("user_id")), *owners_to_refresh(deps, changed)}:
                publish_home(deps, client, str(body.get("team_id")), person)
        if "referat_export" not in context:
            return
        scope = scope_of(body)
        assert scope is not None
        reply = commands.run(
            deps, commands.CommandInput(scope, str(body.get("user_id")), context["referat_export"])
        )
        file = reply.attachment
        if isinstance(file, ExportFile):
            client.files_upload_v2(
                channel=scope.channel_id,
                filename=file.filename,
                content=file.content,
                title=file.title,
            )

    app.command("/referat")(ack=referat, lazy=[upload])
