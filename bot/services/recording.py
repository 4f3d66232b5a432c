"""Recording what channel messages say: a new message records, an edit updates what it
recorded, a delete retracts it; the message shortcut records one item by hand.

Each runs in one unit of work before Slack is answered (a failed write makes Slack
deliver the message again) and returns the plan for the thread reply, which is
posted afterwards. Records are keyed on (team, channel, ts): a second delivery
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.deps import Deps, Scope, Unit
from bot.domain import lifecycle
from bot.domain.owners import KnownNames, known_names
from bot.parsing import messages as parsed
from bot.parsing.dates import DateError, parse_date
from bot.parsing.normalize import normalize
from bot.parsing.owners import split_owner_names
from bot.services import meetings
from bot.services.importing import (
    MIN_PASTED_LENGTH,
    ImportRequest,
    hold_pasted_minutes,
    is_pasted_minutes,
)
from bot.services.thread_reply import ReplyPlan, Stored, deliver, plan, plan_new
from bot.slack_port import SlackPort
from storage import events, queries, sources
from storage.models import SourceMessage


@dataclass(frozen=True)
class Incoming:
    team_id: str
    channel_id: str
    ts: str
    user_id: str | None
    text: str
    thread_ts: str | None = None
    permalink: str | None = None
    version: str | None = None  # edited.ts of an edit; the message's own ts otherwise

    @property
    def stamp(self) -> str:
        return self.version or self.ts

    @property
    def scope(self) -> Scope:
        return Scope(self.team_id, self.channel_id)


def record_message(deps: Deps, message: Incoming) -> ReplyPlan | None:
    """A new or edited message: store what it records; the thread reply's plan."""
    normalized = normalize(message.text)
    with deps.unit(message.scope) as unit:
        result = None
        if message.version is None:  # a new message (not an edit): read it first
            result = _parse(unit, normalized)
            if not result.empty and all(
                isinstance(r, parsed.Decision | parsed.Action) for r in result.records
            ):
                planned = _record_new(unit, message, normalized, result)
                if planned is not None:
                    return planned
                # stored already (a retry, a replay, a twin): as any message seen before
        return _record(unit, message, normalized, result)


def _new_source(
    message: Incoming, normalized: str, result: parsed.ParseResult
) -> sources.NewSource:
    """The source row of a message that records something."""
    return sources.NewSource(
        message.team_id,
        message.channel_id,
        message.ts,
        normalized,
        message.user_id,
        thread_ts=message.thread_ts,
        warnings=[_warning(w) for w in result.warnings],
        permalink=message.permalink,
        version=message.stamp,
    )


def _record_new(
    unit: Unit, message: Incoming, normalized: str, result: parsed.ParseResult
) -> ReplyPlan | None:
    """A new message that records decisions and actions only, written as prebuilt Core
    statements (the message with its reply claimed, the records, owners, history); None,
    with nothing written, when the message is stored already."""
    unit.ensure_channel_row()
    source = sources.create_claimed(
        unit.session, _new_source(message, normalized, result), unit.now
    )
    if source is None:
        return None
    where = lifecycle.Placement(
        team_id=message.team_id,
        channel_id=message.channel_id,
        source_id=source.id,
        actor=message.user_id,
        now=unit.now,
        today=unit.today,
        decided_on=unit.today,
    )
    # decisions and actions count positions among themselves (see lifecycle.sync)
    items = [
        (item, position)
        for position, item in enumerate(result.records)
        if isinstance(item, parsed.Decision | parsed.Action)
    ]
    return plan_new(unit, source, lifecycle.create_all(unit.session, where, items))


def _record(
    unit: Unit, message: Incoming, normalized: str, result: parsed.ParseResult | None
) -> ReplyPlan | None:
    """Any message, as read against what is stored for its ts (`result`: its reading, if
    already made)."""
    session = unit.session
    existing = queries.source_message(session, message.team_id, message.channel_id, message.ts)
    if existing is not None:
        if existing.deleted or not newer(message.stamp, existing.version or existing.ts):
            return None  # deleted (a tombstone), the same delivery again, or an older version
        if existing.text == normalized:
            existing.version = message.stamp
            return None
        return _edit(unit, existing, message, normalized)
    if result is None:
        result = _parse(unit, normalized)
    if result.empty:
        if message.version is not None and message.version != message.ts:
            # an edit that arrives before its original and records nothing: its version
            # is kept (not its text), so the older original arriving late records nothing
            unit.ensure_channel_row()
            empty = sources.NewSource(message.team_id, message.channel_id, message.ts, "", None)
            placeholder = sources.create(session, empty, unit.now)
            placeholder.version = message.stamp
        return None
    unit.ensure_channel_row()
    new = _new_source(message, normalized, result)
    source = sources.create(session, new, unit.now, reply_claimed=True)
    stored = _store(unit, source, result.records, message.user_id)
    return plan(unit, source, stored, claimed=True)


