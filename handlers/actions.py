"""Buttons: Done, Undo and Share."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import blocks
from bot.services import commands, recording
from bot.services.deps import Deps, Scope, channel_prefs
from bot.services.home import owners_to_refresh, publish_home
from handlers import replies
from handlers.payloads import scope_of, team_of


def _thread_of(body: dict[str, Any]) -> str | None:
    message = body.get("message") or {}
    container = body.get("container") or {}
    return message.get("thread_ts") or container.get("thread_ts") or container.get("message_ts")


def register(app: App, deps: Deps) -> None:
    def done_or_reopen(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        ack()
        record_id = int(action["value"])
        scope = scope_of(body) or recording.scope_of_record(deps, team_of(body), record_id)
        if scope is None:  # a Home tab button for an action that is gone
            context["referat_outcome"] = "missing"
            return
        context["referat_scope"] = [scope.team_id, scope.channel_id]
        outcome, record = recording.set_action_status(
            deps, scope, record_id, body["user"]["id"], action["action_id"].startswith("done_")
        )
        context["referat_outcome"] = outcome
        context["referat_source_id"] = record.source_id if record else None

    def after_status(
        body: dict[str, Any],
        action: dict[str, Any],
        context: BoltContext,
        client: WebClient,
        respond: Respond,
    ) -> None:
        user = body["user"]["id"]
        from_home = (body.get("container") or {}).get("type") == "view"
        if context.get("referat_outcome") == "ok" or from_home:
            for person in {user, *owners_to_refresh(deps, int(action["value"]))}:
                publish_home(deps, client, team_of(body), person)
        if "referat_scope" not in context:
            return
        scope = Scope(*context["referat_scope"])
        with deps.sessions() as session:
            prefs = channel_prefs(session, scope, deps)
        done = action["action_id"].startswith("done_")
        reply = commands.status_reply(
            deps, prefs, context["referat_outcome"], int(action["value"]), user, done
        )
        if not from_home:
            if reply.ephemeral:
                respond(text=reply.text, response_type="ephemeral", replace_original=False)
            else:
                client.chat_postMessage(
                    channel=scope.channel_id, thread_ts=_thread_of(body), text=reply.text
                )
        if context.get("referat_source_id"):
            replies.post_or_update(deps, client, int(context["referat_source_id"]))

    app.action(re.compile(r"^(done|reopen)_\d+$"))(ack=done_or_reopen, lazy=[after_status])

    def undo(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        context["referat_source_id"] = recording.undo(
            deps, scope, int(action["value"]), body["user"]["id"]
        )

    def after_undo(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        source_id = context.get("referat_source_id")
        scope = scope_of(body)
        if not source_id or scope is None:
            return
        with deps.sessions() as session:
            prefs = channel_prefs(session, scope, deps)
        text = deps.renderer.string(prefs.language, "undone", user=body["user"]["id"])
        client.chat_postMessage(channel=scope.channel_id, thread_ts=_thread_of(body), text=text)
        replies.post_or_update(deps, client, int(source_id))

    app.action(re.compile(r"^undo_\d+$"))(ack=undo, lazy=[after_undo])

    @app.action("share")
    def share(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        reply = commands.run(
            deps, commands.CommandInput(scope, body["user"]["id"], str(action.get("value") or ""))
        )
        reply.buttons = [b for b in reply.buttons if b.action_id != "share"]
        client.chat_postMessage(channel=scope.channel_id, **blocks.message(reply))
        respond(delete_original=True)
