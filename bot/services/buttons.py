"""The buttons people press on the bot's messages and Home tab: Done / Reopen, Undo, and
Share (an ephemeral answer posted for everyone)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.deps import Deps, Scope
from bot.domain import lifecycle
from bot.replies import Reply
from bot.services import home
from bot.services.answers import CommandInput
from bot.services.asking import StatusChange, change_status
from bot.services.thread_reply import ReplyPlan, deliver, plan
from bot.slack_port import SlackPort
from storage import queries
from storage.models import RecordChange


@dataclass(frozen=True)
class StatusPress:
    change: StatusChange
    team_id: str
    user: str
    from_home: bool
    thread_ts: str | None

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        change = self.change
        if change.outcome == "ok" or self.from_home:
            home.refresh_for_action(deps, port, self.team_id, change.record_id, also=self.user)
        if change.scope is None:
            return
        if not self.from_home:
            if change.reply.ephemeral:
                port.respond(change.reply)
            else:
                port.post(change.scope.channel_id, change.reply, thread_ts=self.thread_ts)
        deliver(deps, port, change.thread)


def press_status(
    deps: Deps,
    team_id: str,
    scope: Scope | None,
    record_id: int,
    user: str,
    *,
    done: bool,
    from_home: bool,
    thread_ts: str | None,
) -> StatusPress:
    """Done / Reopen in a channel, or on the Home tab (the record says where it lives)."""
    if scope is None:
        with deps.unit() as unit:
            record = queries.record_in_team(unit.session, team_id, record_id)
            scope = Scope(record.team_id, record.channel_id) if record else None
    if scope is None:
        missing = StatusChange("missing", record_id, None, Reply(text="", ok=False))
        return StatusPress(missing, team_id, user, from_home, thread_ts)
    with deps.unit(scope) as unit:
        change = change_status(unit, record_id, user, done)
    return StatusPress(change, team_id, user, from_home, thread_ts)


@dataclass(frozen=True)
class UndoPress:
    scope: Scope
    said: Reply | None  # "@x undid this" in the thread
    thread_ts: str | None
    thread: ReplyPlan | None
    answer: Reply | None = None  # only to the person who pressed: nothing to undo

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        if self.answer is not None:
            port.respond(self.answer)
        if self.said is not None:
            port.post(self.scope.channel_id, self.said, thread_ts=self.thread_ts)
        deliver(deps, port, self.thread)


def press_undo(
    deps: Deps, scope: Scope, source_id: int, user: str, thread_ts: str | None
) -> UndoPress:
    """Undo takes back the last step: an action just marked done (or reopened) goes back;
    otherwise everything the message recorded is withdrawn (history keeps it)."""
    with deps.unit(scope) as unit:
        session = unit.session
        source = queries.source_by_id(session, scope.team_id, scope.channel_id, source_id)
        if source is None:
            nothing = Reply(text=unit.string("undo_missing"), ok=False)
            return UndoPress(scope, None, thread_ts, None, nothing)
        latest = last_step(queries.latest_changes_of_source(session, source.id))
        record = latest.record if latest is not None else None
        if latest is not None and record is not None and latest.change in ("done", "reopened"):
            back = "open" if latest.change == "done" else "done"
            if record.status != back:
                lifecycle.set_status(session, record, back, f"undo_{latest.change}", user, unit.now)
                session.flush()
                text = unit.string(f"undone_{latest.change}", user=user, id=record.id)
                went_back = Reply(text=text, ephemeral=False)
                return UndoPress(scope, went_back, thread_ts, plan(unit, source))
        lifecycle.retract_source(session, source, user, "undone", unit.now)
        session.flush()
        said = Reply(text=unit.string("undone", user=user), ephemeral=False)
        return UndoPress(scope, said, thread_ts, plan(unit, source))


def last_step(changes: Sequence[RecordChange]) -> RecordChange | None:
    """The newest status change not already undone (`undo_done` cancels a `done`)."""
    undone: dict[tuple[int, str], int] = {}
    for change in changes:  # newest first
        if change.change.startswith("undo_"):
            key = (change.record_id, change.change.removeprefix("undo_"))
            undone[key] = undone.get(key, 0) + 1
            continue
        key = (change.record_id, change.change)
        if undone.get(key):
            undone[key] -= 1
            continue
        return change
    return None


@dataclass(frozen=True)
class SharePress:
    scope: Scope
    reply: Reply

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        port.post(self.scope.channel_id, self.reply)
        port.respond(None, delete=True)


def press_share(deps: Deps, scope: Scope, user: str, command_text: str) -> SharePress:
    from bot.services.commands import run

    outcome = run(deps, CommandInput(scope, user, command_text))
    outcome.reply.buttons = [b for b in outcome.reply.buttons if b.action_id != "share"]
    outcome.reply.ephemeral = False
    return SharePress(scope, outcome.reply)
