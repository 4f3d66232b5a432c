"""Import whole minutes into a channel: preview, store, re-import (PRODUCT.md section 3).

Storing is idempotent: the same minutes again store nothing; a corrected
version updates what changed (records matched by kind and position, like an
edited message) and says what.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.parsing import messages as parsed
from bot.parsing.minutes import Minutes, parse_minutes
from bot.parsing.owners import Owner
from bot.render import long_date, time_range
from bot.replies import Button, Reply
from bot.services import meetings as meeting_service
from bot.services.deps import Deps, Prefs, Scope, channel_prefs, ensure_channel, prefs_for
from bot.services.recording import known_owners, new_source, sync_records
from storage import queries
from storage.models import AgendaItem, CalendarEntry, Meeting, PendingImport, SourceMessage
from storage.session import transaction

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
    with deps.sessions() as session:
        prefs = channel_prefs(session, scope, deps)
        known = known_owners(session, scope.team_id)
    return parse_minutes(text, today=prefs.today(deps.now()), known_owners=known)


def looks_like_minutes(minutes: Minutes, text: str) -> bool:
    """A long pasted message the importer can make sense of."""
    return (
        len(text) >= MIN_PASTED_LENGTH
        and len(minutes.items) >= 2
        and bool(minutes.decisions or minutes.next_meeting)
    )


def _key(minutes: Minutes) -> str:
    held = minutes.meeting_date or minutes.meeting_date_guess
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
    deps: Deps, scope: Scope, text: str, actor: str | None, filename: str | None = None
) -> ImportOutcome:
    """Store minutes in a channel; the same minutes twice store nothing new."""
    minutes = read(deps, scope, text)
    if minutes.empty:
        raise ValueError("no_structure")
    fingerprint = _fingerprint(text)
    with transaction(deps.sessions) as session:
        channel = ensure_channel(session, scope, deps)
        prefs = prefs_for(channel, deps)
        today = prefs.today(deps.now())
        key = _key(minutes)
        source = queries.source_message(session, scope.team_id, scope.channel_id, key)
        outcome = ImportOutcome(
            status="stored",
            decisions=len(minutes.decisions),
            actions=len(minutes.actions),
            meeting=minutes.meeting_date or minutes.meeting_date_guess,
            next_meeting=minutes.next_meeting.date if minutes.next_meeting else None,
            items=len(minutes.items),
            warnings=list(minutes.warnings),
        )
        now = deps.now()
        if source is not None and source.text == fingerprint:
            outcome.status = "unchanged"
            return outcome
        if source is None:
            source = new_source(session, deps, scope, key, fingerprint, actor)
        else:
            outcome.status = "updated"
            source.text, source.updated_at = fingerprint, now
        held_meeting = _store_meetings(session, deps, scope, prefs, minutes, source, actor)
        outcome.calendar = _store_calendar(session, scope, minutes)
        synced = sync_records(session, deps, scope, source, _records(minutes), actor, today)
        outcome.added, outcome.changed, outcome.retracted = (
            synced.added,
            synced.changed,
            synced.retracted,
        )
        titles = {item.number: item.title for item in minutes.items}
        for record in queries.records_of_source(session, source.id):
            major = (record.item or "").rstrip("ABCDEFGH").split(".")[0]
            record.item_title = titles.get(record.item or "") or titles.get(major)
            record.meeting_id = held_meeting.id if held_meeting else record.meeting_id
        if outcome.status == "updated" and synced.nothing:
            outcome.status = "unchanged"
        return outcome


def _store_meetings(
    session: Session,
    deps: Deps,
    scope: Scope,
    prefs: Prefs,
    minutes: Minutes,
    source: SourceMessage,
    actor: str | None,
) -> Meeting | None:
    """The meeting the minutes are from (if its date is known), and the next one."""
    for agenda_item in queries.agenda_of_source(session, source.id):
        session.delete(agenda_item)
    session.flush()
    held = minutes.meeting_date or minutes.meeting_date_guess
    held_meeting = None
    if held is not None:
        meeting = held_meeting = meeting_service.set_meeting(
            session,
            scope,
            deps,
            prefs,
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
        meeting = meeting_service.set_meeting(
            session,
            scope,
            deps,
            prefs,
            day=upcoming.date,
            start=upcoming.start,
            end=upcoming.end,
            place=None,
            body=upcoming.body,
            source_id=source.id,
            actor=actor,
        )
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


def _store_calendar(session: Session, scope: Scope, minutes: Minutes) -> int:
    added = 0
    for body, days in minutes.calendar.items():
        for day in days:
            exists = session.scalar(
                select(CalendarEntry.id).where(
                    CalendarEntry.team_id == scope.team_id,
                    CalendarEntry.channel_id == scope.channel_id,
                    CalendarEntry.body == body,
                    CalendarEntry.date == day,
                )
            )
            if exists is None:
                session.add(
                    CalendarEntry(
                        team_id=scope.team_id, channel_id=scope.channel_id, body=body, date=day
                    )
                )
                added += 1
    return added


# --- Slack: preview, confirm, cancel ------------------------------------------------


def create_pending(
    deps: Deps, scope: Scope, user: str, text: str, filename: str | None = None
) -> int:
    with transaction(deps.sessions) as session:
        pending = PendingImport(
            team_id=scope.team_id,
            channel_id=scope.channel_id,
            user_id=user,
            filename=filename,
            text=text,
            status="pending",
            created_at=deps.now(),
        )
        session.add(pending)
        session.flush()
        return pending.id


def find_pending(deps: Deps, scope: Scope, text: str) -> int | None:
    with deps.sessions() as session:
        return session.scalar(
            select(PendingImport.id)
            .where(
                PendingImport.team_id == scope.team_id,
                PendingImport.channel_id == scope.channel_id,
                PendingImport.text == text,
            )
            .limit(1)
        )


def preview(deps: Deps, scope: Scope, pending_id: int) -> Reply:
    """What the import would store, with Confirm and Cancel; nothing is stored yet."""
    with deps.sessions() as session:
        pending = session.get(PendingImport, pending_id)
        prefs = channel_prefs(session, scope, deps)
    lang = prefs.language
    if pending is None or (pending.team_id, pending.channel_id) != (
        scope.team_id,
        scope.channel_id,
    ):
        return Reply(
            text=deps.renderer.render(lang, "import_error", code="gone", detail=""), ok=False
        )
    minutes = read(deps, scope, pending.text)
    if minutes.empty:
        return Reply(
            text=deps.renderer.render(lang, "import_error", code="no_structure", detail=""),
            ok=False,
        )
    owners = sorted({o for a in minutes.actions for o in a.owners})
    held_day = minutes.meeting_date or minutes.meeting_date_guess
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
        calendar={body: len(days) for body, days in minutes.calendar.items()},
    )
    return Reply(
        text=text,
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


def confirm(
    deps: Deps, scope: Scope, pending_id: int, user: str
) -> tuple[str, ImportOutcome | None]:
    """("stored" | "already" | "cancelled" | "gone", outcome). Only Confirm stores."""
    with transaction(deps.sessions) as session:
        pending = session.get(PendingImport, pending_id, with_for_update=True)
        if pending is None or (pending.team_id, pending.channel_id) != (
            scope.team_id,
            scope.channel_id,
        ):
            return "gone", None
        if pending.status != "pending":
            return ("already" if pending.status == "stored" else "cancelled"), None
        pending.status = "storing"
        text, filename = pending.text, pending.filename
    try:
        outcome = store(deps, scope, text, user, filename)
    except Exception:
        with transaction(deps.sessions) as session:
            again = session.get(PendingImport, pending_id)
            if again is not None:
                again.status = "pending"
        raise
    with transaction(deps.sessions) as session:
        done = session.get(PendingImport, pending_id)
        if done is not None:
            done.status, done.result = "stored", outcome.as_dict()
    return "stored", outcome


def cancel(deps: Deps, scope: Scope, pending_id: int) -> bool:
    with transaction(deps.sessions) as session:
        pending = session.get(PendingImport, pending_id)
        if pending is None or pending.status != "pending" or pending.channel_id != scope.channel_id:
            return False
        pending.status = "cancelled"
        return True


def outcome_reply(deps: Deps, scope: Scope, outcome: ImportOutcome, user: str) -> Reply:
    with deps.sessions() as session:
        lang = channel_prefs(session, scope, deps).language
    return Reply(
        text=deps.renderer.render(lang, "import_done", o=outcome, user=user), ephemeral=False
    )


def meeting_of(session: Session, scope: Scope, day: date) -> Meeting | None:
    return queries.meeting_on(session, scope.team_id, scope.channel_id, day)


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
