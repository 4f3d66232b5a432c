"""`/referat …`: each subcommand is a function returning a Reply. No Slack here."""

from __future__ import annotations

from bot.parsing.commands import split_command
from bot.parsing.messages import parse_meeting_text
from bot.replies import Reply
from bot.services import asking, recording, settings
from bot.services import meetings as meeting_service
from bot.services import records as record_service
from bot.services.command_base import CommandInput, Handler, share_button, text_reply
from bot.services.deps import Deps, Prefs, channel_prefs, ensure_channel, prefs_for
from storage import queries
from storage.session import transaction


def ask(deps: Deps, command: CommandInput) -> Reply:
    """A question in plain words (a mention or a direct message)."""
    from bot.parsing.intents import intent_of

    wanted = intent_of(command.text)
    if wanted is None:
        with deps.sessions() as session:
            prefs = channel_prefs(session, command.scope, deps)
        return _text(deps, prefs, "unknown_question")
    reply = run(deps, CommandInput(command.scope, command.user_id, wanted))
    reply.buttons = [b for b in reply.buttons if b.action_id != "share"]
    return reply


def run(deps: Deps, command: CommandInput) -> Reply:
    key, word, rest = split_command(command.text)
    with deps.sessions() as session:
        prefs = channel_prefs(session, command.scope, deps)
    if key is None:
        return _text(deps, prefs, "unknown_command", ok=False, word=word)
    return HANDLERS[key](deps, command, rest, prefs)


_text = text_reply


def help_(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    return _text(deps, prefs, "help")


def next_meeting(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    scope = command.scope
    today = prefs.today(deps.now())
    with deps.sessions() as session:
        upcoming = queries.next_meeting(session, scope.team_id, scope.channel_id, today)
        if upcoming is None:
            last = queries.last_meeting(session, scope.team_id, scope.channel_id, today)
            return _text(
                deps,
                prefs,
                "no_next_meeting",
                last=meeting_service.view(last, prefs) if last else None,
                today=today,
            )
        due = queries.open_actions_due_by(session, scope.team_id, scope.channel_id, upcoming.date)
        reply = _text(
            deps,
            prefs,
            "next_meeting",
            m=meeting_service.view(upcoming, prefs),
            today=today,
            actions=[record_service.view(a) for a in due],
        )
    reply.buttons.append(_share_button(deps, prefs, "next-meeting"))
    return reply


_share_button = share_button


def set_meeting(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    if not rest:
        return _text(deps, prefs, "meeting_usage", ok=False, problem=None)
    today = prefs.today(deps.now())
    parsed, warnings = parse_meeting_text(rest, today=today)
    if parsed is None:
        bad = next((w.detail for w in warnings if w.code == "bad_date"), None)
        return _text(deps, prefs, "meeting_usage", ok=False, problem=bad or rest)
    if parsed.date < today:
        return _text(deps, prefs, "meeting_in_past", ok=False, day=parsed.date)
    with transaction(deps.sessions) as session:
        channel = ensure_channel(session, command.scope, deps)
        prefs = prefs_for(channel, deps)
        meeting = meeting_service.set_meeting(
            session,
            command.scope,
            deps,
            prefs,
            day=parsed.date,
            start=parsed.start,
            end=parsed.end,
            place=parsed.place,
            actor=command.user_id,
        )
        view = meeting_service.view(meeting, prefs)
    return _text(deps, prefs, "meeting_set", m=view, today=today)


def _status(done: bool) -> Handler:
    def handler(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
        raw = rest.lstrip("#").strip()
        if not raw.isdigit():
            return _text(deps, prefs, "id_usage", ok=False, done=done)
        record_id = int(raw)
        outcome, _ = recording.set_action_status(
            deps, command.scope, record_id, command.user_id, done
        )
        return status_reply(deps, prefs, outcome, record_id, command.user_id, done)

    return handler


def status_reply(
    deps: Deps, prefs: Prefs, outcome: str, record_id: int, user: str, done: bool
) -> Reply:
    key = {
        "ok": "done" if done else "reopened",
        "same": "already_done" if done else "already_open",
        "missing": "missing",
        "not_action": "not_action",
        "retracted": "retracted_record",
    }[outcome]
    text = deps.renderer.string(prefs.language, key, id=record_id, user=user)
    return Reply(text=text, ok=outcome in ("ok", "same"), ephemeral=outcome != "ok")


def import_(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    """Reached from a question or a shared answer; in Slack the command opens a modal."""
    return _text(deps, prefs, "import_help")


def export(deps: Deps, command: CommandInput, rest: str, prefs: Prefs) -> Reply:
    from bot.services.exports import FORMATS
    from bot.services.exports import export as build

    fmt = (rest.strip().lower() or "csv").lstrip(".")
    if fmt not in FORMATS:
        return _text(deps, prefs, "export_usage", ok=False)
    file = build(deps, command.scope, fmt)
    reply = _text(deps, prefs, "export_started", name=file.filename)
    reply.attachment = file
    return reply


HANDLERS: dict[str, Handler] = {
    "import": import_,
    "open_items": asking.open_items,
    "decisions": asking.decisions,
    "retract": asking.retract,
    "agenda": asking.agenda,
    "owner": settings.owner,
    "export": export,
    "language": settings.language,
    "reminders": settings.reminders,
    "digest": settings.digest,
    "help": help_,
    "next_meeting": next_meeting,
    "meeting": set_meeting,
    "done": _status(True),
    "reopen": _status(False),
}
