"""Import whole minutes into a channel: preview, store, re-import (PRODUCT.md section 3).

Storing is idempotent: the same minutes again store nothing; a corrected
version updates what changed (records matched by kind and position, like an
edited message) and says what.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.deps import Deps, Scope, Unit
from bot.documents.download import download
from bot.documents.read import DocumentError, extract_text
from bot.domain import lifecycle
from bot.domain.owners import known_names
from bot.parsing import messages as parsed
from bot.parsing.normalize import escape, without_control
from bot.parsing.owners import Owner
from bot.render import long_date, time_range
from bot.replies import Button, DatePicker, Reply
from bot.services import meetings as meeting_service
from bot.slack_port import SlackPort
from storage import imports, queries, sources
from storage.models import AgendaItem, CalendarEntry, Meeting, SourceMessage

if TYPE_CHECKING:
    from bot.parsing.minutes import Minutes

log = logging.getLogger(__name__)
MIN_PASTED_LENGTH = 600  # a pasted message shorter than this is never taken for minutes


@dataclass
class ImportOutcome:
    status: str  # stored | unchanged | updated
    decisions: int = 0
    actions: int = 0
    added: int = 0
    changed: int = 0
    retracted: int = 0
    meeting: date | None = None
    next_meeting: date | None = None
    items: int = 0
    calendar: int = 0
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["meeting"] = self.meeting.isoformat() if self.meeting else None
        data["next_meeting"] = self.next_meeting.isoformat() if self.next_meeting else None
        return data


def read(deps: Deps, scope: Scope, text: str) -> Minutes:
    with deps.unit(scope) as unit:
        return read_in(unit, text)


def read_in(unit: Unit, text: str) -> Minutes:
    known = known_names(unit.session, unit.where.team_id)
    # the minutes reader (some hundred patterns to compile) loads with the first document
    from bot.parsing.minutes import parse_minutes

    return parse_minutes(without_control(text, pages=True), today=unit.today, known_owners=known)


def looks_like_minutes(minutes: Minutes, text: str) -> bool:
    """A long pasted message the importer can make sense of."""
    return (
        len(text) >= MIN_PASTED_LENGTH
        and len(minutes.items) >= 2
        and bool(minutes.decisions or minutes.next_meeting)
    )


def _key(minutes: Minutes) -> str:
    held = minutes.meeting_date
    upcoming = minutes.next_meeting.date if minutes.next_meeting else None
    if held or upcoming:
        return f"import:{held or ''}:{upcoming or ''}"
    titles = "|".join(item.title for item in minutes.items)
    return "import:" + hashlib.sha256(titles.encode()).hexdigest()[:16]


def _fingerprint(text: str) -> str:
    return "sha256:" + hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _records(minutes: Minutes) -> list[parsed.Decision | parsed.Action]:
    out: list[parsed.Decision | parsed.Action] = [
        parsed.Decision(text=d.text, item=d.item) for d in minutes.decisions
    ]
    for action in minutes.actions:
        out.append(
            parsed.Action(
                text=action.task,
                owners=[Owner(name=o) for o in action.owners],
                due=action.due,
                due_next_meeting=action.due_next_meeting,
                item=action.item,
            )
        )
    return out


def store(
    deps: Deps,
    scope: Scope,
    text: str,
    actor: str | None,
    filename: str | None = None,
    *,
    held: date | None = None,
) -> ImportOutcome:
    """Store minutes in a channel; the same minutes twice store nothing new. `held` is the
    meeting's date as a person gave it, for minutes that do not say."""
    with deps.unit(scope, create=True) as unit:
        return store_in(unit, text, actor, held=held)


