"""The message shortcut "Registrér i referat" and its modal."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import modals
from bot.deps import Deps
from bot.services import recording
from bot.slack_port import SlackPort
from handlers.payloads import (
    OUTCOME,
    BadPayload,
    incoming,
    metadata_of,
    scope_needed,
    slack_id,
    slack_ts,
    text_of,
    then_follow_up,
    user_of,
)

CALLBACK = "referat_record_message"
MODAL = "referat_record_modal"


def register(app: App, deps: Deps) -> None:
    @app.shortcut(CALLBACK)
    def open_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        message = body.get("message")
        scope, trigger = scope_needed(body), body.get("trigger_id")
        if not isinstance(message, dict) or not isinstance(trigger, str) or not trigger:
            raise BadPayload("a message shortcut without its message or trigger")
        text = text_of(message.get("text"))
        metadata = json.dumps(
            {
                "team": scope.team_id,
                "channel": scope.channel_id,
                "ts": slack_ts(message.get("ts")),
                "thread_ts": slack_ts(message.get("thread_ts")),
                "user": slack_id(message.get("user")),
            }
        )
        view = modals.record_modal(
            deps.renderer,
            recording.shortcut_language(deps, scope),
            MODAL,
            text,
            recording.guess_kind(text),
            metadata,
        )
        SlackPort(client).open_view(trigger, view)

    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        scope, meta = metadata_of(view)
        message = incoming(
            {"team_id": scope.team_id},
            {"ts": meta.get("ts"), "thread_ts": meta.get("thread_ts"), "user": meta.get("user")},
            scope.channel_id,
        )
        form = modals.read_record_modal(view)
        outcome = recording.record_manual(deps, message, form, user_of(body))
        if outcome.problems:
            errors = modals.modal_errors(deps.renderer, outcome.language, outcome.problems, form)
            ack(response_action="errors", errors=errors)
            return
        ack()
        context[OUTCOME] = outcome

    app.view(MODAL)(then_follow_up(app, deps, submit))
