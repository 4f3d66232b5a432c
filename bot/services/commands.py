"""`/referat …` and questions in plain words: one unit of work per request, the
subcommand found in a table, one typed outcome for what happens after the answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import directory
from bot.deps import Deps, Unit
from bot.parsing.commands import nearest_command, split_command
from bot.parsing.intents import closest, intent_of
from bot.parsing.normalize import without_control
from bot.replies import Reply
from bot.services import asking, calendar, exports, home, meetings, settings
from bot.services.answers import CommandInput, Subcommand, record_id
from bot.services.recording import was_answered
from bot.services.thread_reply import ReplyPlan, deliver
from bot.slack_port import SlackPort
from storage import events


@dataclass
class CommandOutcome:
    """The answer, and what to do once Slack has it."""

    command: CommandInput
    reply: Reply
    export: str | None = None  # what `/referat eksport …` asked for: files to build and upload
    changed_action: int | None = None  # refresh the Home tabs this action shows on
    thread: ReplyPlan | None = None  # the recorded message's reply, refreshed
    tell: list[tuple[str, Reply]] = field(default_factory=list)  # direct messages to people

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        scope = self.command.scope
        deliver(deps, port, self.thread)
        for person, said in self.tell:
            port.direct(person, said)
        if self.changed_action is not None:
            home.refresh_for_action(
                deps, port, scope.team_id, self.changed_action, also=self.command.user_id
            )
        if self.export is not None:
            directory.refresh_channel(deps, port.client, scope)  # names, not ids
            for file in exports.files_for(deps, scope, self.export):
                port.upload(scope.channel_id, file.filename, file.content, file.title)


@dataclass(frozen=True)
class QuestionOutcome:
    """A question by mention or direct message, answered (in its thread) after the ack."""

    command: CommandInput
    thread_ts: str | None
    duplicate: bool

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        if self.duplicate:
            return
        answered = ask(deps, self.command)
        port.post(self.command.scope.channel_id, answered.reply, thread_ts=self.thread_ts)
        answered.deliver(deps, port)


def question(
    deps: Deps, command: CommandInput, event_id: str | None, thread_ts: str | None
) -> QuestionOutcome:
    """The fast half of a question: note the event, so a retry is not answered twice. A
    mention that records something (`@referat Beslutning: …`) is answered by the thread
    reply the message gets, not a second time here."""
    if records_something(command.text):
        return QuestionOutcome(command, thread_ts, duplicate=True)
    return QuestionOutcome(command, thread_ts, was_answered(deps, command.scope, event_id))


def records_something(text: str) -> bool:
    from datetime import date

    from bot.parsing.messages import parse_message

    return bool(parse_message(text, today=date(2000, 1, 1)).records)


# subcommands that change something: a replayed invocation (the same trigger id) changes
# nothing the second time
CHANGES = {"meeting", "agenda", "done", "reopen", "retract", "owner", "language", "reminders"}
# subcommands that only read: their unit of work opens no transaction on the server
READS = {"help", "import", "next_meeting", "open_items", "decisions"}


def run(deps: Deps, command: CommandInput) -> CommandOutcome:
    key, word, rest = split_command(without_control(command.text))
    with deps.unit(command.scope, read_only=key is None or key in READS) as unit:
        if key is None:
            near = nearest_command(word)
            return CommandOutcome(
                command, unit.reply("unknown_command", ok=False, word=word, nearest=near)
            )
        if key in CHANGES and command.invocation and rest.strip():
            if not events.claim(unit.session, f"cmd:{command.invocation}", None, unit.now):
                return CommandOutcome(command, Reply(text=unit.string("command_replayed")))
        if key in ("done", "reopen"):
            return _status(unit, command, rest, done=key == "done")
        if key == "retract":
            reply, thread = asking.retract(unit, command, rest)
            return CommandOutcome(command, reply, thread=thread)
        if key == "owner":
            said, told = settings.owner(unit, command, rest)
            return CommandOutcome(command, said, tell=[told] if told else [])
        reply = SUBCOMMANDS[key](unit, command, rest)
        if key == "export" and reply.ok:
            return CommandOutcome(command, reply, export=rest)
        return CommandOutcome(command, reply)


def ask(deps: Deps, command: CommandInput) -> CommandOutcome:
    """A question in plain words (a mention or a direct message)."""
    wanted = intent_of(command.text)
    if wanted is None:
        with deps.unit(command.scope) as unit:
            nearest = closest(command.text, unit.language)
            return CommandOutcome(command, unit.reply("unknown_question", suggestions=nearest))
    outcome = run(deps, CommandInput(command.scope, command.user_id, wanted))
    outcome.reply.buttons = [b for b in outcome.reply.buttons if b.action_id != "share"]
    return outcome


def _status(unit: Unit, command: CommandInput, rest: str, *, done: bool) -> CommandOutcome:
    found = record_id(rest)
    if found is None:
        return CommandOutcome(command, unit.reply("id_usage", ok=False, done=done))
    change = asking.change_status(unit, found, command.user_id, done)
    changed = change.record_id if change.outcome == "ok" else None
    return CommandOutcome(command, change.reply, changed_action=changed, thread=change.thread)


def help_(unit: Unit, command: CommandInput, rest: str) -> Reply:
    return unit.reply("help")


def import_(unit: Unit, command: CommandInput, rest: str) -> Reply:
    """Reached from a question or a shared answer; in Slack the command opens a modal."""
    return unit.reply("import_help")


SUBCOMMANDS: dict[str, Subcommand] = {
    "help": help_,
    "import": import_,
    "next_meeting": meetings.next_meeting,
    "meeting": meetings.meeting,
    "agenda": meetings.agenda,
    "open_items": asking.open_items,
    "decisions": asking.decisions,
    "language": settings.language,
    "reminders": settings.reminders,
    "digest": settings.digest,
    "export": exports.command,
    "calendar": calendar.command,
}