def store_in(
    unit: Unit, text: str, actor: str | None, *, held: date | None = None
) -> ImportOutcome:
    minutes = read_in(unit, text)
    if minutes.meeting_date is None and held is not None:
        minutes.meeting_date = held
    if minutes.empty:
        raise ValueError("no_structure")
    fingerprint = _fingerprint(text)
    session, scope = unit.session, unit.where
    key = _key(minutes)
    source = queries.source_message(session, scope.team_id, scope.channel_id, key)
    outcome = ImportOutcome(
        status="stored",
        decisions=len(minutes.decisions),
        actions=len(minutes.actions),
        meeting=minutes.meeting_date,
        next_meeting=minutes.next_meeting.date if minutes.next_meeting else None,
        items=len(minutes.items),
        warnings=list(minutes.warnings),
    )
    if source is not None and source.text == fingerprint:
        outcome.status = "unchanged"
        return outcome
    if source is None:
        new = sources.NewSource(scope.team_id, scope.channel_id, key, fingerprint, actor)
        source = sources.create(session, new, unit.now)
    else:
        outcome.status = "updated"
        source.text, source.updated_at = fingerprint, unit.now
    held_meeting = _store_meetings(unit, minutes, source, actor)
    outcome.calendar = _store_calendar(unit, minutes)
    where = lifecycle.Placement(
        team_id=scope.team_id,
        channel_id=scope.channel_id,
        source_id=source.id,
        actor=actor,
        now=unit.now,
        today=unit.today,
        decided_on=minutes.meeting_date,  # never a guess: without it, no date
    )
    synced = lifecycle.sync(session, where, _records(minutes))
    outcome.added, outcome.changed, outcome.retracted = (
        synced.added,
        synced.changed,
        synced.retracted,
    )
    titles = {item.number: item.title for item in minutes.items}
    for record in queries.records_of_source(session, source.id):
        major = (record.item or "").rstrip("ABCDEFGH").split(".")[0]
        record.item_title = titles.get(record.item or "") or titles.get(major)
        # the meeting these minutes record; unknown when the minutes do not say when it was
        # held (never the meeting nearest the day of the import)
        record.meeting_id = held_meeting.id if held_meeting else None
    if outcome.status == "updated" and synced.nothing:
        outcome.status = "unchanged"
    return outcome


def _store_meetings(
    unit: Unit, minutes: Minutes, source: SourceMessage, actor: str | None
) -> Meeting | None:
    """The meeting the minutes are from (if its date is known), and the next one."""
    session, scope = unit.session, unit.where
    for agenda_item in queries.agenda_of_source(session, source.id):
        session.delete(agenda_item)
    session.flush()
    held = minutes.meeting_date
    held_meeting = None
    if held is not None:
        meeting = held_meeting = meeting_service.set_meeting(
            unit,
            day=held,
            start=None,
            end=None,
            place=None,
            body=minutes.body,
            source_id=source.id,
            actor=actor,
        )
        for position, item in enumerate(minutes.items):
            session.add(
                AgendaItem(
                    team_id=scope.team_id,
                    channel_id=scope.channel_id,
                    meeting_id=meeting.id,
                    number=item.number,
                    title=item.title,
                    position=position,
                    source_id=source.id,
                )
            )
    upcoming = minutes.next_meeting
    if upcoming is not None:
        said = parsed.Meeting(date=upcoming.date, start=upcoming.start, end=upcoming.end)
        news = meeting_service.announce(
            unit, said, source_id=source.id, actor=actor, body=upcoming.body
        )
        assert news.meeting is not None
        meeting = news.meeting
        existing = {a.title for a in meeting.agenda}
        for title in upcoming.proposed_agenda:
            if title not in existing:
                session.add(
                    AgendaItem(
                        team_id=scope.team_id,
                        channel_id=scope.channel_id,
                        meeting_id=meeting.id,
                        title=title,
                        position=len(existing),
                        source_id=source.id,
                    )
                )
                existing.add(title)
    session.flush()
    return held_meeting


def _store_calendar(unit: Unit, minutes: Minutes) -> int:
    session, scope = unit.session, unit.where
    added = 0
    known = queries.calendar_days(session, scope.team_id, scope.channel_id)
    for body, days in minutes.calendar.items():
        for day in days:
            if (body, day) not in known:
                known.add((body, day))
                session.add(
                    CalendarEntry(
                        team_id=scope.team_id, channel_id=scope.channel_id, body=body, date=day
                    )
                )
                added += 1
    return added


# --- Slack: preview, confirm, cancel ------------------------------------------------

PREVIEW_SHOWN = 6  # decisions, and actions, listed on the preview; the rest are counted
PREVIEW_QUIET = 12  # agenda items named as having nothing found; the rest are counted
GLIMPSE = 160  # characters of a decision or task on the preview


