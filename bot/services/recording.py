"""Record what a channel message says; edits update it, deletes retract it.

The write happens before Slack is answered (the handler runs this inside the
request), so a failed write makes Slack deliver the message again. Records
are keyed on (team, channel, ts): a second delivery changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.parsing import messages as parsed
from bot.parsing.normalize import normalize
from bot.parsing.owners import DEFAULT_OWNER_NAMES
from bot.replies import Button, Reply
from bot.services import meetings as meeting_service
from bot.services import records as record_service
from bot.services.deps import Deps, Prefs, Scope, channel_prefs, ensure_channel, prefs_for
from storage import queries
from storage.models import Action, ActionOwner, AgendaItem, Decision, Record, SourceMessage
from storage.session import transaction


@dataclass(frozen=True)
class Incoming:
    team_id: str
    channel_id: str
    ts: str
    user_id: str | None
    text: str
    thread_ts: str | None = None
    permalink: str | None = None

    @property
    def scope(self) -> Scope:
        return Scope(self.team_id, self.channel_id)


def known_owners(session: Session, team_id: str) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys([*DEFAULT_OWNER_NAMES, *queries.known_owner_names(session, team_id)])
    )


def record_message(deps: Deps, message: Incoming) -> int | None:
    """Store what the message records. Returns the source id when a reply is due."""
    normalized = normalize(message.text)
    with transaction(deps.sessions) as session:
        existing = queries.source_message(session, message.team_id, message.channel_id, message.ts)
        if existing is not None:
            if existing.text == normalized or existing.deleted:
                return None  # the same delivery again
            return _apply_edit(session, deps, existing, message, normalized)
        channel = ensure_channel(session, message.scope, deps)
        prefs = prefs_for(channel, deps)
        today = prefs.today(deps.now())
        result = parsed.parse_message(
            normalized, today=today, known_owners=known_owners(session, message.team_id)
        )
        if result.empty:
            return None
        source = new_source(
            session,
            deps,
            message.scope,
            message.ts,
            normalized,
            message.user_id,
            thread_ts=message.thread_ts,
            warnings=[_warning_dict(w) for w in result.warnings],
        )
        source.permalink = message.permalink
        _store(session, deps, prefs, message.scope, source, result.records, message.user_id, today)
        return source.id


def new_source(
    session: Session,
    deps: Deps,
    scope: Scope,
    ts: str,
    text: str,
    author: str | None,
    *,
    thread_ts: str | None = None,
    warnings: list[dict[str, str]] | None = None,
) -> SourceMessage:
    """The row that records come from: a message (keyed by its ts) or imported minutes."""
    now = deps.now()
    source = SourceMessage(
        team_id=scope.team_id,
        channel_id=scope.channel_id,
        ts=ts,
        thread_ts=thread_ts,
        author_id=author,
        text=text,
        warnings=warnings or [],
        deleted=False,
        created_at=now,
        updated_at=now,
    )
    session.add(source)
    session.flush()
    return source


def _warning_dict(warning: parsed.Warning) -> dict[str, str]:
    return {"code": warning.code, "detail": warning.detail, "kind": warning.kind}


def _store(
    session: Session,
    deps: Deps,
    prefs: Prefs,
    scope: Scope,
    source: SourceMessage,
    records: list[parsed.Record],
    actor: str | None,
    today: date,
) -> None:
    now = deps.now()
    position = -1  # decisions and actions count positions among themselves (see sync_records)
    for item in records:
        if isinstance(item, parsed.Meeting):
            meeting_service.set_meeting(
                session,
                scope,
                deps,
                prefs,
                day=item.date,
                start=item.start,
                end=item.end,
                place=item.place,
                source_id=source.id,
                actor=actor,
            )
        elif isinstance(item, parsed.AgendaItem):
            upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
            session.add(
                AgendaItem(
                    team_id=scope.team_id,
                    channel_id=scope.channel_id,
                    title=item.title,
                    meeting_id=upcoming.id if upcoming else None,
                    source_id=source.id,
                    position=len(upcoming.agenda) if upcoming else 0,
                )
            )
        else:
            position += 1
            record = _new_record(session, scope, item, today)
            record.source_id, record.position, record.author_id = source.id, position, actor
            record.created_at = record.updated_at = now
            session.add(record)
            session.flush()
            record_service.log_change(session, record, "created", actor, now, None)
    session.flush()


def _new_record(
    session: Session, scope: Scope, item: parsed.Decision | parsed.Action, today: date
) -> Record:
    meeting_id = None
    if item.item:
        latest = queries.last_meeting(session, scope.team_id, scope.channel_id, today)
        latest = latest or queries.next_meeting(session, scope.team_id, scope.channel_id, today)
        meeting_id = latest.id if latest else None
    if isinstance(item, parsed.Decision):
        return Decision(
            team_id=scope.team_id,
            channel_id=scope.channel_id,
            text=item.text,
            item=item.item,
            meeting_id=meeting_id,
            status="active",
        )
    action = Action(
        team_id=scope.team_id,
        channel_id=scope.channel_id,
        text=item.text,
        item=item.item,
        meeting_id=meeting_id,
        status="open",
        due=item.due,
        due_next_meeting=item.due_next_meeting,
    )
    _set_due_next_meeting(session, scope, action, today)
    action.owners = [
        ActionOwner(name=o.name, user_id=o.user_id, group_id=o.group_id, position=i)
        for i, o in enumerate(item.owners)
    ]
    return action


def _set_due_next_meeting(session: Session, scope: Scope, action: Action, today: date) -> None:
    if action.due_next_meeting and action.due is None:
        upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
        if upcoming is not None:
            action.due = upcoming.date


def _apply_edit(
    session: Session, deps: Deps, source: SourceMessage, message: Incoming, normalized: str
) -> int | None:
    """An edited message: records are updated in place, matched by kind and position."""
    scope = message.scope
    prefs = channel_prefs(session, scope, deps)
    today = prefs.today(deps.now())
    now = deps.now()
    result = parsed.parse_message(
        normalized, today=today, known_owners=known_owners(session, message.team_id)
    )
    source.text, source.updated_at = normalized, now
    source.warnings = [_warning_dict(w) for w in result.warnings]
    wanted = [r for r in result.records if isinstance(r, parsed.Decision | parsed.Action)]
    sync_records(session, deps, scope, source, wanted, message.user_id, today)
    # Meetings and agenda items from the message are replaced by the new reading.
    for meeting in queries.meetings_of_source(session, source.id):
        meeting.status = "retracted"
    for agenda_item in queries.agenda_of_source(session, source.id):
        session.delete(agenda_item)
    session.flush()
    extra: list[parsed.Record] = [
        r for r in result.records if isinstance(r, parsed.Meeting | parsed.AgendaItem)
    ]
    _store(session, deps, prefs, scope, source, extra, message.user_id, today)
    return source.id


@dataclass
class SyncResult:
    added: int = 0
    changed: int = 0
    retracted: int = 0

    @property
    def nothing(self) -> bool:
        return not (self.added or self.changed or self.retracted)


def sync_records(
    session: Session,
    deps: Deps,
    scope: Scope,
    source: SourceMessage,
    items: list[parsed.Decision | parsed.Action],
    actor: str | None,
    today: date,
) -> SyncResult:
    """Make a source's decisions and actions match a new reading of it.

    Records are matched by kind and position, so ids survive an edit; what
    changed is updated (with history), what is gone is retracted.
    """
    now = deps.now()
    outcome = SyncResult()
    old = {(r.kind, r.position): r for r in queries.records_of_source(session, source.id)}
    kept: set[int] = set()
    for position, item in enumerate(items):
        record = old.get((item.kind, position))
        if record is None:
            record = _new_record(session, scope, item, today)
            record.source_id, record.position, record.author_id = source.id, position, actor
            record.created_at = record.updated_at = now
            session.add(record)
            session.flush()
            record_service.log_change(session, record, "created", actor, now, None)
            kept.add(record.id)
            outcome.added += 1
            continue
        before = record_service.snapshot(record)
        record.text, record.item = item.text, item.item
        if record.status == "retracted":
            record.status = "open" if isinstance(record, Action) else "active"
        if isinstance(record, Action) and isinstance(item, parsed.Action):
            record.due, record.due_next_meeting = item.due, item.due_next_meeting
            _set_due_next_meeting(session, scope, record, today)
            new_owners = [(o.name, o.user_id, o.group_id) for o in item.owners]
            if [(o.name, o.user_id, o.group_id) for o in record.owners] != new_owners:
                record.owners = [
                    ActionOwner(name=n, user_id=u, group_id=g, position=i)
                    for i, (n, u, g) in enumerate(new_owners)
                ]
        if record_service.snapshot(record) != before:
            record.updated_at = now
            record_service.log_change(session, record, "edited", actor, now, before)
            outcome.changed += 1
        kept.add(record.id)
    for record in old.values():
        if record.id not in kept and record.status != "retracted":
            before = record_service.snapshot(record)
            record.status, record.updated_at = "retracted", now
            record_service.log_change(session, record, "retracted", actor, now, before)
            outcome.retracted += 1
    session.flush()
    return outcome


def edit_message(deps: Deps, message: Incoming) -> int | None:
    """`message_changed`: same as a new delivery; unchanged text changes nothing."""
    return record_message(deps, message)


def delete_message(deps: Deps, team_id: str, channel_id: str, ts: str) -> int | None:
    """`message_deleted`: retract what the message recorded (history keeps it)."""
    with transaction(deps.sessions) as session:
        source = queries.source_message(session, team_id, channel_id, ts)
        if source is None or source.deleted:
            return None
        _retract_source(session, deps, source, None, "retracted")
        source.deleted = True
        return source.id if source.reply_ts else None


def _retract_source(
    session: Session, deps: Deps, source: SourceMessage, actor: str | None, change: str
) -> int:
    now = deps.now()
    count = 0
    for record in queries.records_of_source(session, source.id):
        if record.status == "retracted":
            continue
        before = record_service.snapshot(record)
        record.status, record.updated_at = "retracted", now
        record_service.log_change(session, record, change, actor, now, before)
        count += 1
    for meeting in queries.meetings_of_source(session, source.id):
        meeting.status = "retracted"
        count += 1
    for agenda_item in queries.agenda_of_source(session, source.id):
        session.delete(agenda_item)
        count += 1
    return count


def undo(deps: Deps, scope: Scope, source_id: int, actor: str) -> int | None:
    """The Undo button: retract everything one message recorded."""
    with transaction(deps.sessions) as session:
        source = session.get(SourceMessage, source_id)
        if source is None or (source.team_id, source.channel_id) != (
            scope.team_id,
            scope.channel_id,
        ):
            return None
        _retract_source(session, deps, source, actor, "undone")
        return source.id


def scope_of_record(deps: Deps, team_id: str, record_id: int) -> Scope | None:
    """The channel of a record in this workspace (for buttons on the Home tab)."""
    with deps.sessions() as session:
        record = session.get(Record, record_id)
        if record is None or record.team_id != team_id:
            return None
        return Scope(record.team_id, record.channel_id)


def set_action_status(
    deps: Deps, scope: Scope, record_id: int, actor: str, done: bool
) -> tuple[str, Action | None]:
    """Mark an action done or open again.

    Returns ("ok" | "missing" | "not_action" | "retracted" | "same", the action).
    """
    with transaction(deps.sessions) as session:
        record = queries.record_in_scope(session, record_id, scope.team_id, scope.channel_id)
        if record is None:
            return "missing", None
        if not isinstance(record, Action):
            return "not_action", None
        if record.status == "retracted":
            return "retracted", record
        wanted = "done" if done else "open"
        if record.status == wanted:
            return "same", record
        before = record_service.snapshot(record)
        now = deps.now()
        record.status, record.updated_at = wanted, now
        record.done_at, record.done_by = (now, actor) if done else (None, None)
        record_service.log_change(
            session, record, "done" if done else "reopened", actor, now, before
        )
        return "ok", record


# --- the thread reply -------------------------------------------------------


def build_reply(deps: Deps, source_id: int) -> tuple[Reply, SourceMessage] | None:
    """The thread reply for a recorded message, rendered from what is stored now."""
    with deps.sessions() as session:
        source = session.get(SourceMessage, source_id)
        if source is None:
            return None
        prefs = channel_prefs(session, Scope(source.team_id, source.channel_id), deps)
        lang = prefs.language
        records = [record_service.view(r) for r in queries.records_of_source(session, source.id)]
        meetings = [
            meeting_service.view(m, prefs)
            for m in queries.meetings_of_source(session, source.id)
            if m.status == "active"
        ]
        agenda = [a.title for a in queries.agenda_of_source(session, source.id)]
        today = prefs.today(deps.now())
        upcoming = queries.next_meeting(session, source.team_id, source.channel_id, today)
        text = deps.renderer.render(
            lang,
            "recorded",
            records=records,
            meetings=[m for m in meetings],
            agenda=agenda,
            agenda_meeting=meeting_service.view(upcoming, prefs) if upcoming else None,
            warnings=source.warnings or [],
            deleted=source.deleted,
            today=today,
        )
        buttons: list[Button] = []
        live = [r for r in records if r.status != "retracted"]
        if (live or any(True for _ in meetings) or agenda) and not source.deleted:
            first = live[0].id if live else source.id
            buttons.append(
                Button(
                    deps.renderer.string(lang, "undo"), f"undo_{first}", str(source.id), "danger"
                )
            )
            buttons += [
                record_service.done_button(deps.renderer, lang, record.id)
                for record in live
                if record.kind == "action" and record.status == "open"
            ]
        session.expunge(source)
        return Reply(text=text, buttons=buttons[:25], ephemeral=False), source


def claim_reply(deps: Deps, source_id: int) -> bool:
    """Only one process posts the first reply for a message."""
    from sqlalchemy import update

    with transaction(deps.sessions) as session:
        claimed = session.execute(
            update(SourceMessage)
            .where(SourceMessage.id == source_id, SourceMessage.reply_ts.is_(None))
            .values(reply_ts="pending")
        )
        return bool(claimed.rowcount)  # type: ignore[attr-defined]


def save_permalink(deps: Deps, source_id: int, permalink: str) -> None:
    with transaction(deps.sessions) as session:
        source = session.get(SourceMessage, source_id)
        if source is not None:
            source.permalink = permalink[:500]


def save_reply(deps: Deps, source_id: int, reply_ts: str | None, text: str | None) -> None:
    with transaction(deps.sessions) as session:
        source = session.get(SourceMessage, source_id)
        if source is not None:
            source.reply_ts, source.reply_text = reply_ts, text


# --- the message shortcut ---------------------------------------------------


@dataclass(frozen=True)
class ManualRecord:
    """What the "Record as decision / action" modal sends back."""

    kind: str  # decision | action
    text: str
    owners: str = ""
    due: str = ""


def guess_kind(text: str) -> str:
    """Prefill for the modal: an action if the text reads like one."""
    result = parsed.parse_message(text, today=date(2000, 1, 1))
    kinds = [r.kind for r in result.records]
    if kinds:
        return "action" if "action" in kinds else "decision"
    lowered = text.lower()
    action_words = ("skal", "sender", "frist", "senest", "will", "to do", "due", "by ")
    return "action" if any(w in lowered for w in action_words) else "decision"


def validate_manual(deps: Deps, scope: Scope, form: ManualRecord) -> dict[str, str]:
    """Field -> problem code ("empty_text" or "bad_due:<text>"); empty when fine."""
    from bot.parsing.dates import DateError, parse_date

    problems: dict[str, str] = {}
    if not form.text.strip():
        problems["text"] = "empty_text"
    if form.kind == "action" and form.due.strip():
        with deps.sessions() as session:
            today = channel_prefs(session, scope, deps).today(deps.now())
        try:
            parse_date(form.due, today, deadline=True)
        except DateError:
            problems["due"] = "bad_due"
    return problems


def record_manual(
    deps: Deps, scope: Scope, message: Incoming, form: ManualRecord, actor: str
) -> int:
    """Store one decision or action picked from any message; returns the source id."""
    from bot.parsing.dates import parse_date
    from bot.parsing.owners import split_owner_names

    with transaction(deps.sessions) as session:
        channel = ensure_channel(session, scope, deps)
        prefs = prefs_for(channel, deps)
        today = prefs.today(deps.now())
        now = deps.now()
        source = queries.source_message(session, scope.team_id, scope.channel_id, message.ts)
        if source is None:
            source = new_source(
                session,
                deps,
                scope,
                message.ts,
                normalize(message.text),
                message.user_id,
                thread_ts=message.thread_ts,
            )
        position = 1000 + len(queries.records_of_source(session, source.id))
        text = form.text.strip()[:3000]
        item: parsed.Decision | parsed.Action
        if form.kind == "action":
            owners = split_owner_names(normalize(form.owners), known_owners(session, scope.team_id))
            due = parse_date(form.due, today, deadline=True) if form.due.strip() else None
            item = parsed.Action(text=text, owners=owners, due=due)
        else:
            item = parsed.Decision(text=text)
        record = _new_record(session, scope, item, today)
        record.source_id, record.position, record.author_id = source.id, position, actor
        record.created_at = record.updated_at = now
        session.add(record)
        session.flush()
        record_service.log_change(session, record, "created", actor, now, None)
        return source.id
