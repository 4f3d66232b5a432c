"""Importing minutes in Slack: the `/referat import` modal, and Confirm / Cancel on the
preview (uploads and pasted minutes arrive as messages: handlers/messages.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot import blocks, modals
from bot.deps import Deps
from bot.services import importing
from handlers.payloads import (
    OUTCOME,
    BadPayload,
    metadata_of,
    number_of,
    scope_needed,
    then_follow_up,
    user_of,
)

MODAL = importing.MODAL


def register(app: App, deps: Deps) -> None:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        scope, _ = metadata_of(view)
        text, file = modals.read_import_modal(view)
        outcome = importing.submit_modal(deps, scope, user_of(body), text, file)
        if outcome.errors:
            ack(response_action="errors", errors=outcome.errors)
            return
        ack()
        context[OUTCOME] = outcome.request

    app.view(MODAL)(then_follow_up(app, deps, submit))

    def confirm(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        ack()
        context[OUTCOME] = importing.press_confirm(
            deps, scope_needed(body), number_of(action.get("value")), user_of(body)
        )

    app.action("import_confirm")(then_follow_up(app, deps, confirm))

    @app.action("import_date")
    def give_date(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        scope = scope_needed(body)
        block = action.get("block_id")
        pending = number_of(block.removeprefix("date_") if isinstance(block, str) else None)
        try:
            picked = date.fromisoformat(str(action.get("selected_date")))
        except ValueError:
            raise BadPayload("a picked date that is not a date") from None
        shown = importing.give_date(deps, scope, pending, picked)
        respond(
            replace_original=True,
            response_type="ephemeral",
            **blocks.message(shown, ephemeral=True),
        )

    @app.action("import_cancel")
    def cancel(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        said = importing.cancel(deps, scope_needed(body), number_of(action.get("value")))
        respond(text=said, replace_original=True, response_type="ephemeral")
