"""Answers to questions about a channel's records: open items, decisions, the agenda.

Every query is limited to one workspace and channel (`Scope`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.parsing.arguments import Who, since_and_words, stem, who
from bot.parsing.dates import DateError, parse_date
from bot.replies import Reply
from bot.services import records as record_service
from bot.services.command_base import MAX_LINES, CommandInput, share_button, text_reply
from bot.services.deps import Deps, Prefs, Scope, ensure_channel, prefs_for
from storage import queries
from storage.models import Action, AgendaItem, Decision, OwnerAlias
from storage.session import transaction


def names_of(session: Session, team_id: str, user_id: str) -> set[str]:
    """Owner names mapped to a person with `/referat owner NAME = @user` (casefolded)."""
    return {
        name.casefold()
        for name in session.scalars(
            select(OwnerAlias.name).where(
                OwnerAlias.team_id == team_id, OwnerAlias.user_id == user_id
            )
        )
    }


def belongs_to(action: Action, user_id: str, names: set[str]) -> bool:
    return any(o.user_id == user_id or o.name.casefold() in names for o in action.owners)


def open_actions(
    session: Session, scope: Scope, today: date, filter_: Who, user_id: str
) -> list[Action]:
    actions = [
        a
        for a in queries.channel_actions(session, scope.team_id, scope.channel_id)
        if a.status == "open"
    ]
    if filter_.kind in ("me", "user"):
        person = user_id if filter_.kind == "me" else filter_.value
        names = names_of(session, scope.team_id, person)
        actions = [a for a in actions if belongs_to(a, person, names)]
    elif filter_.kind == "name":
        wanted = filter_.value.casefold()
        mapped = session.scalar(
            select(OwnerAlias.user_id).where(
                OwnerAlias.team_id == scope.team_id, OwnerAlias.name_key == wanted
            )
        )
        actions = [
            a
            for a in actions
            if any(
                o.name.casefold() == wanted or (mapped and o.user_id == mapped) for o in a.owners
            )
        ]
    elif filter_.kind == "overdue":
        actions = [a for a in actions if a.due is not None and a.due < today]
    return sort_actions(actions, today)


def sort_actions(actions: list[Action], today: date) -> list[Action]:
    """Overdue first (most overdue first), then by deadline, then those without one."""

    def key(action: Action) -> tuple[int, date, int]:
        if action.due is None:
            return (2, date.max, action.id)
        return (0 if action.due < today else 1, action.due, action.id)

    return sorted(actions, key=key)


def open_items(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    today = prefs.today(deps.now())
    filter_ = who(rest)
    with deps.sessions() as session:
        found = open_actions(session, command.scope, today, filter_, command.user_id)
        views = [record_service.view(a) for a in found[:MAX_LINES]]
    reply = text_reply(
        deps,
        prefs,
        "open_items",
        actions=views,
        more=max(0, len(found) - MAX_LINES),
        total=len(found),
        filter=filter_,
        today=today,
    )
    reply.buttons.append(share_button(deps, prefs, f"open-items {rest}".strip()))
    return reply


def decisions(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    today = prefs.today(deps.now())
    since_text, words = since_and_words(rest)
    since: date | None = None
    if since_text:
        try:
            since = parse_date(since_text, today)
        except DateError:
            return text_reply(deps, prefs, "decisions_usage", ok=False, bad=since_text)
        if since > today:  # "siden 1/3" means the last 1 March, not the next
            since = since.replace(year=since.year - 1)
    with deps.sessions() as session:
        found = [
            d
            for d in queries.channel_decisions(
                session, command.scope.team_id, command.scope.channel_id
            )
            if d.status == "active"
        ]
        stems = [stem(w) for w in words]
        found = [
            d for d in found if all(s in f"{d.text} {d.item_title or ''}".casefold() for s in stems)
        ]

        def day(decision: Decision) -> date:
            return record_service.decided_on(decision, prefs.tz)

        if since is not None:
            found = [d for d in found if day(d) >= since]
        found.sort(key=lambda d: (day(d), d.id), reverse=True)
        lines = [
            (record_service.view(d), day(d), d.source.permalink if d.source else None)
            for d in found[:MAX_LINES]
        ]
    reply = text_reply(
        deps,
        prefs,
        "decisions",
        lines=lines,
        words=words,
        since=since,
        more=max(0, len(found) - MAX_LINES),
        total=len(found),
    )
    reply.buttons.append(share_button(deps, prefs, f"decisions {rest}".strip()))
    return reply


def retract(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    raw = rest.lstrip("#").strip()
    if not raw.isdigit():
        return text_reply(deps, prefs, "retract_usage", ok=False)
    record_id = int(raw)
    with transaction(deps.sessions) as session:
        record = queries.record_in_scope(
            session, record_id, command.scope.team_id, command.scope.channel_id
        )
        if record is None:
            return text_reply(deps, prefs, "record_missing", ok=False, id=record_id)
        if record.status == "retracted":
            return text_reply(deps, prefs, "already_retracted", id=record_id)
        before = record_service.snapshot(record)
        now = deps.now()
        record.status, record.updated_at = "retracted", now
        record_service.log_change(session, record, "retracted", command.user_id, now, before)
        kind = "decision" if isinstance(record, Decision) else "action"
    return text_reply(deps, prefs, "retracted", id=record_id, kind=kind, user=command.user_id)


def agenda(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    from bot.parsing.arguments import ADD
    from bot.services.meetings import view

    first, _, text = rest.partition(" ")
    today = prefs.today(deps.now())
    scope = command.scope
    if first.lower() in ADD:
        title = text.strip()
        if not title:
            return text_reply(deps, prefs, "agenda_usage", ok=False)
        with transaction(deps.sessions) as session:
            prefs = prefs_for(ensure_channel(session, scope, deps), deps)
            upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
            session.add(
                AgendaItem(
                    team_id=scope.team_id,
                    channel_id=scope.channel_id,
                    meeting_id=upcoming.id if upcoming else None,
                    title=title[:1000],
                    position=len(upcoming.agenda) if upcoming else 0,
                )
            )
            meeting = view(upcoming, prefs) if upcoming else None
        return text_reply(deps, prefs, "agenda_added", title=title, m=meeting)
    if rest.strip():
        return text_reply(deps, prefs, "agenda_usage", ok=False)
    with deps.sessions() as session:
        upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
        pending = [
            a.title for a in queries.pending_agenda(session, scope.team_id, scope.channel_id)
        ]
        meeting = view(upcoming, prefs) if upcoming else None
    reply = text_reply(deps, prefs, "agenda", m=meeting, pending=pending, today=today)
    reply.buttons.append(share_button(deps, prefs, "agenda"))
    return reply
