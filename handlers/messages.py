"""Channel messages: recorded before Slack is answered, the thread reply afterwards.

One listener takes every `message` event, whatever its subtype, so none is
answered 404 (which Slack would retry).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps, Scope
from bot.services import recording
from handlers.payloads import OUTCOME, incoming, is_from_bot, team_of, then_follow_up

RECORDED_SUBTYPES = {None, "thread_broadcast", "file_share", "me_message"}


def register(app: App, deps: Deps) -> None:
    def record(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        subtype = event.get("subtype")
        channel = event.get("channel")
        if not channel or event.get("channel_type") == "im":
            return
        if subtype in RECORDED_SUBTYPES and not is_from_bot(event):
            context[OUTCOME] = recording.receive(
                deps,
                incoming(body, event, channel),
                event_id=body.get("event_id"),
                file=_minutes_file(event),
            )
        elif subtype == "message_changed":
            new = event.get("message") or {}
            if new.get("ts") and not is_from_bot(new):
                edited = (
                    (new.get("edited") or {}).get("ts") or event.get("event_ts") or event.get("ts")
                )
                message = replace(incoming(body, new, channel), version=edited and str(edited))
                thread = recording.edit_message(deps, message)
                context[OUTCOME] = recording.MessageOutcome(thread)
        elif subtype == "message_deleted" and event.get("deleted_ts"):
            scope = Scope(team_of(body), channel)
            thread = recording.delete_message(deps, scope, str(event["deleted_ts"]))
            context[OUTCOME] = recording.MessageOutcome(thread)

    app.event("message")(then_follow_up(app, deps, record))


def _minutes_file(event: dict[str, Any]) -> dict[str, str] | None:
    """A file shared with "referat" in the message is minutes to import."""
    files = event.get("files") or []
    if event.get("subtype") != "file_share" or not files:
        return None
    if "referat" not in str(event.get("text")).lower():
        return None
    file = files[0]
    url = file.get("url_private_download") or file.get("url_private")
    return {"name": str(file.get("name") or "referat"), "url": str(url)}
