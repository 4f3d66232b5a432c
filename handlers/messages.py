"""Channel messages: record before Slack is answered, reply in the thread afterwards.

One listener takes every `message` event, whatever its subtype, so none is
answered 404 (which Slack would retry). The write runs inside the request;
the thread reply runs as a lazy listener after the answer.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.services import recording
from bot.services.deliveries import first_delivery
from bot.services.deps import Deps, Scope
from handlers import imports, replies
from handlers.payloads import incoming, is_from_bot, team_of

log = logging.getLogger(__name__)
RECORDED_SUBTYPES = {None, "thread_broadcast", "file_share", "me_message"}


def register(app: App, deps: Deps) -> None:
    def record(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        subtype = event.get("subtype")
        channel = event.get("channel")
        if not channel or event.get("channel_type") == "im":
            return
        source_id: int | None = None
        if subtype in RECORDED_SUBTYPES and not is_from_bot(event):
            files = event.get("files") or []
            wants_import = (
                subtype == "file_share" and files and "referat" in str(event.get("text")).lower()
            )
            # Whole minutes pasted as a message are offered as an import, not read line by line.
            pending = imports.pasted_minutes(deps, body, event)
            if (wants_import or pending) and first_delivery(
                deps, body.get("event_id"), team_of(body)
            ):
                context["referat_file"] = files[0] if wants_import else None
                context["referat_pending"] = pending
            if not pending:
                source_id = recording.record_message(deps, incoming(body, event, channel))
        elif subtype == "message_changed":
            new = event.get("message") or {}
            if new.get("ts") and not is_from_bot(new):
                source_id = recording.edit_message(deps, incoming(body, new, channel))
        elif subtype == "message_deleted" and event.get("deleted_ts"):
            source_id = recording.delete_message(
                deps, team_of(body), channel, str(event["deleted_ts"])
            )
        context["referat_source_id"] = source_id

    def reply(
        body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        source_id = context.get("referat_source_id")
        if source_id:
            replies.post_or_update(deps, client, int(source_id))
        scope = Scope(team_of(body), str(event.get("channel")))
        user = str(event.get("user"))
        if context.get("referat_pending"):
            imports.post_preview(deps, client, scope, user, int(context["referat_pending"]))
        if context.get("referat_file"):
            imports.post_file_preview(
                deps,
                client,
                scope,
                user,
                context["referat_file"],
                str(context.bot_token or client.token),
            )

    app.event("message")(ack=record, lazy=[reply])
