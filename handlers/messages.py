"""Channel messages: recorded before Slack is answered, the thread reply afterwards.

One listener takes every `message` event, whatever its subtype, so none is
answered 404 (which Slack would retry); a direct message goes on to the questions
(`handlers/events.direct_message`). It is registered second, after the slash command:
Bolt tries the listeners in order, and each it tries costs a message about 0.04 ms.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps, Scope
from bot.parsing.intents import names_minutes
from bot.retrying import with_retries
from bot.services import recording
from handlers import events
from handlers.payloads import (
    OUTCOME,
    BadPayload,
    event_id_of,
    incoming,
    is_from_bot,
    slack_id,
    slack_ts,
    team_of,
    text_of,
    then_follow_up,
)

RECORDED_SUBTYPES = {None, "thread_broadcast", "file_share", "me_message"}


def register(app: App, deps: Deps) -> None:
    def record(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
        subtype = event.get("subtype")
        if event.get("channel_type") == "im":
            events.direct_message(deps, body, event, context)
            return
        channel = slack_id(event.get("channel"))
        if channel is None or not (subtype is None or isinstance(subtype, str)):
            raise BadPayload("a message event without a channel, or with a subtype not text")
        if subtype in RECORDED_SUBTYPES and not is_from_bot(event):
            message, file = incoming(body, event, channel), _minutes_file(event)
            event_id = event_id_of(body)
            context[OUTCOME] = with_retries(
                lambda: recording.receive(deps, message, event_id=event_id, file=file)
            )
        elif subtype == "message_changed":
            new = event.get("message")
            if not isinstance(new, dict):
                raise BadPayload("an edit without its message")
            if not is_from_bot(new):
                edited = new.get("edited")
                version = (
                    (slack_ts(edited.get("ts")) if isinstance(edited, dict) else None)
                    or slack_ts(event.get("event_ts"))
                    or slack_ts(event.get("ts"))
                )
                message = replace(incoming(body, new, channel), version=version)
                thread = with_retries(lambda: recording.edit_message(deps, message))
                context[OUTCOME] = recording.MessageOutcome(thread)
        elif subtype == "message_deleted":
            deleted = slack_ts(event.get("deleted_ts"))
            if deleted is None:
                raise BadPayload("a delete without a valid deleted_ts")
            scope = Scope(team_of(body), channel)
            thread = with_retries(lambda: recording.delete_message(deps, scope, deleted))
            context[OUTCOME] = recording.MessageOutcome(thread)

    app.event("message")(then_follow_up(app, deps, record))


def _minutes_file(event: dict[str, Any]) -> dict[str, str] | None:
    """A file shared with "referat" ("minutes") in the message is minutes to import."""
    files = event.get("files")
    if event.get("subtype") != "file_share" or not isinstance(files, list) or not files:
        return None
    if not names_minutes(text_of(event.get("text"))):
        return None
    file = files[0]
    url = (
        file.get("url_private_download") or file.get("url_private")
        if isinstance(file, dict)
        else None
    )
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise BadPayload("a shared file without a download address")
    return {"name": text_of(file.get("name")) or "referat", "url": url}
