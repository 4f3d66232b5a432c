"""Buttons: Done / Reopen, Undo and Share."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.deps import Deps
from bot.services import buttons
from handlers.payloads import (
    OUTCOME,
    BadPayload,
    number_of,
    scope_needed,
    scope_of,
    team_of,
    text_of,
    then_follow_up,
    thread_of,
    user_of,
)


def register(app: App, deps: Deps) -> None:
    def done_or_reopen(
        ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
    ) -> None:
        ack()
        context[OUTCOME] = buttons.press_status(
            deps,
            team_of(body),
            scope_of(body),
            _number_or_none(action.get("value")),
            user_of(body),
            done=action["action_id"].startswith("done_"),
            from_home=_container_type(body) == "view",
            thread_ts=thread_of(body),
        )

    app.action(re.compile(r"^(done|reopen)_\d+$"))(then_follow_up(app, deps, done_or_reopen))

    def undo(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        ack()
        context[OUTCOME] = buttons.press_undo(
            deps, scope_needed(body), number_of(action.get("value")), user_of(body), thread_of(body)
        )

    app.action(re.compile(r"^undo_\d+$"))(then_follow_up(app, deps, undo))

    def share(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext) -> None:
        ack()
        context[OUTCOME] = buttons.press_share(
            deps, scope_needed(body), user_of(body), text_of(action.get("value"))
        )

    app.action("share")(then_follow_up(app, deps, share))


def _container_type(body: dict[str, Any]) -> Any:
    container = body.get("container")
    return container.get("type") if isinstance(container, dict) else None


def _number_or_none(value: Any) -> int:
    """A Done / Reopen value that is not a number is no record: answered as one (on the Home
    tab that answer is the tab shown again)."""
    try:
        return number_of(value)
    except BadPayload:
        return 0