edit_message = record_message  # `message_changed`: the same, unchanged text changes nothing


def delete_message(deps: Deps, scope: Scope, ts: str) -> ReplyPlan | None:
    """`message_deleted`: retract what the message recorded (history keeps it), and forget
    its text. A delete that arrives before the message leaves a tombstone, so the late
    message records nothing."""
    with deps.unit(scope) as unit:
        source = queries.source_message(unit.session, scope.team_id, scope.channel_id, ts)
        if source is None:
            unit.ensure_channel_row()
            gone = sources.NewSource(scope.team_id, scope.channel_id, ts, "", None)
            tombstone = sources.create(unit.session, gone, unit.now)
            tombstone.deleted = True
            return None
        if source.deleted:
            return None
        lifecycle.retract_source(unit.session, source, None, "retracted", unit.now)
        source.deleted, source.text = True, ""
        return plan(unit, source) if source.reply_ts else None


def newer(stamp: str, than: str) -> bool:
    """Slack timestamps compared as numbers ("1700000000.000200" after "…0100")."""

    def key(ts: str) -> tuple[int, int]:
        seconds, _, micro = ts.partition(".")
        return (int(seconds or 0), int((micro or "0").ljust(6, "0")[:6]))

    try:
        return key(stamp) > key(than)
    except ValueError:
        return stamp != than


def would_record(text: str, today: date) -> bool:
    """Whether a message holds something to record (read without the database)."""
    return not parsed.parse_message(text, today=today).empty


def _parse(unit: Unit, text: str) -> parsed.ParseResult:
    return parsed.parse_message(
        text, today=unit.today, known_owners=KnownNames(unit.session, unit.where.team_id)
    )


def _warning(warning: parsed.Warning) -> dict[str, str]:
    return {"code": warning.code, "detail": warning.detail, "kind": warning.kind}


def _placement(unit: Unit, source: SourceMessage, actor: str | None) -> lifecycle.Placement:
    return lifecycle.Placement(
        team_id=source.team_id,
        channel_id=source.channel_id,
        source_id=source.id,
        actor=actor,
        now=unit.now,
        today=unit.today,
        decided_on=unit.today,
    )


def _store(
    unit: Unit, source: SourceMessage, records: list[parsed.Record], actor: str | None
) -> Stored:
    where = _placement(unit, source, actor)
    stored = Stored([], [], [])
    position = -1  # decisions and actions count positions among themselves (see lifecycle.sync)
    waiting: list[tuple[parsed.Decision | parsed.Action, int]] = []  # written together
    for item in records:
        if not isinstance(item, parsed.Decision | parsed.Action):
            # a meeting or agenda item sees the records written before it, as they came
            stored.records.extend(lifecycle.create_all(unit.session, where, waiting))
            waiting = []
        if isinstance(item, parsed.Meeting):
            news = meetings.announce(unit, item, source_id=source.id, actor=actor)
            if news.meeting is not None and news.meeting.status == "active":
                stored.meetings.append(news.meeting)
            note = news.note()
            if note is not None:
                source.warnings = [*(source.warnings or []), note]
        elif isinstance(item, parsed.AgendaItem):
            meetings.add_agenda_item(unit, item.title, source_id=source.id)
            stored.agenda.append(item.title)
        else:
            position += 1
            waiting.append((item, position))
    stored.records.extend(lifecycle.create_all(unit.session, where, waiting))
    unit.session.flush()
    return stored


