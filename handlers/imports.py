"""Importing minutes in Slack: `/referat import` (a modal), uploaded files with "referat"
in the message, and long pasted minutes. Always a preview first; only Confirm stores."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import blocks, views
from bot.documents.download import download
from bot.documents.read import DocumentError, extract_text
from bot.replies import Reply
from bot.services import importing
from bot.services.deps import Deps, Scope, channel_prefs
from handlers.payloads import scope_of, team_of

MODAL = "referat_import_modal"


def open_modal(deps: Deps, client: WebClient, body: dict[str, Any], scope: Scope) -> None:
    with deps.sessions() as session:
        lang = channel_prefs(session, scope, deps).language
    metadata = json.dumps({"team": scope.team_id, "channel": scope.channel_id})
    client.views_open(
        trigger_id=body["trigger_id"], view=views.import_modal(deps.renderer, lang, MODAL, metadata)
    )


def post_preview(deps: Deps, client: WebClient, scope: Scope, user: str, pending: int) -> None:
    reply = importing.preview(deps, scope, pending)
    client.chat_postEphemeral(channel=scope.channel_id, user=user, **blocks.message(reply))


def post_file_preview(
    deps: Deps, client: WebClient, scope: Scope, user: str, file: dict[str, Any], token: str
) -> None:
    """Download, read and preview an uploaded file; a clear answer when it cannot be read."""
    with deps.sessions() as session:
        lang = channel_prefs(session, scope, deps).language
    name = str(file.get("name") or "referat")
    client.chat_postEphemeral(
        channel=scope.channel_id,
        user=user,
        text=deps.renderer.string(lang, "import_reading", name=name),
    )
    try:
        data = download(str(file.get("url_private_download") or file.get("url_private")), token)
        text = extract_text(data, name)
    except DocumentError as error:
        message = deps.renderer.render(lang, "import_error", code=error.code, detail=error.detail)
        client.chat_postEphemeral(channel=scope.channel_id, user=user, text=message)
        return
    pending = importing.create_pending(deps, scope, user, text, name)
    post_preview(deps, client, scope, user, pending)


def register(app: App, deps: Deps) -> None:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        meta = json.loads(view.get("private_metadata") or "{}")
        scope = Scope(meta["team"], meta["channel"])
        text, file = views.read_import_modal(view)
        with deps.sessions() as session:
            lang = channel_prefs(session, scope, deps).language
        context["referat_scope"] = [scope.team_id, scope.channel_id]
        if file is not None:
            context["referat_file"] = file
            ack()
            return
        if not text.strip():
            ack(
                response_action="errors",
                errors={"minutes": deps.renderer.string(lang, "import_too_short")},
            )
            return
        if importing.read(deps, scope, text).empty:
            ack(
                response_action="errors",
                errors={"minutes": deps.renderer.string(lang, "import_no_structure")},
            )
            return
        context["referat_pending"] = importing.create_pending(deps, scope, body["user"]["id"], text)
        ack()

    def after_submit(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        scope = Scope(*context["referat_scope"])
        if context.get("referat_pending"):
            post_preview(deps, client, scope, body["user"]["id"], int(context["referat_pending"]))
        elif context.get("referat_file"):
            post_file_preview(
                deps,
                client,
                scope,
                body["user"]["id"],
                context["referat_file"],
                str(context.bot_token or client.token),
            )

    app.view(MODAL)(ack=submit, lazy=[after_submit])

    def confirm(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        status, outcome = importing.confirm(deps, scope, int(action["value"]), body["user"]["id"])
        context["referat_import"] = [status, outcome.as_dict() if outcome else None]

    def after_confirm(
        body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        scope = scope_of(body)
        assert scope is not None
        status, outcome = context["referat_import"]
        with deps.sessions() as session:
            lang = channel_prefs(session, scope, deps).language
        if status != "stored" or outcome is None:
            key = {"already": "import_already", "cancelled": "import_cancelled"}.get(status)
            text = (
                deps.renderer.string(lang, key)
                if key
                else deps.renderer.render(lang, "import_error", code="gone", detail="")
            )
            respond(text=text, replace_original=True, response_type="ephemeral")
            return
        result = importing.ImportOutcome(
            **{
                **outcome,
                "meeting": _day(outcome["meeting"]),
                "next_meeting": _day(outcome["next_meeting"]),
            }
        )
        reply = importing.outcome_reply(deps, scope, result, body["user"]["id"])
        respond(delete_original=True)
        client.chat_postMessage(channel=scope.channel_id, **blocks.message(reply))

    app.action("import_confirm")(ack=confirm, lazy=[after_confirm])

    @app.action("import_cancel")
    def cancel(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        importing.cancel(deps, scope, int(action["value"]))
        with deps.sessions() as session:
            lang = channel_prefs(session, scope, deps).language
        respond(
            text=deps.renderer.string(lang, "import_cancelled"),
            replace_original=True,
            response_type="ephemeral",
        )


def _day(value: str | None) -> Any:
    from datetime import date

    return date.fromisoformat(value) if value else None


def pasted_minutes(deps: Deps, body: dict[str, Any], event: dict[str, Any]) -> int | None:
    """A long message that reads as minutes becomes a pending import (preview follows)."""
    text = str(event.get("text") or "")
    if len(text) < importing.MIN_PASTED_LENGTH:
        return None
    scope = Scope(team_of(body), str(event["channel"]))
    minutes = importing.read(deps, scope, text)
    if not importing.looks_like_minutes(minutes, text):
        return None
    from bot.parsing.normalize import normalize, to_plain

    return importing.create_pending(deps, scope, str(event.get("user")), to_plain(normalize(text)))


__all__ = ["Reply", "open_modal", "pasted_minutes", "post_file_preview", "post_preview", "register"]
