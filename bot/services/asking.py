"""Asking about a channel's records and changing their status: open items, decisions,
done / reopen, retract. Every query is limited to one workspace and channel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.deps import Scope, Unit
from bot.domain import lifecycle
from bot.domain.owners import filter_for
from bot.domain.shown import view
from bot.parsing.arguments import search_words, since_and_words, who
from bot.parsing.dates import DateError, parse_date
from bot.replies import Reply
from bot.services.answers import MAX_LINES, CommandInput, record_id, share_button
from bot.services.thread_reply import ReplyPlan, plan
from storage import lists, queries, search
from storage.models import Action, Decision


def open_items(unit: Unit, command: CommandInput, rest: str) -> Reply:
    filter_ = who(rest)
    scope = unit.where
    conditions = [lists.in_channel(scope.channel_id)]
    conditions += filter_for(scope.team_id, filter_, command.user_id, unit.today)
    found, total = lists.open_actions(unit.session, scope.team_id, conditions, MAX_LINES)
    reply = unit.reply(
        "open_items",
        actions=[view(a) for a in found],
        more=max(0, total - len(found)),
        total=total,
        filter=filter_,
        today=unit.today,
    )
    reply.buttons.append(share_button(unit, f"open-items {rest}".strip()))
    return reply


def decisions(unit: Unit, command: CommandInput, rest: str) -> Reply:
    since_text, words = since_and_words(rest)
    since: date | None = None
    if since_text:
        try:
            since = parse_date(since_text, unit.today)
        except DateError:
            return unit.reply("decisions_usage", ok=False, bad=since_text)
        if since > unit.today:  # "siden 1/3" means the last 1 March, not the next
            since = since.replace(year=since.year - 1)
    scope = unit.where
    terms = search_words(words)
    beyond = search.COUNT_BEYOND if terms else lists.COUNT_BEYOND
    if terms:
        found, total = search.search_decisions(
            unit.session, scope.team_id, scope.channel_id, terms, unit.language, since, MAX_LINES
        )
    else:
        found, total = lists.decisions(
            unit.session, scope.team_id, scope.channel_id, since, MAX_LINES
        )
    lines = [(view(d), d.decided_on, d.source.permalink if d.source else None) for d in found]
    reply = unit.reply(
        "decisions",
        lines=lines,
        words=words,
        since=since,
        more=max(0, total - len(found)),
        total=total,
        beyond=beyond,
    )
    reply.buttons.append(share_button(unit, f"decisions {rest}".strip()))
    return reply


def retract(unit: Unit, command: CommandInput, rest: str) -> tuple[Reply, ReplyPlan | None]:
    """`/referat annullér ID`; the recorded message's thread reply follows."""
    found = record_id(rest)
    if found is None:
        return unit.reply("retract_usage", ok=False), None
    scope = unit.where
    record = queries.record_in_scope(unit.session, found, scope.team_id, scope.channel_id)
    if record is None:
        return unit.reply("record_missing", ok=False, id=found), None
    if record.status == "retracted":
        return unit.reply("already_retracted", id=found), None
    lifecycle.set_status(unit.session, record, "retracted", "retracted", command.user_id, unit.now)
    unit.session.flush()
    kind = "decision" if isinstance(record, Decision) else "action"
    thread = plan(unit, record.source) if record.source is not None else None
    return unit.reply("retracted", id=found, kind=kind, user=command.user_id), thread


# --- done and reopen, by command or by button --------------------------------------


@dataclass(frozen=True)
class StatusChange:
    outcome: str  # ok | missing | not_action | retracted | same
    record_id: int
    scope: Scope | None
    reply: Reply  # what the person (or, when ok, the thread) is told
    thread: ReplyPlan | None = None  # the recorded message's reply, refreshed


def change_status(unit: Unit, record_id: int, actor: str, done: bool) -> StatusChange:
    """Mark an action done or open again, inside the request's unit of work."""
    scope = unit.where
    record = queries.record_in_scope(unit.session, record_id, scope.team_id, scope.channel_id)
    outcome = "ok"
    if record is None:
        outcome = "missing"
    elif not isinstance(record, Action):
        outcome = "not_action"
    elif record.status == "retracted":
        outcome = "retracted"
    elif record.status == ("done" if done else "open"):
        outcome = "same"
    thread = None
    if outcome == "ok" and isinstance(record, Action):
        lifecycle.set_status(
            unit.session,
            record,
            "done" if done else "open",
            "done" if done else "reopened",
            actor,
            unit.now,
        )
        unit.session.flush()
        if record.source is not None:
            thread = plan(unit, record.source)
    key = {
        "ok": "done" if done else "reopened",
        "same": "already_done" if done else "already_open",
        "missing": "missing",
        "not_action": "not_action",
        "retracted": "retracted_record",
    }[outcome]
    text = unit.string(key, id=record_id, user=actor)
    reply = Reply(text=text, ok=outcome in ("ok", "same"), ephemeral=outcome != "ok")
    return StatusChange(outcome, record_id, scope, reply, thread)
