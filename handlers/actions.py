"""Buttons: Done / Reopen, Undo and Share."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.deps import Deps
from bot.services import buttons
from handlers.payloads import OUTCOME, scope_of, team_of, then_follow_up, thread_of, user_of


def register(app: App, deps: Deps) -> None:
    def done_or_reopen(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        ack()
        context[OUTCOME] = buttons.press_status(
            deps,
            team_of(body),
            scope_of(body),
            int(action["value"]),
            user_of(body),
            done=action["action_id"].startswith("done_"),
            from_home=(body.get("container") or {}).get("type") == "view",
            thread_ts=thread_of(body),
        )

    app.action(re.compile(r"^(done|reopen)_\d+$"))(then_follow_up(app, deps, done_or_reopen))

    def undo(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        context[OUTCOME] = buttons.press_undo(
            deps, scope, int(action["value"]), user_of(body), thread_of(body)
        )

    app.action(re.compile(r"^undo_\d+$"))(then_follow_up(app, deps, undo))

    def share(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        ack()
        scope = scope_of(body)
        assert scope is not None
        context[OUTCOME] = buttons.press_share(
            deps, scope, user_of(body), str(action.get("value") or "")
        )

    app.action("share")(then_follow_up(app, deps, share))
