"""Views of decisions and actions for templates, and changes with history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.parsing.normalize import escape
from bot.render import Renderer
from bot.replies import Button
from storage.models import Action, ActionOwner, Record, RecordChange


@dataclass
class RecordView:
    id: int
    kind: str  # decision | action
    text: str  # as typed; templates escape it
    owners: list[str]  # already safe for mrkdwn (mentions kept, names escaped)
    owner_names: list[str]
    due: date | None
    due_next_meeting: bool
    status: str
    item: str | None


def done_button(renderer: Renderer, lang: str, record_id: int) -> Button:
    return Button(
        renderer.string(lang, "done_button", id=record_id),
        f"done_{record_id}",
        str(record_id),
        "primary",
    )


def owner_label(owner: ActionOwner) -> str:
    if owner.user_id:
        return f"<@{owner.user_id}>"
    if owner.group_id:
        return f"<!subteam^{owner.group_id}>"
    return escape(owner.name)


def view(record: Record) -> RecordView:
    owners = list(record.owners) if isinstance(record, Action) else []
    return RecordView(
        id=record.id,
        kind=record.kind,
        text=record.text,
        owners=[owner_label(o) for o in owners],
        owner_names=[o.user_id and f"<@{o.user_id}>" or o.name for o in owners],
        due=record.due if isinstance(record, Action) else None,
        due_next_meeting=bool(record.due_next_meeting) if isinstance(record, Action) else False,
        status=record.status,
        item=record.item,
    )


def snapshot(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = {"text": record.text, "status": record.status, "item": record.item}
    if isinstance(record, Action):
        data["due"] = record.due.isoformat() if record.due else None
        data["owners"] = [o.name for o in record.owners]
    return data


def log_change(
    session: Session,
    record: Record,
    change: str,
    actor: str | None,
    at: Any,
    before: dict[str, Any] | None,
) -> None:
    session.add(
        RecordChange(
            record_id=record.id,
            change=change,
            actor_id=actor,
            at=at,
            before=before,
            after=snapshot(record),
        )
    )


def decided_on(record: Record, tz: Any) -> date:
    """The day a decision or action was made: its meeting's date for imported minutes.

    Minutes without a stated date count as decided the day before the next meeting
    they name (their source key holds both dates); anything else, the day it was written.
    """
    source = record.source
    if source is not None and source.ts.startswith("import:"):
        _, held, upcoming = (source.ts.split(":") + ["", ""])[:3]
        if held:
            return date.fromisoformat(held)
        if upcoming:
            return date.fromisoformat(upcoming) - timedelta(days=1)
    return record.created_at.astimezone(tz).date()
