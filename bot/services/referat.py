"""The referat of one meeting in the seeds' layout (PRODUCT.md section 4): body, date,
time and place, then "Punkt N. Titel" with its Beslutning bullets and its actions (owner,
deadline), "Næste møde" and the meeting calendar. Records are chosen by the meeting they
belong to (`records.meeting_id`, else the day they were decided), never by when they were
stored. One template per language writes the Markdown; the Word file is built from the
same text, with real headings and bullets (python-docx)."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.deps import Deps, Scope, Unit
from bot.domain.names import Names, names_for
from bot.domain.shown import MeetingView, meeting_view
from bot.parsing.dates import DateError, parse_date
from bot.replies import Reply
from storage import documents
from storage.models import Action, AgendaItem, Decision, Meeting


@dataclass(frozen=True)
class Document:
    filename: str
    content: str | bytes
    title: str


@dataclass
class Task:
    text: str
    owners: list[str]
    due: date | None
    due_next_meeting: bool
    done: bool


@dataclass
class Part:
    """An item, or one lettered part of it (`2A`): its decisions and actions."""

    label: str  # "" for the item itself, "A" for 2A
    decisions: list[str] = field(default_factory=list)
    actions: list[Task] = field(default_factory=list)


@dataclass
class Point:
    number: str  # "" for records without an agenda item
    title: str
    parts: list[Part] = field(default_factory=list)

    def part(self, label: str) -> Part:
        for part in self.parts:
            if part.label == label:
                return part
        self.parts.append(Part(label))
        return self.parts[-1]


@dataclass
class Referat:
    meeting: MeetingView
    points: list[Point]
    next_meeting: MeetingView | None
    calendar: list[tuple[str, list[date]]]
    year: int


_ITEM = re.compile(r"^(?P<number>\d+)\s*(?P<label>[A-Za-z]?)")


def _split_item(item: str | None) -> tuple[str, str]:
    match = _ITEM.match(item or "")
    if not match:
        return "", ""
    return match.group("number"), match.group("label").upper()


def _number_key(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10_000, number)


def build(
    meeting: Meeting,
    agenda: Sequence[AgendaItem],
    decisions: Sequence[Decision],
    actions: Sequence[Action],
    shown: Names,
    after: MeetingView | None,
    calendar: list[tuple[str, list[date]]],
    view: MeetingView,
) -> Referat:
    """The referat's structure: every agenda item in order, with what was decided under it."""
    points: dict[str, Point] = {}
    for i, item in enumerate(agenda):
        number = item.number or str(i + 1)
        points.setdefault(number, Point(number, item.title))
    for record in [*decisions, *actions]:
        number, label = _split_item(record.item)
        if number not in points:
            points[number] = Point(number, record.item_title or "")
        part = points[number].part(label)
        if isinstance(record, Action):
            part.actions.append(
                Task(
                    text=record.text,
                    owners=shown.owners(list(record.owners)),
                    due=record.due,
                    due_next_meeting=bool(record.due_next_meeting),
                    done=record.status == "done",
                )
            )
        else:
            part.decisions.append(record.text)
    for point in points.values():
        point.parts.sort(key=lambda p: p.label)
    ordered = sorted(points.values(), key=lambda p: _number_key(p.number))
    return Referat(view, ordered, after, calendar, meeting.date.year)


def _meeting_for(unit: Unit, argument: str) -> tuple[Meeting | None, date | None]:
    """The meeting asked for (a date), or the last one held; (None, day) if none that day."""
    scope = unit.where
    if not argument.strip():
        held = documents.last_meeting_held(
            unit.session, scope.team_id, scope.channel_id, unit.today
        )
        return held, None
    day = parse_date(argument, unit.today)
    return documents.meeting_held_on(unit.session, scope.team_id, scope.channel_id, day), day


def command(unit: Unit, argument: str) -> Reply:
    """`/referat eksport referat [DATO]`: say which meeting, or why there is none."""
    try:
        meeting, day = _meeting_for(unit, argument)
    except DateError as error:
        return unit.reply("referat_no_meeting", ok=False, day=None, text=error.text)
    if meeting is None:
        return unit.reply("referat_no_meeting", ok=False, day=day, text=argument.strip())
    return unit.reply("referat_started", day=meeting.date, body=meeting.body)


def files(deps: Deps, scope: Scope, argument: str) -> list[Document]:
    """The referat as Word and Markdown (nothing if the meeting is not found)."""
    with deps.unit(scope) as unit:
        try:
            meeting, _ = _meeting_for(unit, argument)
        except DateError:
            return []
        if meeting is None:
            return []
        markdown = render(unit, meeting)
        name = f"referat-{meeting.date.isoformat()}"
        title = unit.string("referat_title", when=meeting.date.strftime("%d.%m.%Y"))
        return [
            Document(f"{name}.docx", to_docx(markdown), title),
            Document(f"{name}.md", markdown, title),
        ]


def render(unit: Unit, meeting: Meeting) -> str:
    """The referat of `meeting` as Markdown, in the channel's language."""
    session, scope, prefs = unit.session, unit.where, unit.prefs
    decisions, actions = documents.records_of_meeting(
        session, scope.team_id, scope.channel_id, meeting
    )
    shown = names_for(session, scope.team_id, [*decisions, *actions])
    after = documents.meeting_after(session, scope.team_id, scope.channel_id, meeting.date)
    calendar: dict[str, list[date]] = {}
    for entry in documents.calendar_of_year(
        session, scope.team_id, scope.channel_id, meeting.date.year
    ):
        calendar.setdefault(entry.body, []).append(entry.date)
    referat = build(
        meeting,
        meeting.agenda,
        decisions,
        actions,
        shown,
        meeting_view(after, prefs) if after else None,
        list(calendar.items()),
        meeting_view(meeting, prefs),
    )
    return unit.deps.renderer.render(prefs.language, "referat", r=referat) + "\n"


# --- Word --------------------------------------------------------------------------------

_HEADING = re.compile(r"^(?P<marks>#{1,4}) (?P<text>.+)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _runs(paragraph: object, text: str) -> None:
    """Text with `**bold**` spans as runs."""
    for i, piece in enumerate(_BOLD.split(text)):
        if piece:
            paragraph.add_run(piece).bold = i % 2 == 1  # type: ignore[attr-defined]


def to_docx(markdown: str) -> bytes:
    """The referat's Markdown as a Word file: `#` headings, `- ` bullets, paragraphs."""
    from docx import Document as WordDocument

    doc = WordDocument()
    for line in markdown.splitlines():
        if not line.strip():
            continue
        heading = _HEADING.match(line)
        if heading:
            doc.add_heading(_BOLD.sub(r"\1", heading.group("text")), len(heading.group("marks")))
        elif line.startswith("- "):
            _runs(doc.add_paragraph(style="List Bullet"), line[2:])
        else:
            _runs(doc.add_paragraph(), line.rstrip("\\").rstrip())
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
