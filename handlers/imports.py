"""Importing minutes in Slack: the `/referat import` modal, and Confirm / Cancel on the
preview (uploads and pasted minutes arrive as messages: handlers/messages.py)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot import blocks, modals
from bot.deps import Deps, Scope
from bot.services import importing
from handlers.payloads import OUTCOME, scope_of, then_follow_up, user_of

MODAL = importing.MODAL


def register(app: App, deps: Deps) -> None:
    def submit(ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        meta = json.loads(view.get("private_metadata") or "{}")
        text, file = modals.read_import_modal(view)
        outcome = importing.submit_modal(
            deps, Scope(meta["team"], meta["channel"]), user_of(body), text, file
        )
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
        scope = scope_of(body)
        assert scope is not None
        context[OUTCOME] = importing.press_confirm(deps, scope, int(action["value"]), user_of(body))

    app.action("import_confirm")(then_follow_up(app, deps, confirm))

    @app.action("import_date")
    def give_date(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        pending = str(action.get("block_id") or "").removeprefix("date_")
        picked = date.fromisoformat(str(action.get("selected_date")))
        shown = importing.give_date(deps, scope, int(pending), picked)
        respond(replace_original=True, response_type="ephemeral", **blocks.message(shown))

    @app.action("import_cancel")
    def cancel(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        said = importing.cancel(deps, scope, int(action["value"]))
        respond(text=said, replace_original=True, response_type="ephemeral")
