"""Slack event ids seen before: a retried delivery of a question is answered once."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from bot.services.deps import Deps
from storage.models import ProcessedEvent
from storage.session import transaction


def first_delivery(deps: Deps, event_id: str | None, team_id: str | None) -> bool:
    """Claim an event id; False when it was claimed before (a retry or a replay).

    Runs before Slack is answered, so a database failure makes Slack retry.
    Records from messages do not depend on this: they dedupe on channel + ts.
    """
    if not event_id:
        return True
    try:
        with transaction(deps.sessions) as session:
            session.add(ProcessedEvent(event_id=event_id, team_id=team_id, received_at=deps.now()))
    except IntegrityError:
        return False
    return True