def glimpse(text: str, limit: int = GLIMPSE) -> str:
    """One line of at most `limit` characters, cut at a word with `…` where it is longer."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] if " " in line[: limit - 1] else line[: limit - 1]
    return cut.rstrip(" ,;:.-–") + "…"


def create_pending(
    deps: Deps, scope: Scope, user: str, text: str, filename: str | None = None
) -> int:
    with deps.unit(scope) as unit:
        return imports.create(
            unit.session, scope.team_id, scope.channel_id, user, text, filename, unit.now
        )


def preview(deps: Deps, scope: Scope, pending_id: int) -> Reply:
    """What the import would store, with Confirm and Cancel; nothing is stored yet."""
    with deps.unit(scope) as unit:
        return _preview(unit, pending_id)


def _preview(unit: Unit, pending_id: int) -> Reply:
    deps, lang, scope = unit.deps, unit.language, unit.where
    pending = imports.find(unit.session, scope.team_id, scope.channel_id, pending_id)
    if pending is None:
        return Reply(
            text=deps.renderer.render(lang, "import_error", code="gone", detail=""), ok=False
        )
    minutes = read_in(unit, pending.text)
    if minutes.empty:
        return Reply(
            text=deps.renderer.render(lang, "import_error", code="no_structure", detail=""),
            ok=False,
        )
    owners = sorted({o for a in minutes.actions for o in a.owners})
    quiet = [i.number for i in minutes.items_without_outcome()]
    held_day = minutes.meeting_date or pending.meeting_date
    guess = minutes.meeting_date_guess if held_day is None else None
    upcoming = minutes.next_meeting
    text = deps.renderer.render(
        lang,
        "import_preview",
        m=minutes,
        filename=pending.filename,
        owners=owners,
        unassigned=sum(1 for a in minutes.actions if not a.owners),
        next_when=long_date(upcoming.date, lang) if upcoming else None,
        next_time=time_range(upcoming.start, upcoming.end, lang) if upcoming else "",
        held=long_date(held_day, lang) if held_day else None,
        given=minutes.meeting_date is None and pending.meeting_date is not None,
        guess=long_date(guess, lang) if guess else None,
        # the meeting calendar printed in the minutes, or a date in them written without a year
        guess_from_calendar="meeting_date_guessed" in minutes.warnings,
        calendar={body: len(days) for body, days in minutes.calendar.items()},
        decisions=[(d.item, glimpse(d.text)) for d in minutes.decisions[:PREVIEW_SHOWN]],
        actions=[
            (a.item, glimpse(a.task), a.owners, long_date(a.due, lang) if a.due else None)
            for a in minutes.actions[:PREVIEW_SHOWN]
        ],
        quiet=quiet[:PREVIEW_QUIET],
        more_quiet=max(0, len(quiet) - PREVIEW_QUIET),
    )
    picker = None
    if minutes.meeting_date is None:  # the person gives the date; never a guess of ours
        picker = DatePicker(
            "import_date",
            str(pending_id),
            deps.renderer.string(lang, "import_date_pick"),
            pending.meeting_date,
        )
    return Reply(
        text=text,
        date_picker=picker,
        buttons=[
            Button(
                deps.renderer.string(lang, "import_confirm"),
                "import_confirm",
                str(pending_id),
                "primary",
            ),
            Button(deps.renderer.string(lang, "import_cancel"), "import_cancel", str(pending_id)),
        ],
    )


def give_date(deps: Deps, scope: Scope, pending_id: int, day: date) -> Reply:
    """The date picker on the preview: the meeting's date as the person gives it."""
    with deps.unit(scope) as unit:
        pending = imports.find(unit.session, scope.team_id, scope.channel_id, pending_id)
        if pending is not None and pending.status == "pending":
            pending.meeting_date = day
        unit.session.flush()
        return _preview(unit, pending_id)


