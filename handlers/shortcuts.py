"""The message shortcut "Registrér som beslutning / handling" and its modal."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import views
from bot.services import recording
from bot.services.deps import Deps, Scope, channel_prefs
from handlers import replies
from handlers.payloads import incoming, team_of

CALLBACK = "referat_record_message"
MODAL = "referat_record_modal"


def register(app: App, deps: Deps) -> None:
    @app.shortcut(CALLBACK)
    def open_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        message = body.get("message") or {}
        channel = (body.get("channel") or {}).get("id")
        scope = Scope(team_of(body), str(channel))
        with deps.sessions() as session:
            lang = channel_prefs(session, scope, deps).language
        text = str(message.get("text") or "")
        metadata = json.dumps(
            {
                "team": scope.team_id,
                "channel": scope.channel_id,
                "ts": message.get("ts"),
                "thread_ts": message.get("thread_ts"),
                "user": message.get("user"),
            }
        )
        client.views_open(
            trigger_id=body["trigger_id"],
            view=views.record_modal(
                deps.renderer, lang, MODAL, text, recording.guess_kind(text), metadata
            ),
        )

    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        meta = json.loads(view.get("private_metadata") or "{}")
        scope = Scope(meta["team"], meta["channel"])
        form = views.read_record_modal(view)
        problems = recording.validate_manual(deps, scope, form)
        with deps.sessions() as session:
            lang = channel_prefs(session, scope, deps).language
        if problems:
            ack(
                response_action="errors",
                errors=views.modal_errors(deps.renderer, lang, problems, form),
            )
            return
        message = incoming(
            {"team_id": scope.team_id},
            {
                "ts": meta["ts"],
                "thread_ts": meta.get("thread_ts"),
                "user": meta.get("user"),
                "text": "",
            },
            scope.channel_id,
        )
        context["referat_source_id"] = recording.record_manual(
            deps, scope, message, form, body["user"]["id"]
        )
        ack()

    def after_submit(context: BoltContext, client: WebClient) -> None:
        if context.get("referat_source_id"):
            replies.post_or_update(deps, client, int(context["referat_source_id"]))

    app.view(MODAL)(ack=submit, lazy=[after_submit])