def _edit(
    unit: Unit, source: SourceMessage, message: Incoming, normalized: str
) -> ReplyPlan | None:
    """An edited message: records are updated in place, matched by kind and position."""
    result = _parse(unit, normalized)
    # The message's word about meetings is taken back first (a moved meeting goes back;
    # one it set stays to be moved by the new reading), then the new reading is stored.
    says_meeting = any(isinstance(r, parsed.Meeting) for r in result.records)
    lifecycle.withdraw_meetings(unit.session, source, now=unit.now, keep=says_meeting)
    source.text, source.updated_at, source.version = normalized, unit.now, message.stamp
    source.warnings = [_warning(w) for w in result.warnings]
    wanted = [r for r in result.records if isinstance(r, parsed.Decision | parsed.Action)]
    lifecycle.sync(unit.session, _placement(unit, source, message.user_id), wanted)
    for agenda_item in queries.agenda_of_source(unit.session, source.id):
        unit.session.delete(agenda_item)
    unit.session.flush()
    extra: list[parsed.Record] = [
        r for r in result.records if isinstance(r, parsed.Meeting | parsed.AgendaItem)
    ]
    _store(unit, source, extra, message.user_id)
    return plan(unit, source)


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
    from bot.parsing.lexicon import words

    result = parsed.parse_message(text, today=date(2000, 1, 1))
    kinds = [r.kind for r in result.records]
    if kinds:
        return "action" if "action" in kinds else "decision"
    lowered = f" {text.lower()} "
    return "action" if any(f" {w} " in lowered for w in words("ACTION_HINTS")) else "decision"


def shortcut_language(deps: Deps, scope: Scope) -> str:
    with deps.unit(scope) as unit:
        return unit.language


@dataclass(frozen=True)
class ManualOutcome:
    problems: dict[str, str]  # field -> problem code; empty when stored
    language: str
    reply: ReplyPlan | None = None

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        deliver(deps, port, self.reply)


def record_manual(deps: Deps, message: Incoming, form: ManualRecord, actor: str) -> ManualOutcome:
    """Store one decision or action picked from any message (or say what is wrong)."""
    with deps.unit(message.scope) as unit:
        problems: dict[str, str] = {}
        if not form.text.strip():
            problems["text"] = "empty_text"
        due: date | None = None
        if form.kind == "action" and form.due.strip():
            try:
                due = parse_date(form.due, unit.today, deadline=True)
            except DateError:
                problems["due"] = "bad_due"
        if problems:
            return ManualOutcome(problems, unit.language)
        unit.ensure_channel_row()
        session, scope = unit.session, unit.where
        source = queries.source_message(session, scope.team_id, scope.channel_id, message.ts)
        if source is None:
            new = sources.NewSource(
                scope.team_id,
                scope.channel_id,
                message.ts,
                normalize(message.text),
                message.user_id,
                thread_ts=message.thread_ts,
            )
            source = sources.create(session, new, unit.now)
        position = 1000 + len(queries.records_of_source(session, source.id))
        text = form.text.strip()[:3000]
        item: parsed.Decision | parsed.Action
        if form.kind == "action":
            owners = split_owner_names(normalize(form.owners), known_names(session, scope.team_id))
            item = parsed.Action(text=text, owners=owners, due=due)
        else:
            item = parsed.Decision(text=text)
        lifecycle.create(session, _placement(unit, source, actor), item, position)
        return ManualOutcome({}, unit.language, plan(unit, source))


# --- a message event, whatever it holds ------------------------------------------------


@dataclass(frozen=True)
class MessageOutcome:
    """What happens after Slack has its answer: the thread reply, an import preview."""

    thread: ReplyPlan | None = None
    preview: ImportRequest | None = None

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        deliver(deps, port, self.thread)
        if self.preview is not None:
            self.preview.deliver(deps, port)


def receive(
    deps: Deps,
    message: Incoming,
    *,
    event_id: str | None,
    file: dict[str, str] | None = None,
) -> MessageOutcome:
    """A new message: minutes to preview (uploaded with "referat", or pasted), and the
    lines that record something."""
    user = message.user_id or ""
    preview = None
    if file is not None or len(message.text) >= MIN_PASTED_LENGTH:
        with deps.unit(message.scope) as unit:
            fresh = first_delivery(unit, event_id)
            if file is None and is_pasted_minutes(unit, message.text):
                if not fresh:
                    return MessageOutcome()
                pending = hold_pasted_minutes(unit, message.text, user)
                return MessageOutcome(None, ImportRequest(message.scope, user, pending_id=pending))
            if file is not None and fresh:
                preview = ImportRequest(
                    message.scope, user, file_name=file["name"], file_url=file["url"]
                )
    return MessageOutcome(record_message(deps, message), preview)


def first_delivery(unit: Unit, event_id: str | None) -> bool:
    """Claim an event id in this unit of work; False for a retry or a replay."""
    if not event_id:
        return True
    return events.claim(unit.session, event_id, unit.where.team_id, unit.now)


def was_answered(deps: Deps, scope: Scope, event_id: str | None) -> bool:
    """For questions: True when this event was seen before (answer it once)."""
    with deps.unit(scope) as unit:
        return not first_delivery(unit, event_id)