def confirm(
    deps: Deps, scope: Scope, pending_id: int, user: str
) -> tuple[str, ImportOutcome | None]:
    """("stored" | "already" | "cancelled" | "gone" | "no_structure", outcome). Only
    Confirm stores.

    One unit of work: the preview row is locked, the minutes stored and the row marked
    stored together, so a failure leaves the preview as it was (Confirm works again).
    """
    with deps.unit(scope, create=True) as unit:
        pending = imports.find(
            unit.session, scope.team_id, scope.channel_id, pending_id, for_update=True
        )
        if pending is None:
            return "gone", None
        if pending.status != "pending":
            return ("already" if pending.status == "stored" else "cancelled"), None
        try:
            outcome = store_in(unit, pending.text, user, held=pending.meeting_date)
        except ValueError as error:  # its preview said so, and offered no Confirm
            if str(error) != "no_structure":
                raise
            return "no_structure", None
        pending.status, pending.result = "stored", outcome.as_dict()
        return "stored", outcome


def cancel(deps: Deps, scope: Scope, pending_id: int) -> str:
    """Cancel a preview; returns what the person is told, in the channel's language."""
    with deps.unit(scope) as unit:
        pending = imports.find(unit.session, scope.team_id, scope.channel_id, pending_id)
        if pending is not None and pending.status == "pending":
            pending.status = "cancelled"
        return unit.string("import_cancelled")


# --- the JSON shape (PRODUCT.md section 10) for a dry run ------------------------------


def minutes_json(minutes: Minutes, channel: str) -> dict[str, Any]:
    def clock(value: Any) -> str | None:
        return value.strftime("%H:%M") if value else None

    meetings: list[dict[str, Any]] = []
    held = minutes.meeting_date or minutes.meeting_date_guess
    if held:
        meetings.append(
            {
                "body": minutes.body,
                "date": held.isoformat(),
                "start": None,
                "end": None,
                "place": None,
                "date_guessed": minutes.meeting_date is None,
                "agenda": [{"number": i.number, "title": i.title} for i in minutes.items],
            }
        )
    if minutes.next_meeting:
        nxt = minutes.next_meeting
        meetings.append(
            {
                "body": nxt.body,
                "date": nxt.date.isoformat(),
                "start": clock(nxt.start),
                "end": clock(nxt.end),
                "place": None,
                "next": True,
                "agenda": [
                    {"number": str(n), "title": t}
                    for n, t in enumerate(nxt.proposed_agenda, start=1)
                ],
            }
        )
    return {
        "channel": channel,
        "language": minutes.language,
        "meeting_date": minutes.meeting_date.isoformat() if minutes.meeting_date else None,
        "meeting_date_guess": (
            minutes.meeting_date_guess.isoformat() if minutes.meeting_date_guess else None
        ),
        "agenda_items": [
            {"number": i.number, "title": i.title, "sub_items": i.sub_items} for i in minutes.items
        ],
        "meetings": meetings,
        "next_meeting": meetings[-1] if minutes.next_meeting else None,
        "decisions": [
            {"id": None, "text": d.text, "item": d.item, "status": "active"}
            for d in minutes.decisions
        ],
        "actions": [
            {
                "id": None,
                "text": a.task,
                "owners": a.owners,
                "due": a.due.isoformat() if a.due else None,
                "item": a.item,
                "status": "open",
            }
            for a in minutes.actions
        ],
        "calendar": {
            body: [d.isoformat() for d in days] for body, days in minutes.calendar.items()
        },
        "warnings": minutes.warnings,
    }


# --- what Slack triggers: previews, the modal, confirm -----------------------------------


@dataclass(frozen=True)
class ImportRequest:
    """Minutes to preview for a person: already pending, or a file still to be read."""

    scope: Scope
    user: str
    pending_id: int | None = None
    file_name: str | None = None
    file_url: str | None = None

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        show_preview(deps, port, self)


def is_pasted_minutes(unit: Unit, text: str) -> bool:
    """A long message that reads as minutes (it is previewed as an import, not recorded)."""
    return len(text) >= MIN_PASTED_LENGTH and looks_like_minutes(read_in(unit, text), text)


def hold_pasted_minutes(unit: Unit, text: str, user: str) -> int:
    """Pasted minutes wait as a pending import for the person's Confirm."""
    from bot.parsing.normalize import normalize, to_plain

    scope = unit.where
    return imports.create(
        unit.session,
        scope.team_id,
        scope.channel_id,
        user,
        to_plain(normalize(text)),
        None,
        unit.now,
    )


MAX_NAME = 200  # a file name as shown and stored


def show_preview(deps: Deps, port: SlackPort, request: ImportRequest) -> None:
    """Read an uploaded file if there is one, then show the person the preview. Every
    failure gets a short answer in the person's language, never silence."""
    scope = request.scope
    name = without_control(request.file_name or "referat")[:MAX_NAME]
    try:
        pending_id = request.pending_id
        if pending_id is None:
            with deps.unit(scope) as unit:
                reading = Reply(text=unit.string("import_reading", name=escape(name)))
            port.tell(scope.channel_id, request.user, reading)
            data = download(str(request.file_url), port.token)
            text = without_control(extract_text(data, name), pages=True)
            pending_id = create_pending(deps, scope, request.user, text, name)
        port.tell(scope.channel_id, request.user, preview(deps, scope, pending_id))
    except DocumentError as error:
        _tell_problem(deps, port, request, error.code, error.detail)
    except Exception:
        log.exception("import preview failed for %s", name)
        _tell_problem(deps, port, request, "failed", "")


def _tell_problem(
    deps: Deps, port: SlackPort, request: ImportRequest, code: str, detail: str
) -> None:
    language = deps.default_language
    try:
        language = deps.language_of(request.scope)
    except Exception:  # the database may be what failed
        log.warning("no language for %s; answering in %s", request.scope, language)
    text = deps.renderer.render(language, "import_error", code=code, detail=detail)
    port.tell(request.scope.channel_id, request.user, Reply(text=text))


MODAL = "referat_import_modal"


def modal(deps: Deps, scope: Scope) -> dict[str, Any]:
    """The `/referat import` modal, in the channel's language."""
    from bot.modals import import_modal

    with deps.unit(scope) as unit:
        language = unit.language
    metadata = json.dumps({"team": scope.team_id, "channel": scope.channel_id})
    return import_modal(deps.renderer, language, MODAL, metadata)


@dataclass(frozen=True)
class ModalOutcome:
    errors: dict[str, str]  # field -> message; empty when the preview follows
    request: ImportRequest | None = None


def submit_modal(
    deps: Deps, scope: Scope, user: str, text: str, file: dict[str, Any] | None
) -> ModalOutcome:
    """The import modal: a chosen file, or pasted text that must read as minutes."""
    with deps.unit(scope) as unit:
        if file is not None:
            name = str(file.get("name") or "referat")
            url = str(file.get("url_private_download") or file.get("url_private"))
            return ModalOutcome({}, ImportRequest(scope, user, file_name=name, file_url=url))
        if not text.strip():
            return ModalOutcome({"minutes": unit.string("import_too_short")})
        if read_in(unit, text).empty:
            return ModalOutcome({"minutes": unit.string("import_no_structure")})
        pending = imports.create(
            unit.session, scope.team_id, scope.channel_id, user, text, None, unit.now
        )
        return ModalOutcome({}, ImportRequest(scope, user, pending_id=pending))


@dataclass(frozen=True)
class ConfirmOutcome:
    """After Confirm: the preview goes, and the channel is told what was stored."""

    scope: Scope
    stored: Reply | None  # posted in the channel
    problem: Reply | None  # told to the person instead

    def deliver(self, deps: Deps, port: SlackPort) -> None:
        if self.stored is None:
            port.respond(self.problem, replace=True)
            return
        port.respond(None, delete=True)
        port.post(self.scope.channel_id, self.stored)


def press_confirm(deps: Deps, scope: Scope, pending_id: int, user: str) -> ConfirmOutcome:
    status, outcome = confirm(deps, scope, pending_id, user)
    with deps.unit(scope) as unit:
        if status == "stored" and outcome is not None:
            done = unit.reply("import_done", o=outcome, user=user, today=unit.today)
            done.ephemeral = False
            return ConfirmOutcome(scope, done, None)
        key = {"already": "import_already", "cancelled": "import_cancelled"}.get(status)
        code = "no_structure" if status == "no_structure" else "gone"
        text = (
            unit.string(key)
            if key
            else unit.deps.renderer.render(unit.language, "import_error", code=code, detail="")
        )
        return ConfirmOutcome(scope, None, Reply(text=text))
